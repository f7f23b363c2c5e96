package org.inspraak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * One browser tab speaking Vaadin Flow's protocol over HTTP, as the real client does: the bootstrap page, the init
 * request with its security key and Push id, UIDL messages with the server's sync id and the client's message id,
 * node ids read from the changes the server sends, and the Push connection over a WebSocket, on which the server
 * sends live updates. Cookies are kept per tab, so many tabs share one HTTP client per source address.
 */
final class VirtualBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern PUSH_ID = Pattern.compile("\"Vaadin-Push-ID\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SYNC = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern ID =
            Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"([^\"]+)\"");
    private static final Pattern HREF = Pattern.compile(
            "\"node\":(\\d+),\"type\":\"put\",\"key\":\"href\",\"feat\":3,\"value\":\"/ideeen/(\\d+)\"");
    private static final Pattern LIST = Pattern.compile(
            "\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-virtual-list\"");
    /** The return channel of a list's card template (its functions, such as a card's vote). */
    private static final Pattern CARD_CHANNEL =
            Pattern.compile("\\{\"@v-return\":\\[(\\d+),(\\d+)\\]\\},\\[\"vote\"\\]");
    /** A row of a list as the server sends it: its key, then its values, one of which is the idea's id. */
    private static final Pattern ROW = Pattern.compile("\\{\"key\":\"(\\d+)\"");

    private static final Pattern ROW_ID = Pattern.compile("\"lr_[0-9a-f]+_id\":(\\d+)");
    private static final Pattern ROW_MINE = Pattern.compile("\"lr_[0-9a-f]+_mine\":\"([A-Z]*)\"");
    private static final Pattern DETACH = Pattern.compile("\"node\":(\\d+),\"type\":\"detach\"");
    private static final String CLICK = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":40,\"event.clientY\":300,\"event.altKey\":false,"
            + "\"event.button\":0,\"event.screenY\":380,\"event.screenX\":40}";

    /** Thrown when the server answers a message with something a browser would treat as a failure. */
    static final class Failure extends IOException {
        Failure(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final URI home;
    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, Integer> nodesById = new HashMap<>();
    private final Map<Long, Integer> ideaLinks = new HashMap<>();
    private final AtomicLong pushed;
    private final AtomicLong retried;
    private String securityKey;
    private String pushId;
    private int syncId = -1;
    private int uiId;
    private int clientId;
    private int listNode = -1;
    /** The node and channel of the list's card functions, when its cards can vote. */
    private int cardNode = -1;

    private int cardChannel = -1;
    /** Whether the page's list is a list of idea cards (rows of other lists are not ideas). */
    private boolean ideaCards;
    /** The cards the browser holds: row key by idea id. */
    private final Map<Long, String> cardKeys = new HashMap<>();
    /** The server's last answer to a message, to explain a failure. */
    private String lastAnswer = "";

    private int promise;
    private WebSocket push;
    /** When this page last told the server it is still open (its UI was made, or a heartbeat). */
    private long lastHeartbeat = System.nanoTime();

    /**
     * Vaadin's default heartbeat interval. The server closes a UI that missed three heartbeats (15.5 min), however
     * many other messages it sent; a request to it is then answered with "session expired".
     */
    static final Duration HEARTBEAT = Duration.ofSeconds(300);

    /**
     * @param pushed counts messages received over Push
     * @param retried counts requests of an open page sent again after a 503, as Vaadin's client does
     */
    VirtualBrowser(HttpClient http, URI home, AtomicLong pushed, AtomicLong retried) {
        this.http = http;
        this.home = home;
        this.pushed = pushed;
        this.retried = retried;
    }

    /** Signs in through the login form, with the CSRF token from the page, as a browser does. */
    void signIn(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = document("login");
        if (page.statusCode() != 200) {
            throw new Failure("login page: " + page.statusCode());
        }
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new Failure("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(email, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(home.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String to = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || to.contains("error") || to.contains("blocked")) {
            throw new Failure("sign-in failed: " + r.statusCode() + " " + to);
        }
    }

    /** Opens a page from its address: the HTML page, Vaadin's init request, and the navigation that renders it. */
    String open(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = document(path);
        if (page.statusCode() != 200) {
            throw new Failure("page " + path + ": " + page.statusCode());
        }
        HttpResponse<String> init = get("?v-r=init&location=" + URLEncoder.encode(path, UTF_8) + "&query=");
        Matcher key = KEY.matcher(init.body());
        if (init.statusCode() != 200 || !key.find()) {
            throw new Failure("no Vaadin UI for " + path + ": " + init.statusCode());
        }
        securityKey = key.group(1);
        close();
        Matcher pid = PUSH_ID.matcher(init.body());
        pushId = pid.find() ? pid.group(1) : null;
        // Every page load makes a new UI in the session, with its own id.
        Matcher ui = UI_ID.matcher(init.body());
        uiId = ui.find() ? Integer.parseInt(ui.group(1)) : 0;
        lastHeartbeat = System.nanoTime();
        syncId = -1;
        clientId = 0;
        nodesById.clear();
        ideaLinks.clear();
        listNode = -1;
        return navigate(path);
    }

    /**
     * The heartbeat an open page sends on a timer, when it is due: a POST without a body, as Vaadin's client sends it.
     * Sent before the next interaction rather than on a timer of its own, which residents acting every few seconds
     * cannot tell apart.
     */
    void heartbeatIfDue() throws IOException, InterruptedException {
        if (System.nanoTime() - lastHeartbeat < HEARTBEAT.toNanos()) {
            return;
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(home.resolve("?v-r=heartbeat&v-uiId=" + uiId))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (r.statusCode() != 200) {
            throw new Failure("heartbeat answered " + r.statusCode());
        }
        lastHeartbeat = System.nanoTime();
    }

    /** A click on a link inside the application: the router's navigation message, no new page load. */
    String navigate(String route) throws IOException, InterruptedException {
        int q = route.indexOf('?');
        String path = q < 0 ? route : route.substring(0, q);
        String query = q < 0 ? "" : route.substring(q + 1);
        listNode = -1;
        cardNode = -1;
        ideaCards = false;
        cardKeys.clear();
        return rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + path
                + "\",\"query\":\"" + query
                + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
    }

    /** The rows a virtual list asks for when it is scrolled to them. */
    String scrollList(int first, int count) throws IOException, InterruptedException {
        if (listNode < 0) {
            throw new Failure("no idea list on this page; the last answer: " + summary(lastAnswer));
        }
        return rpc("{\"type\":\"publishedEventHandler\",\"node\":" + listNode
                + ",\"templateEventMethodName\":\"setViewportRange\",\"templateEventMethodArgs\":[" + first + ","
                + (first + count) + "],\"promise\":" + (promise++) + "}");
    }

    String click(String elementId) throws IOException, InterruptedException {
        Integer node = nodesById.get(elementId);
        if (node == null) {
            throw new Failure("no element " + elementId + " on the page");
        }
        return rpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":" + CLICK + "}");
    }

    /** Typing into a field: the value property the client synchronises when the field changes. */
    String type(String elementId, String value) throws IOException, InterruptedException {
        Integer node = nodesById.get(elementId);
        if (node == null) {
            throw new Failure("no element " + elementId + " on the page");
        }
        String json = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return rpc("{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":" + json
                + "},{\"type\":\"event\",\"node\":" + node + ",\"event\":\"change\",\"data\":{}}");
    }

    /**
     * A click on a vote button of an idea's card: the card's template calls its function, which the browser sends
     * through the list's return channel with the row's key.
     */
    String voteOnCard(long idea, String choice) throws IOException, InterruptedException {
        String key = cardKeys.get(idea);
        if (cardNode < 0 || key == null) {
            throw new Failure("no card of idea " + idea + " to vote on");
        }
        return rpc("{\"type\":\"channel\",\"node\":" + cardNode + ",\"channel\":" + cardChannel
                + ",\"args\":[\"vote\",\"" + key + "\",[\"" + choice + "\"]]}");
    }

    /** Whether the server drew the idea's card again with this choice pressed in this answer (the vote was stored). */
    boolean votedIn(String answer, long idea, String choice) {
        String key = cardKeys.get(idea);
        if (key == null) {
            return false;
        }
        for (String row : rows(answer)) {
            Matcher k = ROW.matcher(row);
            Matcher mine = ROW_MINE.matcher(row);
            if (k.find()
                    && k.group(1).equals(key)
                    && mine.find()
                    && mine.group(1).equals(choice)) {
                return true;
            }
        }
        return false;
    }

    /** The rows of lists in a server message, each from its key to the next row. */
    private static List<String> rows(String body) {
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        int start = -1;
        while (m.find()) {
            if (start >= 0) {
                rows.add(body.substring(start, m.start()));
            }
            start = m.start();
        }
        if (start >= 0) {
            rows.add(body.substring(start));
        }
        return rows;
    }

    boolean has(String elementId) {
        return nodesById.containsKey(elementId);
    }

    /** Ideas whose cards with vote buttons are on the page now. */
    List<Long> votableIdeas() {
        return cardNode < 0 ? List.of() : new ArrayList<>(cardKeys.keySet());
    }

    /** Ideas linked from the page now, by a link or a card. */
    List<Long> linkedIdeas() {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>(ideaLinks.keySet());
        ids.addAll(cardKeys.keySet());
        return new ArrayList<>(ids);
    }

    /** Opens the Push connection over a WebSocket, as the client does once the page is shown. */
    void connectPush() throws InterruptedException, java.io.IOException {
        if (pushId == null) {
            return;
        }
        URI ws = URI.create(
                home.toString().replace("http://", "ws://") + "VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId="
                        + URLEncoder.encode(pushId, UTF_8)
                        + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                        + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                        + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true");
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        try {
            push = b.buildAsync(ws, new PushListener()).join();
        } catch (java.util.concurrent.CompletionException e) {
            // The handshake's answer says why (a busy node's 503 counts as a busy page, anything else as a failure).
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                throw new java.io.IOException(
                        "Push refused: HTTP " + h.getResponse().statusCode() + " "
                                + h.getResponse().body(),
                        h);
            }
            throw e;
        }
    }

    void close() {
        if (push != null) {
            push.abort();
            push = null;
        }
    }

    private final class PushListener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String message = buffer.toString();
                buffer.setLength(0);
                if (message.contains("for(;;);")) {
                    pushed.incrementAndGet();
                    // Pushed changes re-render parts of the page (new node ids) and move the server's sync id on.
                    absorb(message);
                }
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }

    private synchronized String rpc(String invocations) throws IOException, InterruptedException {
        String message = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + invocations + "],\"syncId\":"
                + Math.max(syncId, 0) + ",\"clientId\":" + clientId + "}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(home.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
        String body = r.body();
        if (r.statusCode() != 200 || !body.startsWith("for(;;);") || body.contains("\"appError\"")) {
            throw new Failure("UIDL answer " + r.statusCode() + ": " + body.substring(0, Math.min(200, body.length())));
        }
        Matcher c = CLIENT.matcher(body);
        if (c.find()) {
            clientId = Integer.parseInt(c.group(1));
        }
        lastAnswer = body;
        absorb(body);
        return body;
    }

    /** Enough of an answer to tell why it lacked what was expected. */
    private static String summary(String body) {
        return body.length() + " chars"
                + (body.contains("\"appError\"") ? ", an application error" : "")
                + (body.contains("\"redirect\"") ? ", a redirect" : "")
                + (body.contains("vaadin-virtual-list") ? ", with a list" : "")
                + ": " + body.substring(0, Math.min(300, body.length()));
    }

    /** Applies what the browser needs of a server message: its sync id, the nodes that went and came. */
    private synchronized void absorb(String body) {
        Matcher s = SYNC.matcher(body);
        while (s.find()) {
            syncId = Math.max(syncId, Integer.parseInt(s.group(1)));
        }
        Matcher d = DETACH.matcher(body);
        while (d.find()) {
            Integer gone = Integer.valueOf(d.group(1));
            nodesById.values().remove(gone);
            ideaLinks.values().remove(gone);
        }
        Matcher id = ID.matcher(body);
        while (id.find()) {
            nodesById.put(id.group(2), Integer.parseInt(id.group(1)));
        }
        Matcher href = HREF.matcher(body);
        while (href.find()) {
            ideaLinks.put(Long.parseLong(href.group(2)), Integer.parseInt(href.group(1)));
        }
        Matcher list = LIST.matcher(body);
        if (list.find()) {
            listNode = Integer.parseInt(list.group(1));
        }
        Matcher channel = CARD_CHANNEL.matcher(body);
        if (channel.find()) {
            cardNode = Integer.parseInt(channel.group(1));
            cardChannel = Integer.parseInt(channel.group(2));
        }
        if (body.contains("card idea-card")) {
            ideaCards = true;
        }
        if (!ideaCards) {
            return;
        }
        // A new range of rows replaces the cards the browser holds; a card drawn again keeps its key.
        if (body.contains("$connector.set(")) {
            cardKeys.clear();
        }
        for (String row : rows(body)) {
            Matcher k = ROW.matcher(row);
            Matcher rowId = ROW_ID.matcher(row);
            if (k.find() && rowId.find()) {
                cardKeys.put(Long.parseLong(rowId.group(1)), k.group(1));
            }
        }
    }

    /** A page load, as a browser asks for it when someone follows a link or types the address. */
    private HttpResponse<String> document(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(home.resolve(path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(home.resolve(path)));
    }

    /**
     * Sends a request. An open page (one with a session) that gets a 503 sends the same request again as Vaadin's
     * client does after a failed message: once at once, then every 5 s (its default reconnect interval), here at
     * most 12 times; a page load's 503 (the busy page) is returned to the caller.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        boolean pageLoad = built.headers().firstValue("Accept").orElse("").contains("text/html");
        HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; r.statusCode() == 503 && !cookie.isEmpty() && !pageLoad && attempt <= 12; attempt++) {
            retried.incrementAndGet();
            if (attempt > 1) {
                Thread.sleep(5_000);
            }
            r = http.send(built, HttpResponse.BodyHandlers.ofString());
        }
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return r;
    }

    private String cookieHeader() {
        StringBuilder b = new StringBuilder();
        cookies.forEach((k, v) ->
                b.append(b.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return b.toString();
    }
}

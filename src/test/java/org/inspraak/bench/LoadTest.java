package org.inspraak.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load test ({@code ./mvnw -Pload verify}): how many residents at once one node serves. Starts the packaged jar
 * on the demo data, then adds virtual residents in stages (500, 1,000, 2,000, 4,000 by default). Each is a
 * {@link VirtualBrowser} in a virtual thread that opens the consultation, connects Push, and then, with a think time
 * of 10 s on average, scrolls the idea list, opens ideas, votes, changes a vote, reacts, searches and goes home; half
 * of them sign in (only they vote and react), a few are moderators working the queue. After every stage's ramp a
 * measuring window records each interaction's server round trip, errors and the server's CPU time; then the heap
 * after a full GC. At the end the application is stopped and the votes in its database are compared with the votes
 * the server acknowledged. Figures go into target/bench/results.json (merged with the benchmark's), a readable
 * target/bench/load-report.md and a chart target/bench/load-p95.svg.
 *
 * <p>{@code -Dload.soak=45} runs the soak mode instead: one stage ({@code load.soak.residents}, 600) for that many
 * minutes with the database pool's connection lifetime cut to 60 s, reporting each 5-minute slice. Every loop here is
 * bounded in count and time, and every request has a timeout, so a run always stops by itself.
 */
public final class LoadTest {

    enum Kind {
        OPEN_HOME("open the home page"),
        OPEN_CONSULTATION("open the consultation"),
        SCROLL("scroll the idea list"),
        OPEN_IDEA("open an idea"),
        VOTE("vote"),
        CHANGE_VOTE("change a vote"),
        REACT("react"),
        SEARCH("search"),
        MODERATE("open the moderation queue");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final String PASSWORD = "inspraak-demo";
    private static final String[] QUERIES = {
        "parkeren", "bibliotheek", "sport", "lantaarnpalen", "bus", "zwembad", "afval", "groen", "subsidie", "wijk"
    };
    private static final int ADDRESSES = 50;
    private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("load.think", "10"));
    private static final double SIGNED_IN = 0.5;
    private static final double MODERATORS = 0.01;
    private static final long MAX_INTERACTIONS = 100_000;

    private final Path target;
    private final Path bench;
    private final Map<Kind, ConcurrentLinkedQueue<Long>> times = new EnumMap<>(Kind.class);
    private final Map<Kind, AtomicLong> errors = new EnumMap<>(Kind.class);
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong setupFailures = new AtomicLong();
    private final AtomicLong heartbeatFailures = new AtomicLong();
    private final AtomicLong busyPages = new AtomicLong();
    private final AtomicLong votesAcknowledged = new AtomicLong();
    private final AtomicLong votesRefused = new AtomicLong();
    /** The last vote the server acknowledged, per account and idea: what its database must hold at the end. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Clicks after the last acknowledged one whose answer never came (timed out): the server may have stored them. */
    private final Map<String, java.util.Set<String>> unanswered = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private final List<StageFigures> stages = new ArrayList<>();
    /** Errors in the measuring windows by interaction and message (numbers left out), with one full sample each. */
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();
    private double baselineHeapMb;
    private final ConcurrentLinkedQueue<VirtualBrowser> open = new ConcurrentLinkedQueue<>();

    record StageFigures(
            int residents,
            long interactions,
            long errors,
            Map<Kind, double[]> percentiles,
            double overallP95,
            double cpuMsPerInteraction,
            double heapMb,
            double driverCpuMsPerInteraction,
            int residentsIn,
            long busyPages,
            long retried) {}

    LoadTest(Path target) {
        this.target = target;
        this.bench = target.resolve("bench");
        for (Kind k : Kind.values()) {
            times.put(k, new ConcurrentLinkedQueue<>());
            errors.put(k, new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        new LoadTest(target).run();
        System.exit(0);
    }

    void run() throws Exception {
        int soakMinutes = Integer.getInteger("load.soak", 0);
        List<Integer> plan = soakMinutes > 0
                ? List.of(Integer.getInteger("load.soak.residents", 600))
                : Arrays.stream(System.getProperty("load.residents", "500,1000,2000,4000")
                                .split(","))
                        .map(String::strip)
                        .map(Integer::valueOf)
                        .toList();
        int windowSeconds = Integer.getInteger("load.window", 60);
        int most = plan.stream().mapToInt(Integer::intValue).max().orElseThrow();
        // One account for each resident who may sign in (resident n signs in as bezoeker n+1).
        int accounts = most + 10;
        Path data = bench.resolve("load-data");
        Benchmarks.deleteRecursively(data);
        Files.createDirectories(bench);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + System.getProperty("load.heap", "3g")));
        // Extra server options, e.g. -Dload.jvm=-XX:StartFlightRecording=filename=x.jfr to profile a run.
        String extra = System.getProperty("load.jvm", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(Arrays.asList(extra.split("\\s+")));
        }
        cmd.addAll(List.of(
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--inspraak.data-dir=" + data,
                "--inspraak.demo-data=true",
                "--inspraak.demo.load-residents=" + accounts,
                "--logging.level.com.vaadin=warn"));
        if (soakMinutes > 0) {
            // Time-dependent faults show sooner when the pool replaces its connections every minute.
            cmd.add("--spring.datasource.hikari.max-lifetime=60000");
        }
        Process app = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(bench.resolve("app-load.log").toFile())
                .start();
        URI home = URI.create("http://127.0.0.1:" + port + "/");
        ExecutorService residents = Executors.newVirtualThreadPerTaskExecutor();
        try {
            waitUntilReady(app, home);
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                clients.add(HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.9." + (2 + i)))
                        .connectTimeout(Duration.ofSeconds(30))
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .build());
            }
            baselineHeapMb = Benchmarks.liveHeap(app.pid()) / 1024.0 / 1024.0;
            record("(h) live heap before any resident arrived", baselineHeapMb, "MB");
            int started = 0;
            for (int stageResidents : plan) {
                int adding = stageResidents - started;
                long busy0 = busyPages.get();
                long retried0 = retried.get();
                CountDownLatch ready = new CountDownLatch(adding);
                System.out.printf(Locale.ROOT, "Stage %,d residents: adding %,d%n", stageResidents, adding);
                for (int i = started; i < stageResidents; i++) {
                    int n = i;
                    residents.submit(() -> resident(n, clients.get(n % ADDRESSES), home, ready));
                    // A rush, not a wall: new visitors arrive at about 50 a second.
                    Thread.sleep(20);
                }
                started = stageResidents;
                if (!ready.await(5, TimeUnit.MINUTES)) {
                    System.out.println("  not every resident got in within 5 minutes");
                }
                Thread.sleep(10_000);
                if (soakMinutes > 0) {
                    for (int slice = 0; slice < Math.ceil(soakMinutes / 5.0); slice++) {
                        int minutes = Math.min(5, soakMinutes - slice * 5);
                        StageFigures f = measure(app, stageResidents, minutes * 60, busy0, retried0);
                        stages.add(f);
                        recordStage(f, "soak " + (slice * 5) + "-" + (slice * 5 + minutes) + " min, ");
                    }
                } else {
                    StageFigures f = measure(app, stageResidents, windowSeconds, busy0, retried0);
                    stages.add(f);
                    recordStage(f, "");
                }
            }
        } finally {
            stopping.set(true);
            residents.shutdown();
            residents.awaitTermination(2, TimeUnit.MINUTES);
            open.forEach(VirtualBrowser::close);
            app.destroy();
            app.waitFor(2, TimeUnit.MINUTES);
        }
        compareVotes(data);
        write(soakMinutes);
    }

    /** One virtual resident: arrives, opens the consultation, then acts with think times until the run stops. */
    private void resident(int n, HttpClient http, URI home, CountDownLatch ready) {
        Random random = new Random(n);
        boolean moderator = random.nextDouble() < MODERATORS;
        boolean signedIn = moderator || random.nextDouble() < SIGNED_IN;
        String account = moderator
                ? (n % 2 == 0 ? "moderator@example.org" : "beheerder@example.org")
                : "bezoeker" + (1 + n) + "@example.org";
        VirtualBrowser browser = new VirtualBrowser(http, home, pushed, retried);
        boolean in = false;
        boolean known = !signedIn;
        for (int attempt = 0; attempt < 10 && !in && !stopping.get(); attempt++) {
            try {
                if (!known) {
                    browser.signIn(account, PASSWORD);
                    known = true;
                }
                browser.open("gesprekken/1");
                browser.scrollList(0, 8);
                browser.connectPush();
                in = true;
            } catch (Exception e) {
                if (String.valueOf(e.getMessage()).contains("503")) {
                    busyPages.incrementAndGet();
                } else {
                    setupFailures.incrementAndGet();
                    lastError.put("setup", String.valueOf(e.getMessage()));
                }
                // As a person does on the busy page: try again after half a minute.
                sleep(30_000);
            }
        }
        ready.countDown();
        if (!in) {
            return;
        }
        open.add(browser);
        Map<Long, String> mine = new HashMap<>();
        String page = "consultation";
        int row = 0;
        for (long count = 0; count < MAX_INTERACTIONS && !stopping.get(); count++) {
            sleep((long) Math.min(60_000, -Math.log(1 - random.nextDouble()) * THINK_SECONDS * 1000));
            if (stopping.get()) {
                break;
            }
            try {
                browser.heartbeatIfDue();
            } catch (Exception e) {
                heartbeatFailures.incrementAndGet();
                lastError.put("heartbeat", String.valueOf(e.getMessage()));
            }
            Kind kind;
            double r = random.nextDouble();
            if (moderator) {
                kind = page.equals("moderation") ? Kind.OPEN_CONSULTATION : Kind.MODERATE;
            } else if (!page.equals("consultation")) {
                kind = page.equals("idea") && signedIn && r < 0.3 ? Kind.REACT : Kind.OPEN_CONSULTATION;
            } else if (signedIn) {
                kind = r < 0.35
                        ? Kind.VOTE
                        : r < 0.45
                                ? Kind.CHANGE_VOTE
                                : r < 0.65
                                        ? Kind.SCROLL
                                        : r < 0.85 ? Kind.OPEN_IDEA : r < 0.95 ? Kind.SEARCH : Kind.OPEN_HOME;
            } else {
                kind = r < 0.35 ? Kind.SCROLL : r < 0.65 ? Kind.OPEN_IDEA : r < 0.85 ? Kind.SEARCH : Kind.OPEN_HOME;
            }
            long t0 = System.nanoTime();
            try {
                switch (kind) {
                    case OPEN_HOME -> {
                        browser.navigate("");
                        page = "home";
                    }
                    case OPEN_CONSULTATION -> {
                        browser.navigate("gesprekken/1");
                        browser.scrollList(0, 8);
                        row = 0;
                        page = "consultation";
                    }
                    case SCROLL -> {
                        row = (row + 8) % 48;
                        browser.scrollList(row, 8);
                    }
                    case OPEN_IDEA -> {
                        List<Long> ideas = browser.linkedIdeas();
                        if (ideas.isEmpty()) {
                            continue;
                        }
                        browser.navigate("ideeen/" + ideas.get(random.nextInt(ideas.size())));
                        page = "idea";
                    }
                    case VOTE, CHANGE_VOTE -> {
                        List<Long> ideas = browser.votableIdeas();
                        List<Long> candidates = ideas.stream()
                                .filter(id -> kind == Kind.VOTE != mine.containsKey(id))
                                .toList();
                        if (candidates.isEmpty()) {
                            continue;
                        }
                        long idea = candidates.get(random.nextInt(candidates.size()));
                        String[] choices = {"agree", "disagree", "pass"};
                        String choice;
                        do {
                            choice = choices[random.nextInt(3)];
                        } while (choice.equals(mine.get(idea)));
                        String key = account + " " + idea;
                        unanswered
                                .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                                .add(choice.toUpperCase(Locale.ROOT));
                        String answer = browser.voteOnCard(idea, choice.toUpperCase(Locale.ROOT));
                        if (browser.votedIn(answer, idea, choice.toUpperCase(Locale.ROOT))) {
                            mine.put(idea, choice);
                            unanswered.remove(key);
                            acknowledged.put(key, choice.toUpperCase(Locale.ROOT));
                            votesAcknowledged.incrementAndGet();
                        } else {
                            votesRefused.incrementAndGet();
                        }
                    }
                    case REACT -> {
                        if (!browser.has("reaction-text")) {
                            continue;
                        }
                        browser.type(
                                "reaction-text",
                                "Goed voorstel, dat steun ik. Wel graag eerst met de buurt overleggen.");
                        browser.click("reaction-post");
                    }
                    case SEARCH -> {
                        browser.navigate("zoeken?q=" + QUERIES[random.nextInt(QUERIES.length)]);
                        page = "search";
                    }
                    case MODERATE -> {
                        browser.navigate("moderatie");
                        page = "moderation";
                    }
                }
                if (measuring.get()) {
                    times.get(kind).add(System.nanoTime() - t0);
                }
            } catch (Exception e) {
                if (measuring.get()) {
                    errors.get(kind).incrementAndGet();
                }
                lastError.put(kind.name(), String.valueOf(e.getMessage()));
                if (measuring.get()) {
                    String what =
                            String.valueOf(e.getMessage()).split(";", 2)[0].replaceAll("\\d+", "#");
                    errorKinds
                            .computeIfAbsent(kind.label + ": " + what, k -> new AtomicLong())
                            .incrementAndGet();
                    errorSamples.putIfAbsent(kind.label + ": " + what, String.valueOf(e.getMessage()));
                }
                // A browser that lost its page reloads it, as a person would.
                try {
                    browser.open("gesprekken/1");
                    browser.scrollList(0, 8);
                    browser.connectPush();
                    page = "consultation";
                } catch (Exception again) {
                    sleep(5_000);
                }
            }
        }
    }

    private StageFigures measure(Process app, int residents, int seconds, long busy0, long retried0) throws Exception {
        times.values().forEach(ConcurrentLinkedQueue::clear);
        errors.values().forEach(e -> e.set(0));
        long cpu0 = cpuMillis(app.pid());
        long driver0 = driverCpuMillis();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long cpu = cpuMillis(app.pid()) - cpu0;
        long driver = driverCpuMillis() - driver0;
        Map<Kind, double[]> pct = new EnumMap<>(Kind.class);
        List<Long> all = new ArrayList<>();
        long errorCount = 0;
        for (Kind k : Kind.values()) {
            long[] t = times.get(k).stream().mapToLong(Long::longValue).toArray();
            errorCount += errors.get(k).get();
            if (t.length > 0) {
                pct.put(k, new double[] {
                    Benchmarks.p(t, 50) / 1e6,
                    Benchmarks.p(t, 95) / 1e6,
                    Benchmarks.p(t, 99) / 1e6,
                    t.length,
                    errors.get(k).get()
                });
                Arrays.stream(t).forEach(all::add);
            }
        }
        long[] everything = all.stream().mapToLong(Long::longValue).toArray();
        long interactions = everything.length;
        double heap = Benchmarks.liveHeap(app.pid()) / 1024.0 / 1024.0;
        StageFigures f = new StageFigures(
                residents,
                interactions,
                errorCount,
                pct,
                interactions == 0 ? 0 : Benchmarks.p(everything, 95) / 1e6,
                interactions == 0 ? 0 : (double) cpu / interactions,
                heap,
                interactions == 0 ? 0 : (double) driver / interactions,
                open.size(),
                busyPages.get() - busy0,
                retried.get() - retried0);
        System.out.printf(
                Locale.ROOT,
                "  %,d residents (%,d in, %,d busy pages, %,d 503s sent again): %,d interactions in %d s, %d errors,"
                        + " p95 %.1f ms, server CPU %.1f ms each, heap %.0f MB%n",
                residents,
                f.residentsIn(),
                f.busyPages(),
                f.retried(),
                interactions,
                seconds,
                errorCount,
                f.overallP95(),
                f.cpuMsPerInteraction(),
                heap);
        return f;
    }

    private void recordStage(StageFigures f, String prefix) {
        String at = prefix + String.format(Locale.ROOT, "%,d residents", f.residents());
        for (Map.Entry<Kind, double[]> e : f.percentiles().entrySet()) {
            double[] v = e.getValue();
            record("(h) " + at + ", " + e.getKey().label + ", p50", v[0], "ms");
            record("(h) " + at + ", " + e.getKey().label + ", p95", v[1], "ms");
            record("(h) " + at + ", " + e.getKey().label + ", p99", v[2], "ms");
        }
        record("(h) " + at + ", all interactions, p95", f.overallP95(), "ms");
        record("(h) " + at + ", interactions per second", f.interactions() / (double) windowOf(prefix), "1/s");
        record("(h) " + at + ", errors", f.errors(), "");
        record("(h) " + at + ", server CPU per interaction", f.cpuMsPerInteraction(), "ms");
        record("(h) " + at + ", load driver CPU per interaction (same 2 cores)", f.driverCpuMsPerInteraction(), "ms");
        record("(h) " + at + ", live heap (class histogram after a full GC)", f.heapMb(), "MB");
        if (f.residentsIn() > 0) {
            record(
                    "(h) " + at + ", live heap per resident taking part, above the heap before any arrived",
                    (f.heapMb() - baselineHeapMb) * 1024 / f.residentsIn(),
                    "KB");
        }
        record("(h) " + at + ", residents taking part (the others were sent the busy page)", f.residentsIn(), "");
        record("(h) " + at + ", busy pages shown to arriving residents", f.busyPages(), "");
        record("(h) " + at + ", requests of open pages answered 503 and sent again", f.retried(), "");
    }

    private static int windowOf(String prefix) {
        return prefix.startsWith("soak") ? 300 : Integer.getInteger("load.window", 60);
    }

    /** The votes in the database of the stopped application against those the server acknowledged. */
    private void compareVotes(Path data) throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.resolve("db").resolve("inspraak") + ";ACCESS_MODE_DATA=r", "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("select u.email, v.idea_id, v.choice from vote v join user_account u"
                                + " on u.id = v.user_id where u.email like 'bezoeker%'")) {
            while (rs.next()) {
                stored.put(rs.getString(1) + " " + rs.getLong(2), rs.getString(3));
            }
        }
        long same = acknowledged.entrySet().stream()
                .filter(e -> e.getValue().equals(stored.get(e.getKey())))
                .count();
        // A later click whose answer timed out may have been stored after the acknowledged one, as in a browser.
        long later = acknowledged.entrySet().stream()
                .filter(e -> !e.getValue().equals(stored.get(e.getKey())))
                .filter(e ->
                        unanswered.getOrDefault(e.getKey(), java.util.Set.of()).contains(stored.get(e.getKey())))
                .count();
        long lost = acknowledged.size() - same - later;
        record(
                "(h) votes acknowledged by the server (clicks answered with the vote shown)",
                votesAcknowledged.get(),
                "");
        record("(h) votes a resident holds, as last acknowledged", acknowledged.size(), "");
        record("(h) of those, stored in the database with the acknowledged choice", same, "");
        record("(h) of those, stored with a later click whose answer timed out", later, "");
        record("(h) of those, lost (acknowledged but not stored): must be 0", lost, "");
        record("(h) votes stored in the database for the load-test residents", stored.size(), "");
        record("(h) vote clicks answered without the vote (refused)", votesRefused.get(), "");
        record("(h) residents who saw the busy page on arrival (tried again after 30 s)", busyPages.get(), "");
        record("(h) arrivals that failed otherwise", setupFailures.get(), "");
        record("(h) messages received over Push", pushed.get(), "");
        record("(h) heartbeats of open pages not answered 200 (a closed UI): must be 0", heartbeatFailures.get(), "");
        record("(h) requests of open pages answered 503 and sent again (as Vaadin's client does)", retried.get(), "");
        System.out.printf(
                Locale.ROOT,
                "Votes: %,d acknowledged clicks, %,d held, %,d stored as acknowledged, %,d stored in all%n",
                votesAcknowledged.get(),
                acknowledged.size(),
                same,
                stored.size());
        lastError.forEach((k, v) -> System.out.println("  last error, " + k + ": " + v));
        errorKinds.forEach((k, v) -> System.out.println(
                "  errors while measuring, " + k + ": " + v.get() + " (e.g. " + errorSamples.get(k) + ")"));
    }

    private void record(String name, double value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", Math.round(value * 100) / 100.0);
        m.put("unit", unit);
        results.put(name, m);
    }

    /** Merges this run's figures into results.json (replacing earlier load figures) and writes the report. */
    private void write(int soakMinutes) throws IOException {
        Path out = bench.resolve("results.json");
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode doc = Files.exists(out) ? (ObjectNode) json.readTree(out.toFile()) : json.createObjectNode();
        ArrayNode list = json.createArrayNode();
        if (doc.get("results") instanceof ArrayNode previous) {
            for (JsonNode n : previous) {
                if (!n.path("name").asString().startsWith("(h) ")) {
                    list.add(n);
                }
            }
        }
        results.values().forEach(m -> list.add(json.valueToTree(m)));
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        doc.put("load-date", LocalDate.now(Clock.systemUTC()).toString());
        doc.set("results", list);
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));

        StringBuilder md = new StringBuilder();
        md.append(soakMinutes > 0 ? "# Soak test\n\n" : "# Load test\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%s, %d cores, Java %s; think time %.0f s on average; half of the residents signed in.%n%n",
                LocalDate.now(Clock.systemUTC()),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                THINK_SECONDS));
        md.append(
                "| residents | taking part | busy pages on arrival | 503s sent again | interactions/s | p95 all (ms) | errors | server CPU/interaction (ms) | driver CPU/interaction (ms) | live heap (MB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (StageFigures f : stages) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %,d | %,d | %.1f | %.0f | %d | %.1f | %.1f | %.0f |%n",
                    f.residents(),
                    f.residentsIn(),
                    f.busyPages(),
                    f.retried(),
                    f.interactions() / (double) (soakMinutes > 0 ? 300 : Integer.getInteger("load.window", 60)),
                    f.overallP95(),
                    f.errors(),
                    f.cpuMsPerInteraction(),
                    f.driverCpuMsPerInteraction(),
                    f.heapMb()));
        }
        md.append(
                "\n| residents | interaction | count | errors | p50 (ms) | p95 (ms) | p99 (ms) |\n|---|---|---|---|---|---|---|\n");
        for (StageFigures f : stages) {
            f.percentiles()
                    .forEach((k, v) -> md.append(String.format(
                            Locale.ROOT,
                            "| %,d | %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
                            f.residents(),
                            k.label,
                            v[3],
                            v[4],
                            v[0],
                            v[1],
                            v[2])));
        }
        if (!errorKinds.isEmpty()) {
            md.append("\n| errors while measuring (all stages) | count |\n|---|---|\n");
            errorKinds.forEach((k, v) -> md.append("| ")
                    .append(k.replace("|", "/"))
                    .append(" | ")
                    .append(v.get())
                    .append(" |\n"));
        }
        md.append("\n| votes, arrivals, Push and heartbeats | count |\n|---|---|\n");
        results.values().stream()
                .filter(m -> String.valueOf(m.get("name")).startsWith("(h) vote")
                        || String.valueOf(m.get("name")).startsWith("(h) of those")
                        || String.valueOf(m.get("name")).contains("heartbeat")
                        || String.valueOf(m.get("name")).contains("busy page")
                        || String.valueOf(m.get("name")).contains("arrivals")
                        || String.valueOf(m.get("name")).contains("Push"))
                .forEach(m -> md.append("| ")
                        .append(String.valueOf(m.get("name")).substring(4))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", ((Number) m.get("value")).doubleValue()))
                        .append(" |\n"));
        Files.writeString(bench.resolve(soakMinutes > 0 ? "soak-report.md" : "load-report.md"), md.toString());
        if (soakMinutes == 0) {
            Files.writeString(bench.resolve("load-p95.svg"), chart());
        }
        System.out.println(md);
    }

    /** p95 per interaction type against concurrent residents, with the 300 ms goal, as an SVG line chart. */
    private String chart() {
        int w = 720;
        int h = 400;
        int left = 60;
        int right = 200;
        int top = 20;
        int bottom = 50;
        double maxY = Math.max(
                400,
                stages.stream()
                        .flatMap(s -> s.percentiles().values().stream())
                        .mapToDouble(v -> v[1])
                        .max()
                        .orElse(400));
        double maxX = stages.stream().mapToInt(StageFigures::residents).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
                w,
                h,
                w,
                h));
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        java.util.function.DoubleUnaryOperator x = v -> left + v / maxX * plotW;
        java.util.function.DoubleUnaryOperator y = v -> top + plotH - Math.min(v, maxY) / maxY * plotH;
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                    left,
                    left + plotW,
                    y.applyAsDouble(v),
                    y.applyAsDouble(v),
                    left - 6,
                    y.applyAsDouble(v) + 4,
                    v));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"6 4\"/>"
                        + "<text x=\"%.0f\" y=\"%.1f\" fill=\"#c00\">goal: p95 300 ms</text>%n",
                left,
                left + plotW,
                y.applyAsDouble(300),
                y.applyAsDouble(300),
                // Above the line at the left, where the legend on the right cannot overlap it.
                left + 6.0,
                y.applyAsDouble(300) - 6));
        for (StageFigures s : stages) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
                    x.applyAsDouble(s.residents()),
                    h - bottom + 18,
                    s.residents()));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">concurrent residents</text>"
                        + "<text x=\"14\" y=\"%.0f\" transform=\"rotate(-90 14 %.0f)\" text-anchor=\"middle\">p95 round trip (ms)</text>%n",
                left + plotW / 2,
                h - 10,
                top + plotH / 2,
                top + plotH / 2));
        String[] colours = {
            "#1f5c99", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6a4c93", "#8ab17d", "#264653", "#b5838d"
        };
        int line = 0;
        for (Kind k : Kind.values()) {
            StringBuilder points = new StringBuilder();
            for (StageFigures s : stages) {
                double[] v = s.percentiles().get(k);
                if (v != null) {
                    points.append(String.format(
                            Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(s.residents()), y.applyAsDouble(v[1])));
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            String colour = colours[line % colours.length];
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                            + "<text x=\"%.0f\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    colour,
                    points.toString().strip(),
                    left + plotW + 6,
                    top + 40 + line * 16,
                    colour,
                    k.label));
            line++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void waitUntilReady(Process app, URI home) throws Exception {
        HttpClient probe = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped; see target/bench/app-load.log");
            }
            try {
                if (probe.send(
                                        HttpRequest.newBuilder(home.resolve("actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not become ready in 5 minutes");
    }

    private Path jar() throws IOException {
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("inspraak-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the jar first (./mvnw -Pload verify)"));
        }
    }

    /** CPU time of a process (user and system) in ms, from /proc: 100 clock ticks a second on Linux. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static long driverCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

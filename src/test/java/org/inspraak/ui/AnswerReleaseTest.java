package org.inspraak.ui;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page's last answer, as a browser sees it over HTTP: a message sent again at once (its answer was lost on the way)
 * gets the very same answer, and once the retry window has passed the server no longer keeps the copy and a late
 * retry gets Flow's "reload the page" answer instead of the stored view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inspraak.demo-data=true")
@ActiveProfiles("test")
class AnswerReleaseTest {

    @LocalServerPort
    int port;

    @Test
    void theLastAnswerIsKeptForARetryAndThenLetGo() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI home = URI.create("http://localhost:" + port + "/");
        client.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.ofString());
        String init = client.send(
                        HttpRequest.newBuilder(home.resolve("?v-r=init&location=&query="))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher key = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"").matcher(init);
        assertThat(key.find())
                .as("the init answer carries the page's security key")
                .isTrue();
        String navigate = "{\"csrfToken\":\"" + key.group(1)
                + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"\","
                + "\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";

        String view = uidl(client, home, navigate);
        assertThat(view).contains("\"changes\"").hasSizeGreaterThan(5_000);
        assertThat(uidl(client, home, navigate))
                .as("sent again at once: the same answer, not the message carried out twice")
                .isEqualTo(view);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(uidl(client, home, navigate))
                        .as("sent again after the retry window: reload the page")
                        .isEqualTo(AnswerRelease.RELOAD));
    }

    private static String uidl(HttpClient client, URI home, String message) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(home.resolve("?v-r=uidl&v-uiId=0"))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}

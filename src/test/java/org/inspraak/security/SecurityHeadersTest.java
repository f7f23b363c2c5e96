package org.inspraak.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on real HTTP responses; the browser tests prove the policy does not break Vaadin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inspraak.demo-data=true")
@ActiveProfiles("test")
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    /** For a load balancer: status only, without a session; nothing else of the actuator is reachable. */
    @Test
    void healthAnswersWithStatusOnlyAndNothingElseOfTheActuatorIsOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
            assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as(path).doesNotContain("spring.datasource").doesNotContain("\"_links\"");
            assertThat(r.statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void pagesCarryCspFramingAndReferrerHeaders() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("default-src 'self'");
        // Red-team finding 1: no inline script runs unless it is one of Vaadin's own, marked with this page's nonce.
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
        assertThat(scripts).doesNotContain("'unsafe-inline'").contains("'nonce-");
        String nonce = scripts.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(nonce).hasSizeGreaterThanOrEqualTo(16);
        Matcher tags = Pattern.compile("<script\\b[^>]*>").matcher(response.body());
        int count = 0;
        while (tags.find()) {
            assertThat(tags.group()).contains("nonce=\"" + nonce + "\"");
            count++;
        }
        assertThat(count).as("Vaadin's shell has inline scripts").isPositive();
        String again = policyOf("/zoeken");
        assertThat(again)
                .as("a fresh nonce for every page")
                .doesNotContain(nonce)
                .contains("'nonce-");
        String stylesheet = policyOf("/styles/inspraak.css");
        assertThat(stylesheet).contains("script-src 'self' 'unsafe-eval';");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().allValues("Set-Cookie"))
                .allSatisfy(c -> assertThat(c).contains("HttpOnly"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String wrong = post(client, "bewoner@example.org", "verkeerd-wachtwoord");
        String unknown = post(client, "niemand@example.org", "verkeerd-wachtwoord");
        assertThat(wrong).isEqualTo(unknown).endsWith("/login?error");
    }

    /** Red-team finding 7: a cross-site form can neither sign a visitor in nor sign them out. */
    @Test
    void loginAndLogoutNeedTheCsrfTokenOfTheVisitorsOwnSession() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // A forged login carries valid credentials (the attacker's own) but cannot know the victim's token.
        Session victim = session(client);
        assertThat(send(client, "/login", victim.cookie(), "username=beheerder@example.org&password=inspraak-demo"))
                .startsWith("403");
        assertThat(send(
                        client,
                        "/login",
                        victim.cookie(),
                        "username=beheerder@example.org&password=inspraak-demo&_csrf=" + victim.token()))
                .isEqualTo("302 http://localhost:" + port + "/");

        // Signed in, the session has a new id and a new token; a forged logout without it is refused.
        long admin =
                jdbc.queryForObject("select id from user_account where email = 'beheerder@example.org'", Long.class);
        long before = sessions.count(admin);
        Session signedIn = login(client, "beheerder@example.org", "inspraak-demo");
        assertThat(sessions.count(admin))
                .as("the server's sessions are known, so a new password can end them")
                .isGreaterThan(before);
        assertThat(send(client, "/logout", signedIn.cookie(), "")).startsWith("403");
        assertThat(send(client, "/logout", signedIn.cookie(), "_csrf=wrong")).startsWith("403");
    }

    private String policyOf(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow();
    }

    private record Session(String cookie, String token) {}

    /** A fresh session with the CSRF token the login page gives its form (Spring Security's, in a meta tag). */
    private Session session(HttpClient client) throws Exception {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";")[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("the login page carries the CSRF token").isTrue();
        return new Session(cookie, m.group(1));
    }

    private Session login(HttpClient client, String user, String password) throws Exception {
        Session before = session(client);
        HttpResponse<String> r = client.send(
                form(
                        "/login",
                        before.cookie(),
                        "username=" + user + "&password=" + password + "&_csrf=" + before.token()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";")[0])
                .reduce((a, b) -> a + "; " + b)
                .orElse(before.cookie());
        return new Session(cookie, "");
    }

    private String post(HttpClient client, String user, String password) throws Exception {
        Session session = session(client);
        return send(
                client,
                "/login",
                session.cookie(),
                "username=" + user + "&password=" + password + "&_csrf=" + session.token());
    }

    private String send(HttpClient client, String path, String cookie, String body) throws Exception {
        HttpResponse<String> r = client.send(form(path, cookie, body), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.headers().firstValue("Location").orElse("");
    }

    private HttpRequest form(String path, String cookie, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}

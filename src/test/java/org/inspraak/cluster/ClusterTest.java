package org.inspraak.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.inspraak.browser.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster mode end to end: a real PostgreSQL, a real OpenSearch node and two application nodes, each its own process
 * on a loopback address. What one node does, the other sees: search, live pages, moderation, rate limits, scheduled
 * publication; and a node killed with SIGKILL in the middle of a burst of votes loses none that it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static ClusterProcesses.Child openSearch;
    static ClusterProcesses.Child nodeA;
    static ClusterProcesses.Child nodeB;
    static String a;
    static String b;
    static List<String> residents;
    static long consultation;
    static String searchHosts;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        int searchPort = ClusterProcesses.freeSearchPort();
        java.nio.file.Path searchHome =
                ClusterProcesses.DIR.resolve("opensearch-" + searchPort + "-" + System.nanoTime());
        openSearch = ClusterProcesses.openSearch(searchHome, searchPort);
        ClusterProcesses.awaitReady(
                openSearch, "http://127.0.0.1:" + searchPort + "/_cluster/health", Duration.ofMinutes(3));
        ClusterProcesses.installWordList(searchHome);
        searchHosts = "127.0.0.1:" + searchPort;

        Map<String, String> shared = Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.jpa.properties.hibernate.search.backend.hosts", searchHosts,
                "inspraak.map.tile-url", "/kaart/tegels/{z}/{x}/{y}.png");
        int portA = ClusterProcesses.freePort();
        Map<String, String> withDemo = new java.util.HashMap<>(shared);
        withDemo.put("inspraak.demo-data", "true");
        nodeA = ClusterProcesses.node("A", portA, withDemo);
        a = "http://127.0.0.1:" + portA;
        ClusterProcesses.awaitReady(nodeA, a + "/actuator/health/readiness", Duration.ofMinutes(4));
        // B starts once A has created the schema and the demo municipality, as a second node joins a running site.
        int portB = ClusterProcesses.freePort();
        nodeB = ClusterProcesses.node("B", portB, shared);
        b = "http://127.0.0.1:" + portB;
        ClusterProcesses.awaitReady(nodeB, b + "/actuator/health/readiness", Duration.ofMinutes(4));

        residents = List.of(call(a, "users", Map.of("n", "12")).split(","));
        consultation = Long.parseLong(call(a, "consultation", Map.of()));
    }

    @AfterAll
    static void stopCluster() throws IOException {
        for (ClusterProcesses.Child c : new ClusterProcesses.Child[] {nodeA, nodeB, openSearch}) {
            if (c != null) {
                c.kill();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Calls the test driver on a node; fails with the node's log when it answers with an error. */
    static String call(String node, String action, Map<String, String> form) throws Exception {
        HttpResponse<String> r = ClusterProcesses.post(node + "/test-driver/" + action, form);
        if (r.statusCode() != 200) {
            ClusterProcesses.Child c = node.equals(a) ? nodeA : nodeB;
            throw new AssertionError(
                    action + " on " + c.name() + " answered " + r.statusCode() + ": " + r.body() + "\n" + c.tail());
        }
        return r.body();
    }

    static long search(String node, String q) throws Exception {
        return Long.parseLong(call(node, "search", Map.of("q", q)));
    }

    @Test
    @Order(1)
    void bothNodesAreReadyAndReportTheSearchCluster() throws Exception {
        for (String node : List.of(a, b)) {
            HttpResponse<String> ready = ClusterProcesses.get(node + "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"UP\"").doesNotContain("opensearch");
        }
        // Both nodes are agents of one outbox: the index work is shared.
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from hsearch_agent where type = 'EVENT_PROCESSING_DYNAMIC_SHARDING'",
                                Integer.class))
                        .isEqualTo(2));
    }

    @Test
    @Order(2)
    void anIdeaPostedOnAIsFoundBySearchOnB() throws Exception {
        // Ideas of the demo municipality share parts of the word: count from what is there.
        long wholeBefore = search(b, "kinderboerderijen");
        long partBefore = search(b, "boerderij");
        long posted = System.nanoTime();
        call(
                a,
                "idea",
                Map.of(
                        "user",
                        residents.get(0),
                        "consultation",
                        Long.toString(consultation),
                        "title",
                        "Kinderboerderijen samen laten beheren door vrijwilligers"));
        // Compound parts and stemming as on the embedded index: "boerderij" finds the kinderboerderijen.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> search(b, "boerderij") == partBefore + 1);
        System.out.printf(
                "Cluster: an idea posted on A was found on B after %d ms%n", (System.nanoTime() - posted) / 1_000_000);
        assertThat(search(b, "kinderboerderijen")).isEqualTo(wholeBefore + 1);
    }

    @Test
    @Order(3)
    void aVoteOnAAppearsLiveOnAPageOpenOnB() throws Exception {
        long idea = Long.parseLong(call(
                a,
                "idea",
                Map.of(
                        "user",
                        residents.get(1),
                        "consultation",
                        Long.toString(consultation),
                        "title",
                        "Bankjes langs het kanaal opknappen")));
        try (Playwright playwright = Playwright.create();
                Browser browser = BrowserTest.chromium(playwright)) {
            PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
            Page page = browser.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(b + "/ideeen/" + idea);
            assertThat(page.locator("#vote-agree")).containsText("· 0");
            call(a, "vote", Map.of("user", residents.get(2), "idea", Long.toString(idea), "choice", "AGREE"));
            // Pushed to the page on B: counted on A, announced through PostgreSQL, delivered by B.
            assertThat(page.locator("#vote-agree")).containsText("· 1");
        }
    }

    @Test
    @Order(4)
    void threeReportsSpreadOverBothNodesHideAReaction() throws Exception {
        long idea = Long.parseLong(call(
                a,
                "idea",
                Map.of(
                        "user",
                        residents.get(3),
                        "consultation",
                        Long.toString(consultation),
                        "title",
                        "Meer prullenbakken in het park")));
        long reaction = Long.parseLong(call(
                b,
                "reaction",
                Map.of(
                        "user",
                        residents.get(4),
                        "idea",
                        Long.toString(idea),
                        "body",
                        "Wie dit voorstelt, snapt er helemaal niets van.")));
        call(a, "flag", Map.of("user", residents.get(5), "reaction", Long.toString(reaction)));
        call(b, "flag", Map.of("user", residents.get(6), "reaction", Long.toString(reaction)));
        assertThat(jdbc.queryForObject("select hidden from reaction where id = ?", Boolean.class, reaction))
                .isFalse();
        call(a, "flag", Map.of("user", residents.get(7), "reaction", Long.toString(reaction)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select hidden from reaction where id = ?", Boolean.class, reaction))
                        .isTrue());
    }

    @Test
    @Order(5)
    void aRateLimitCountsTheRequestsOnBothNodes() throws Exception {
        String key = "cluster-test-" + System.nanoTime();
        // The flag limit is 20 an hour: ten on each node use it up, for either node.
        for (int i = 0; i < 20; i++) {
            assertThat(call(i % 2 == 0 ? a : b, "limit", Map.of("key", key))).isEqualTo("true");
        }
        assertThat(call(a, "limit", Map.of("key", key))).isEqualTo("false");
        assertThat(call(b, "limit", Map.of("key", key))).isEqualTo("false");
    }

    @Test
    @Order(6)
    void aPlannedUpdateIsPublishedExactlyOnce() throws Exception {
        String staff = call(a, "users", Map.of("n", "1", "staff", "true"));
        String follower = residents.get(8);
        call(b, "follow", Map.of("user", follower, "consultation", Long.toString(consultation)));
        long update = Long.parseLong(call(
                a,
                "plan-update",
                Map.of(
                        "staff",
                        staff,
                        "consultation",
                        Long.toString(consultation),
                        "publishAtEpochMilli",
                        Long.toString(Instant.now().toEpochMilli()))));
        // Both nodes' schedulers, and eight more publication runs on the two nodes at once, race for it.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String node = i % 2 == 0 ? a : b;
                runs.add(pool.submit(() -> call(node, "publish-due", Map.of())));
            }
            for (Future<String> r : runs) {
                r.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select published_at is not null from content_update where id = ?", Boolean.class, update))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification n join user_account u on u.id = n.user_id"
                                + " where u.email = ? and n.kind = 'UPDATE' and n.consultation_id = ?",
                        Integer.class,
                        follower,
                        consultation))
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void aNodeKilledDuringABurstOfVotesLosesNoAcknowledgedVote() throws Exception {
        List<Long> ideas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ideas.add(Long.parseLong(call(
                    a,
                    "idea",
                    Map.of(
                            "user",
                            residents.get(i),
                            "consultation",
                            Long.toString(consultation),
                            "title",
                            "Voorstel voor de stemronde nummer " + i))));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> attempted = new ConcurrentHashMap<>();
        Set<Long> postedDuringBurst = ConcurrentHashMap.newKeySet();
        AtomicInteger acks = new AtomicInteger();
        ExecutorService burst = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(burst.submit(() -> {
                // Bounded: every resident votes at most twice on every idea, then the worker stops.
                for (int round = 0; round < 2; round++) {
                    for (int u = worker; u < residents.size(); u += 4) {
                        for (long idea : ideas) {
                            String choice = (u + idea + round) % 3 == 0 ? "DISAGREE" : "AGREE";
                            attempted.put(residents.get(u) + "/" + idea, choice);
                            try {
                                HttpResponse<String> r = ClusterProcesses.post(
                                        a + "/test-driver/vote",
                                        Map.of(
                                                "user",
                                                residents.get(u),
                                                "idea",
                                                Long.toString(idea),
                                                "choice",
                                                choice));
                                if (r.statusCode() == 200) {
                                    acknowledged.put(residents.get(u) + "/" + idea, choice);
                                    acks.incrementAndGet();
                                }
                            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                                return null;
                            } catch (IOException e) {
                                // The connection broke mid-answer: not acknowledged.
                            }
                        }
                    }
                    if (worker == 0) {
                        try {
                            HttpResponse<String> r = ClusterProcesses.post(
                                    a + "/test-driver/idea",
                                    Map.of(
                                            "user",
                                            residents.get(round),
                                            "consultation",
                                            Long.toString(consultation),
                                            "title",
                                            "Zwerfvuilprikkers uitlenen ronde " + round));
                            if (r.statusCode() == 200) {
                                postedDuringBurst.add(Long.parseLong(r.body()));
                            }
                        } catch (IOException e) {
                            return null;
                        }
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> acks.get() >= 60);
        nodeA.process().destroyForcibly(); // SIGKILL: no shutdown hooks, marks in memory lost
        nodeA.process().waitFor(30, TimeUnit.SECONDS);
        for (Future<?> f : workers) {
            f.get(2, TimeUnit.MINUTES);
        }
        burst.shutdownNow();
        int acked = acknowledged.size();
        System.out.printf("Cluster: %d votes acknowledged before node A was killed%n", acks.get());

        // Every acknowledged vote is stored, as its last acknowledged choice or a later one in flight at the kill.
        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
            String[] key = e.getKey().split("/");
            List<String> stored = jdbc.queryForList(
                    "select v.choice from vote v join user_account u on u.id = v.user_id"
                            + " where u.email = ? and v.idea_id = ?",
                    String.class,
                    key[0],
                    Long.parseLong(key[1]));
            assertThat(stored).as("vote %s", e.getKey()).hasSize(1);
            assertThat(stored.getFirst()).as("vote %s", e.getKey()).isIn(e.getValue(), attempted.get(e.getKey()));
        }
        assertThat(acked).isGreaterThan(0);

        // B recounts what A had not counted yet, so every idea's counts equal its votes.
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (long idea : ideas) {
                        Map<String, Object> stored = jdbc.queryForMap(
                                "select agree_count, disagree_count, pass_count from idea where id = ?", idea);
                        Map<String, Object> rows = jdbc.queryForMap(
                                "select count(*) filter (where choice = 'AGREE') as agree,"
                                        + " count(*) filter (where choice = 'DISAGREE') as disagree,"
                                        + " count(*) filter (where choice = 'PASS') as pass from vote where idea_id = ?",
                                idea);
                        assertThat(((Number) stored.get("agree_count")).longValue())
                                .isEqualTo(((Number) rows.get("agree")).longValue());
                        assertThat(((Number) stored.get("disagree_count")).longValue())
                                .isEqualTo(((Number) rows.get("disagree")).longValue());
                        assertThat(((Number) stored.get("pass_count")).longValue())
                                .isEqualTo(((Number) rows.get("pass")).longValue());
                    }
                });

        // The index converges: B's agent takes over A's share of the outbox, and every idea A acknowledged is found.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(jdbc.queryForObject("select count(*) from hsearch_outbox_event", Integer.class))
                            .isZero();
                    assertThat(search(b, "zwerfvuilprikkers")).isEqualTo(postedDuringBurst.size());
                });
        assertThat(ClusterProcesses.get(b + "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(8)
    void theRebuildCommandRefillsTheSearchClusterWhileANodeRuns() throws Exception {
        long before = search(b, "zwerfvuilprikkers");
        ClusterProcesses.Child rebuild = ClusterProcesses.start(
                "rebuild",
                List.of(
                        ClusterProcesses.java(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.inspraak.InspraakApplication",
                        "--rebuild-search-index",
                        "--spring.profiles.active=postgres,cluster",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.jpa.properties.hibernate.search.backend.hosts=" + searchHosts));
        assertThat(rebuild.process().waitFor(4, TimeUnit.MINUTES))
                .as(rebuild.tail())
                .isTrue();
        assertThat(rebuild.process().exitValue()).as(rebuild.tail()).isZero();
        assertThat(rebuild.tail()).contains("Search index: 100 %").contains("Search index rebuilt.");
        // B searches the rebuilt index and finds what it found before.
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(search(b, "zwerfvuilprikkers")).isEqualTo(before));
    }
}

package org.inspraak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.inspraak.InspraakApplication;
import org.inspraak.cluster.ClusterProcesses;
import org.inspraak.search.SearchService;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the distributed parts cost: the same data set, built the same way, measured in the same run on a single
 * node (H2 and the embedded Lucene index) and on one node in cluster mode (PostgreSQL, a real OpenSearch node,
 * outbox-polling indexing). Search p50/p95 after warm-up, and votes per second through the service (stored, and
 * their counts caught up).
 */
final class ClusterBenchmark {

    interface Recorder {
        void record(String name, double value, String unit, Double baseline);
    }

    /** Smaller than the main data set: OpenSearch shares these two cores with the application and the database. */
    static final int IDEAS = Integer.getInteger("bench.cluster.ideas", 10_000);

    private final Path dir;
    private final Recorder recorder;

    ClusterBenchmark(Path benchDir, Recorder recorder) {
        this.dir = benchDir.resolve("cluster");
        this.recorder = recorder;
    }

    record Figures(double searchP50, double searchP95, double votesPerSecond) {}

    void run() throws Exception {
        Benchmarks.deleteRecursively(dir);
        Files.createDirectories(dir);
        Figures embedded;
        try (ConfigurableApplicationContext ctx = start(List.of("--inspraak.data-dir=" + dir.resolve("embedded")))) {
            embedded = measure(ctx);
        }
        Figures cluster;
        int searchPort = ClusterProcesses.freeSearchPort();
        Path searchHome = ClusterProcesses.DIR.resolve("bench-opensearch-" + searchPort + "-" + System.nanoTime());
        ClusterProcesses.Child openSearch = ClusterProcesses.openSearch(searchHome, searchPort);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            ClusterProcesses.awaitReady(
                    openSearch, "http://127.0.0.1:" + searchPort + "/_cluster/health", Duration.ofMinutes(3));
            ClusterProcesses.installWordList(searchHome);
            try (ConfigurableApplicationContext ctx = start(List.of(
                    "--spring.profiles.active=postgres,cluster",
                    "--inspraak.data-dir=" + dir.resolve("cluster"),
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.jpa.properties.hibernate.search.backend.hosts=127.0.0.1:" + searchPort))) {
                cluster = measure(ctx);
            }
        } finally {
            openSearch.kill();
        }
        String size = String.format("%,d ideas, %,d votes, %,d reactions", IDEAS, IDEAS * 10, IDEAS * 10);
        recorder.record("(g) search p50, single node (H2, Lucene), " + size, embedded.searchP50, "ms", null);
        recorder.record(
                "(g) search p50, cluster mode (PostgreSQL, OpenSearch), same data",
                cluster.searchP50,
                "ms",
                embedded.searchP50);
        recorder.record("(g) search p95, single node (H2, Lucene)", embedded.searchP95, "ms", null);
        recorder.record(
                "(g) search p95, cluster mode (PostgreSQL, OpenSearch), same data",
                cluster.searchP95,
                "ms",
                embedded.searchP95);
        recorder.record("(g) votes per second, single node (H2)", embedded.votesPerSecond, "votes/s", null);
        recorder.record(
                "(g) votes per second, cluster mode (PostgreSQL)",
                cluster.votesPerSecond,
                "votes/s",
                embedded.votesPerSecond);
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(
                "--inspraak.demo-data=false",
                "--inspraak.search.check-at-start=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"));
        return new SpringApplicationBuilder(InspraakApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.toArray(String[]::new));
    }

    private static Figures measure(ConfigurableApplicationContext ctx) throws Exception {
        DataSource ds = ctx.getBean(DataSource.class);
        Benchmarks.generate(ds, IDEAS);
        Search.mapping(ctx.getBean(EntityManagerFactory.class))
                .scope(Object.class)
                .massIndexer()
                .threadsToLoadObjects(2)
                .startAndWait();
        SearchService search = ctx.getBean(SearchService.class);
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            search.search(Benchmarks.word(r), SearchService.Filters.NONE, 0, 20);
        }
        long[] times = new long[300];
        for (int i = 0; i < times.length; i++) {
            String q = Benchmarks.word(r);
            long t = System.nanoTime();
            search.search(q, SearchService.Filters.NONE, 0, 20);
            times[i] = System.nanoTime() - t;
        }

        // Users beyond the voters of the data set vote on ideas they never saw: every vote is a new row.
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long firstUser = jdbc.queryForObject("select min(id) from user_account", Long.class);
        long firstIdea = jdbc.queryForObject("select min(id) from idea", Long.class);
        VoteService votes = ctx.getBean(VoteService.class);
        int n = 3_000;
        for (int i = 0; i < 300; i++) { // warm-up
            votes.voteAs(firstUser + Benchmarks.USERS + 3_000 + i, firstIdea + i, VoteChoice.AGREE);
        }
        votes.catchUpCounts();
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            votes.voteAs(firstUser + Benchmarks.USERS + (i % 3_000), firstIdea + (i * 7L) % IDEAS, VoteChoice.AGREE);
        }
        votes.catchUpCounts();
        double perSecond = n / ((System.nanoTime() - t) / 1e9);
        return new Figures(Benchmarks.p(times, 50) / 1e6, Benchmarks.p(times, 95) / 1e6, perSecond);
    }
}

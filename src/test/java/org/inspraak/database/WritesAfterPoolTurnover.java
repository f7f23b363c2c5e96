package org.inspraak.database;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.inspraak.TestData;
import org.inspraak.account.AccountService;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.goal.GoalMetric;
import org.inspraak.goal.GoalService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.insight.InsightService;
import org.inspraak.moderation.FlagReason;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.TargetType;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.inspraak.summary.SummaryService;
import org.inspraak.summary.SummaryState;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh installation keeps accepting writes after the connection pool has retired every connection it had,
 * including the one that ran the migrations. Writes go through the services to every table with a check
 * constraint. Subclasses name the database and how to list its open sessions.
 */
abstract class WritesAfterPoolTurnover {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    Clock clock;

    @Autowired
    RateLimits rateLimits;

    @Autowired
    AccountService accounts;

    @Autowired
    ConsultationService consultations;

    @Autowired
    IdeaService ideas;

    @Autowired
    VoteService votes;

    @Autowired
    ReactionService reactions;

    @Autowired
    NotificationService notifications;

    @Autowired
    ModerationService moderation;

    @Autowired
    InsightService insights;

    @Autowired
    SummaryService summaries;

    @Autowired
    BudgetService budget;

    @Autowired
    GoalService goals;

    /** The ids of the database sessions open now, the caller's own included. */
    abstract String openSessionsQuery();

    /**
     * The id of a session that stays open outside the pool while the pool turns over, or null. A production pool
     * always has other connections open, so the database stays open when one of them is retired; a test that let
     * the pool close them all at once could see an embedded database close and reopen, which hides the fault.
     */
    abstract Object keepDatabaseOpen() throws Exception;

    private Object keeper;

    @AfterEach
    void logout() {
        data.logout();
    }

    @Test
    void everyTableTakesWritesAfterThePoolRetiredTheMigrationConnection() throws Exception {
        assertThat(jdbc.queryForList(
                        "select \"version\" from \"flyway_schema_history\" where \"success\"", String.class))
                .as("the migrations ran on this fresh database")
                .contains("1");
        keeper = keepDatabaseOpen();
        retireEveryConnection();

        long userId = accounts.register(new AccountService.Registration(
                "turnover" + TestData.next() + "@example.org",
                "Nieuwe Bewoner",
                "drie losse woorden",
                1980,
                null,
                Locale.ROOT));
        LocalDate today = LocalDate.now(clock);
        long c = consultations.createUnchecked(new ConsultationForm(
                "Begroting " + TestData.next(),
                "Kies mee",
                "",
                BudgetKind.SAVINGS_TARGET,
                1_000L,
                today.minusDays(20),
                today.minusDays(1),
                today.plusDays(10),
                today.plusDays(20),
                List.of("Groen", "Verkeer"),
                Set.of(),
                List.of(),
                false));
        TestData.User author = data.user();
        long idea = ideas.postAs(
                author.id(),
                c,
                new IdeaService.IdeaForm(
                        "Lantaarnpalen dimmen na middernacht",
                        "Scheelt stroom en geld.",
                        null,
                        null,
                        AmountKind.SAVING,
                        1_200L),
                Instant.now(clock));

        votes.voteAs(userId, idea, VoteChoice.AGREE);
        votes.voteAs(userId, idea, VoteChoice.PASS);
        votes.catchUpCounts();
        assertThat(ideas.find(idea).orElseThrow().pass()).isEqualTo(1);

        TestData.User resident = data.user();
        reactions.postAs(resident.id(), false, idea, null, "Goed plan, maar let op de veiligheid.", Instant.now(clock));
        data.authenticate(resident);
        notifications.followIdea(idea, true);
        notifications.followConsultation(c, true);
        moderation.flag(new ModerationService.Target(TargetType.IDEA, idea), FlagReason.OFF_TOPIC, null);
        assertThat(notifications.followsIdea(idea)).isTrue();

        data.authenticate(data.user(Role.ADMIN));
        insights.setPopulationShare("AGE", "18-34", new BigDecimal("28.5"));
        budget.setItem(c, idea, 1_100L);
        budget.setThemeLimit(c, consultations.themes(c).getFirst().id(), 5_000L);
        goals.add(c, GoalMetric.BALLOTS, new BigDecimal("10"), today.plusDays(15));

        data.authenticate(resident);
        long itemId = budget.setup(c).items().getFirst().id();
        assertThat(budget.cast(c, List.of(itemId)).total()).isEqualTo(1_100L);

        TestData.User writer = data.user(Role.MODERATOR);
        data.authenticate(writer);
        long summary = summaries.create(c, "Eerste samenvatting", Locale.forLanguageTag("nl"));
        summaries.save(summary, "Bewoners willen [idee " + idea + "] dimmen.");
        summaries.submit(summary);
        data.authenticate(data.user(Role.MODERATOR));
        summaries.approve(summary);
        assertThat(summaries.versions(summary))
                .extracting(SummaryService.VersionInfo::state)
                .contains(SummaryState.PUBLISHED);

        // Once more after a second turnover: the pool's replacement connections are retired in turn.
        retireEveryConnection();
        votes.voteAs(userId, idea, VoteChoice.DISAGREE);
        votes.catchUpCounts();
        assertThat(ideas.find(idea).orElseThrow().disagree()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from vote where idea_id = ?", Long.class, idea))
                .isEqualTo(1);
    }

    /**
     * Asks the pool to close every connection it holds (busy ones as they are returned), then waits until the
     * database itself no longer has any of the sessions that were open before.
     */
    private void retireEveryConnection() {
        rateLimits.reset();
        List<Object> before = new ArrayList<>(jdbc.queryForList(openSessionsQuery(), Object.class));
        before.remove(keeper);
        assertThat(before).isNotEmpty();
        dataSource.getHikariPoolMXBean().softEvictConnections();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(100, TimeUnit.MILLISECONDS)
                .untilAsserted(() -> {
                    dataSource.getHikariPoolMXBean().softEvictConnections();
                    List<Object> now = jdbc.queryForList(openSessionsQuery(), Object.class);
                    assertThat(now).doesNotContainAnyElementsOf(before);
                });
    }
}

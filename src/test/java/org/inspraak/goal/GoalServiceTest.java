package org.inspraak.goal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Goal metrics, verdicts and refused goals. */
class GoalServiceTest extends IntegrationTest {

    @Autowired
    GoalService goals;

    @Autowired
    VoteService votes;

    @Autowired
    ReactionService reactions;

    @Autowired
    Clock clock;

    private String key(Runnable r) {
        try {
            r.run();
            return null;
        } catch (InspraakException e) {
            return e.key();
        }
    }

    @Test
    void metricsAndVerdicts() {
        long c = data.openConsultation();
        var author = data.user();
        long idea = data.idea(c, author);
        for (int i = 0; i < 3; i++) {
            votes.voteAs(data.user().id(), idea, VoteChoice.AGREE);
        }
        var staff = data.user(Role.MODERATOR);
        reactions.postAs(
                staff.id(),
                true,
                idea,
                null,
                "Officieel antwoord",
                Instant.now(clock).plusSeconds(7200));
        data.authenticate(staff);
        LocalDate deadline = LocalDate.now(clock).plusDays(20);
        goals.add(c, GoalMetric.PARTICIPANTS, new BigDecimal("4"), deadline);
        goals.add(c, GoalMetric.IDEAS, new BigDecimal("100"), deadline);
        goals.add(c, GoalMetric.MEDIAN_ANSWER_HOURS, new BigDecimal("48"), deadline);
        goals.add(c, GoalMetric.BALLOTS, new BigDecimal("10"), deadline);
        List<GoalService.Evaluation> e = goals.evaluate(c);
        assertThat(e.get(0).current()).isEqualTo(4.0);
        assertThat(e.get(0).verdict()).isEqualTo(GoalService.Verdict.MET);
        assertThat(e.get(1).current()).isEqualTo(1.0);
        assertThat(e.get(1).verdict()).isEqualTo(GoalService.Verdict.BEHIND);
        assertThat(e.get(2).current()).isBetween(1.9, 2.1);
        assertThat(e.get(2).verdict()).isEqualTo(GoalService.Verdict.MET);
        assertThat(e.get(3).current()).isZero();
    }

    @Test
    void sharesAndMediansAreLevelsWhileCountsArePutAgainstTheTimeGone() {
        LocalDate start = LocalDate.of(2026, 11, 1);
        LocalDate deadline = LocalDate.of(2026, 12, 1);
        LocalDate halfway = LocalDate.of(2026, 11, 16);
        // 13.3 % young participants against a 30 % goal is behind, even half-way.
        assertThat(GoalService.verdict(GoalMetric.SHARE_UNDER_35, 30, 13.3, start, deadline, halfway))
                .isEqualTo(GoalService.Verdict.BEHIND);
        assertThat(GoalService.verdict(GoalMetric.SHARE_UNDER_35, 30, 31.0, start, deadline, halfway))
                .isEqualTo(GoalService.Verdict.MET);
        assertThat(GoalService.verdict(GoalMetric.MEDIAN_ANSWER_HOURS, 48, 60.0, start, deadline, start))
                .isEqualTo(GoalService.Verdict.BEHIND);
        assertThat(GoalService.verdict(GoalMetric.MEDIAN_ANSWER_HOURS, 48, null, start, deadline, halfway))
                .isEqualTo(GoalService.Verdict.NO_DATA);
        // Half of a count half-way is on track; a third is behind; after the deadline short is behind.
        assertThat(GoalService.verdict(GoalMetric.PARTICIPANTS, 200, 100.0, start, deadline, halfway))
                .isEqualTo(GoalService.Verdict.ON_TRACK);
        assertThat(GoalService.verdict(GoalMetric.PARTICIPANTS, 200, 66.0, start, deadline, halfway))
                .isEqualTo(GoalService.Verdict.BEHIND);
        assertThat(GoalService.verdict(GoalMetric.PARTICIPANTS, 200, 199.0, start, deadline, deadline.plusDays(1)))
                .isEqualTo(GoalService.Verdict.BEHIND);
        assertThat(GoalService.progress(GoalMetric.MEDIAN_ANSWER_HOURS, 48, 96.0))
                .isEqualTo(0.5);
    }

    @Test
    void impossibleGoalsAreRefused() {
        long c = data.openConsultation();
        data.authenticate(data.user(Role.MODERATOR));
        LocalDate ok = LocalDate.now(clock).plusDays(5);
        assertThat(key(() -> goals.add(c, GoalMetric.SHARE_UNDER_35, new BigDecimal("120"), ok)))
                .isEqualTo("error.goal.impossible");
        assertThat(key(() -> goals.add(c, GoalMetric.IDEAS, new BigDecimal("-1"), ok)))
                .isEqualTo("error.goal.target");
        assertThat(key(() -> goals.add(
                        c,
                        GoalMetric.IDEAS,
                        new BigDecimal("10"),
                        LocalDate.now(clock).minusDays(1))))
                .isEqualTo("error.goal.deadline-past");
        assertThat(key(() -> goals.add(
                        c,
                        GoalMetric.IDEAS,
                        new BigDecimal("10"),
                        LocalDate.now(clock).plusYears(3))))
                .isEqualTo("error.goal.deadline-range");
        assertThat(key(() -> goals.add(c, null, new BigDecimal("10"), ok))).isEqualTo("error.goal.metric");
        assertThat(goals.evaluate(c)).isEmpty();
    }
}

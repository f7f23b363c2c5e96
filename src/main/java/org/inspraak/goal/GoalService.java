package org.inspraak.goal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspraak.InspraakException;
import org.inspraak.account.AccountService;
import org.inspraak.audit.AuditService;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.insight.InsightService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMART goals per consultation and their evaluation: the current value of each metric, progress towards the
 * target, and a plain verdict — met, on track (at least where a straight line from the start to the deadline
 * would be today) or behind.
 */
@Service
public class GoalService {

    private final GoalRepository goals;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final VoteService votes;
    private final ReactionService reactions;
    private final AccountService accounts;
    private final BudgetService budget;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    GoalService(
            GoalRepository goals,
            ConsultationService consultations,
            IdeaService ideas,
            VoteService votes,
            ReactionService reactions,
            AccountService accounts,
            BudgetService budget,
            CurrentUser currentUser,
            AuditService audit,
            Clock clock) {
        this.goals = goals;
        this.consultations = consultations;
        this.ideas = ideas;
        this.votes = votes;
        this.reactions = reactions;
        this.accounts = accounts;
        this.budget = budget;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Verdict {
        MET,
        ON_TRACK,
        BEHIND,
        /** Nothing to measure yet (no answers for a median, no known birth years for a share). */
        NO_DATA
    }

    public record Evaluation(
            long goalId,
            GoalMetric metric,
            double target,
            LocalDate deadline,
            Double current,
            double progress,
            Verdict verdict) {}

    @Transactional
    public long add(long consultationId, GoalMetric metric, BigDecimal target, LocalDate deadline) {
        currentUser.requireStaff();
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (metric == null) {
            throw new InspraakException("error.goal.metric");
        }
        if (target == null || target.signum() <= 0) {
            throw new InspraakException("error.goal.target");
        }
        if (target.doubleValue() > metric.maxTarget) {
            throw new InspraakException("error.goal.impossible", metric.maxTarget);
        }
        if (deadline == null || deadline.isBefore(LocalDate.now(clock))) {
            throw new InspraakException("error.goal.deadline-past");
        }
        if (!deadline.isAfter(c.ideasFrom()) || deadline.isAfter(c.closedFrom().plusYears(1))) {
            throw new InspraakException("error.goal.deadline-range");
        }
        long id = goals.save(new Goal(consultationId, metric, target, deadline, Instant.now(clock)))
                .getId();
        audit.record("GOAL_ADDED", "CONSULTATION", consultationId, metric + " " + target + " " + deadline);
        return id;
    }

    @Transactional
    public void remove(long goalId) {
        currentUser.requireStaff();
        goals.deleteById(goalId);
    }

    @Transactional(readOnly = true)
    public List<Evaluation> evaluate(long consultationId) {
        if (!currentUser.has(Role.MODERATOR) && !currentUser.has(Role.ADMIN) && !currentUser.has(Role.COUNCIL_MEMBER)) {
            throw new InspraakException("error.insight.access");
        }
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        List<Goal> list = goals.findByConsultationIdOrderById(consultationId);
        if (list.isEmpty()) {
            return List.of();
        }
        Map<GoalMetric, Double> values = measure(consultationId);
        LocalDate today = LocalDate.now(clock);
        List<Evaluation> out = new ArrayList<>();
        for (Goal g : list) {
            double target = g.getTargetValue().doubleValue();
            Double current = values.get(g.getMetric());
            double progress = progress(g.getMetric(), target, current);
            Verdict verdict = verdict(g.getMetric(), target, current, c.ideasFrom(), g.getDeadline(), today);
            out.add(new Evaluation(g.getId(), g.getMetric(), target, g.getDeadline(), current, progress, verdict));
        }
        return out;
    }

    static double progress(GoalMetric metric, double target, @Nullable Double current) {
        if (current == null) {
            return 0;
        }
        return metric.lowerIsBetter() ? Math.min(1, target / Math.max(current, 1e-9)) : Math.min(1, current / target);
    }

    /**
     * Counts are pro-rated: half-way to the deadline, half the target is on track. Levels are not: 13 % young
     * participants against a goal of 30 % is behind at any moment, however early.
     */
    static Verdict verdict(
            GoalMetric metric,
            double target,
            @Nullable Double current,
            LocalDate start,
            LocalDate deadline,
            LocalDate today) {
        if (current == null) {
            return Verdict.NO_DATA;
        }
        boolean met = metric.lowerIsBetter() ? current <= target : current >= target;
        if (met) {
            return Verdict.MET;
        }
        if (metric.isLevel() || today.isAfter(deadline)) {
            return Verdict.BEHIND;
        }
        long total = Math.max(1, ChronoUnit.DAYS.between(start, deadline));
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, today)));
        return current >= target * elapsed / total ? Verdict.ON_TRACK : Verdict.BEHIND;
    }

    /** The current value of every metric for a consultation. */
    Map<GoalMetric, Double> measure(long consultationId) {
        // Selected and counted exactly as the insights and the outcome page count them, so every page agrees.
        List<IdeaSummary> counted = ideas.allFor(consultationId).stream()
                .filter(i -> i.mergedInto() == null)
                .toList();
        List<IdeaSummary> all = counted.stream().filter(i -> !i.hidden()).toList();
        List<Long> ids = counted.stream().map(IdeaSummary::id).toList();
        List<VoteService.Cell> cells = votes.cells(ids);
        List<ReactionService.Activity> activity = reactions.activity(ids);
        Set<Long> participants = InsightService.participantsOf(cells, all, activity);
        Map<GoalMetric, Double> m = new HashMap<>();
        m.put(GoalMetric.PARTICIPANTS, (double) participants.size());
        m.put(GoalMetric.IDEAS, (double) all.size());
        m.put(GoalMetric.REACTIONS, (double) activity.size());
        int year = Year.now(clock).getValue();
        int known = 0;
        int young = 0;
        for (AccountService.Demographics d : accounts.demographics(participants).values()) {
            if (d.birthYear() != null) {
                known++;
                if (year - d.birthYear() < 35) {
                    young++;
                }
            }
        }
        m.put(GoalMetric.SHARE_UNDER_35, known == 0 ? null : 100.0 * young / known);
        Map<Long, Instant> firstAnswer = new HashMap<>();
        activity.stream()
                .filter(ReactionService.Activity::official)
                .forEach(a -> firstAnswer.merge(a.ideaId(), a.at(), (x, y) -> x.isBefore(y) ? x : y));
        List<Double> hours = new ArrayList<>();
        for (IdeaSummary i : all) {
            Instant answer = firstAnswer.get(i.id());
            if (answer != null) {
                hours.add(Duration.between(i.createdAt(), answer).toMinutes() / 60.0);
            }
        }
        hours.sort(Double::compare);
        m.put(
                GoalMetric.MEDIAN_ANSWER_HOURS,
                hours.isEmpty()
                        ? null
                        : hours.size() % 2 == 1
                                ? hours.get(hours.size() / 2)
                                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2);
        m.put(GoalMetric.BALLOTS, (double) budget.ballotCount(consultationId));
        return m;
    }
}

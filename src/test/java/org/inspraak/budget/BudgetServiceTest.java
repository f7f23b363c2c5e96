package org.inspraak.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Ballot rules, tampering, the rule lock and concurrent saving from two tabs. */
class BudgetServiceTest extends IntegrationTest {

    @Autowired
    BudgetService budget;

    @Autowired
    ConsultationService consultations;

    @Autowired
    IdeaService ideas;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    Clock clock;

    private long consultation(BudgetKind kind, long amount, int votingFromDaysAgo) {
        LocalDate today = LocalDate.now(clock);
        return consultations.createUnchecked(new ConsultationForm(
                "Begroting " + TestData.next(),
                "Kies mee",
                "",
                kind,
                amount,
                today.minusDays(20),
                today.minusDays(votingFromDaysAgo),
                today.plusDays(10),
                today.plusDays(20),
                List.of("Groen", "Verkeer"),
                Set.of(),
                List.of(),
                false));
    }

    /** Puts ideas with the given amounts on the ballot; returns the item ids in order. */
    private List<Long> items(long c, long... amounts) {
        TestData.User author = data.user();
        List<Long> ideaIds = new ArrayList<>();
        for (long a : amounts) {
            ideaIds.add(ideas.postAs(
                    author.id(),
                    c,
                    new IdeaService.IdeaForm(
                            "Maatregel " + TestData.next(),
                            "Een maatregel om te besparen.",
                            null,
                            null,
                            AmountKind.SAVING,
                            a),
                    Instant.now(clock)));
        }
        data.authenticate(data.user(Role.ADMIN));
        for (int i = 0; i < amounts.length; i++) {
            budget.setItem(c, ideaIds.get(i), amounts[i]);
        }
        return budget.setup(c).items().stream().map(BudgetService.Item::id).toList();
    }

    private String key(Runnable r) {
        try {
            r.run();
            return null;
        } catch (InspraakException e) {
            return e.key();
        }
    }

    @Test
    void aCutsPackageMustReachTheTarget() {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 1_000, 1);
        List<Long> it = items(c, 400, 500, 700);
        data.authenticate(data.user());
        assertThat(key(() -> budget.cast(c, List.of(it.get(0), it.get(1))))).isEqualTo("error.ballot.short");
        assertThat(budget.myBallot(c)).isEmpty();
        BudgetService.Check ok = budget.cast(c, List.of(it.get(0), it.get(2)));
        assertThat(ok.total()).isEqualTo(1_100);
        assertThat(budget.myBallot(c)).containsExactlyInAnyOrder(it.get(0), it.get(2));
        // Changing the package replaces it; a failed change keeps the stored one.
        assertThat(key(() -> budget.cast(c, List.of(it.get(1))))).isEqualTo("error.ballot.short");
        assertThat(budget.myBallot(c)).containsExactlyInAnyOrder(it.get(0), it.get(2));
        budget.cast(c, List.of(it.get(1), it.get(2)));
        assertThat(budget.myBallot(c)).containsExactlyInAnyOrder(it.get(1), it.get(2));
        assertThat(budget.ballotCount(c)).isEqualTo(1);
        assertThat(budget.inconsistentTotals(c)).isZero();
    }

    @Test
    void aSpendingPackageMustStayWithinTheBudgetAndThemeLimits() {
        long c = consultation(BudgetKind.SPENDING_BUDGET, 1_000, 1);
        List<Long> it = items(c, 400, 500, 700);
        data.authenticate(data.user());
        assertThat(key(() -> budget.cast(c, List.of(it.get(1), it.get(2))))).isEqualTo("error.ballot.over");
        assertThat(key(() -> budget.cast(c, List.of()))).isEqualTo("error.ballot.empty");
        assertThat(budget.cast(c, List.of(it.get(0), it.get(1))).total()).isEqualTo(900);
    }

    @Test
    void tamperingIsRefusedAndNothingIsStored() {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 500, 1);
        List<Long> it = items(c, 600, 700);
        long other = consultation(BudgetKind.SAVINGS_TARGET, 500, 1);
        List<Long> foreign = items(other, 900);
        data.authenticate(data.user());
        assertThat(key(() -> budget.cast(c, List.of(it.get(0), it.get(0))))).isEqualTo("error.ballot.duplicate");
        assertThat(key(() -> budget.cast(c, List.of(foreign.get(0))))).isEqualTo("error.ballot.unknown-item");
        assertThat(key(() -> budget.cast(c, List.of(987654321L)))).isEqualTo("error.ballot.unknown-item");
        assertThat(key(() -> budget.cast(c, Arrays.asList(it.get(0), null)))).isEqualTo("error.ballot.unknown-item");
        assertThat(budget.ballotCount(c)).isZero();
    }

    @Test
    void theRuleCannotChangeOnceBallotsExist() {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 500, 1);
        List<Long> it = items(c, 600, 700);
        data.authenticate(data.user());
        budget.cast(c, List.of(it.get(0)));
        data.authenticate(data.user(Role.ADMIN));
        ConsultationService.ConsultationDetails d = consultations.find(c).orElseThrow();
        ConsultationForm changed = new ConsultationForm(
                d.title(),
                d.question(),
                d.background(),
                BudgetKind.SPENDING_BUDGET,
                500L,
                d.ideasFrom(),
                d.votingFrom(),
                d.summarisingFrom(),
                d.closedFrom(),
                List.of(),
                d.neighbourhoodIds(),
                d.targetGroups(),
                d.preModeration());
        assertThat(key(() -> consultations.update(c, changed))).isEqualTo("error.ballot.rule-locked");
        assertThat(consultations.find(c).orElseThrow().budgetKind()).isEqualTo(BudgetKind.SAVINGS_TARGET);
        assertThat(key(() ->
                        budget.setItem(c, budget.setup(c).items().getFirst().ideaId(), 1L)))
                .isEqualTo("error.ballot.locked");
    }

    @Test
    void onlyDuringTheVotingPhase() {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 500, -3);
        List<Long> it = items(c, 600);
        data.authenticate(data.user());
        assertThat(key(() -> budget.cast(c, List.of(it.get(0))))).isEqualTo("error.ballot.closed");
    }

    @Test
    void twoTabsSavingAtOnceLeaveOneCompleteValidPackage() throws Exception {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 1_000, 1);
        List<Long> it = items(c, 600, 500, 400, 700);
        TestData.User resident = data.user();
        List<List<Long>> packages = List.of(List.of(it.get(0), it.get(1)), List.of(it.get(2), it.get(3)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> tabs = new ArrayList<>();
                for (List<Long> p : packages) {
                    tabs.add(pool.submit(() -> {
                        start.await();
                        currentUser.runAs(resident.principal(), () -> budget.cast(c, p));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : tabs) {
                    f.get();
                }
                data.authenticate(resident);
                Set<Long> stored = new HashSet<>(budget.myBallot(c));
                assertThat(stored).isIn(Set.copyOf(packages.get(0)), Set.copyOf(packages.get(1)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(budget.ballotCount(c)).isEqualTo(1);
        assertThat(budget.inconsistentTotals(c)).isZero();
    }

    @Test
    void resultsCountChoicesAndExportCsv() {
        long c = consultation(BudgetKind.SAVINGS_TARGET, 500, 1);
        List<Long> it = items(c, 600, 700);
        for (int i = 0; i < 3; i++) {
            data.authenticate(data.user());
            budget.cast(c, i == 0 ? List.of(it.get(0), it.get(1)) : List.of(it.get(0)));
        }
        BudgetService.Results r = budget.results(c);
        assertThat(r.ballots()).isEqualTo(3);
        assertThat(r.items().getFirst().chosen()).isEqualTo(3);
        assertThat(r.items().getFirst().share()).isEqualTo(1.0);
        assertThat(r.items().get(1).chosen()).isEqualTo(1);
        assertThat(budget.resultsCsv(c).lines().findFirst().orElseThrow())
                .startsWith("idea_id,title,amount_euros,chosen,share_of_ballots");
    }
}

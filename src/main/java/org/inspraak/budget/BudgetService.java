package org.inspraak.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.inspraak.Csv;
import org.inspraak.DatabaseErrors;
import org.inspraak.InspraakException;
import org.inspraak.account.AccountService;
import org.inspraak.audit.AuditService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaSummary;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The budget ballot: admins put ideas with an amount on it; each resident composes one package that must reach a
 * savings target (cuts) or stay within a budget (spending), optionally within limits per theme. The whole package
 * is checked on the server from the item ids alone (totals sent by a browser are never trusted) and stored in one
 * transaction under a row lock, so two tabs saving at once leave one complete, valid package.
 */
@Service
public class BudgetService {

    public static final long MAX_AMOUNT = 10_000_000_000L;

    private final BallotItemRepository items;
    private final BallotRepository ballots;
    private final ConsultationService consultations;
    private final IdeaService ideas;
    private final AccountService accounts;
    private final NeighbourhoodService neighbourhoods;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final TransactionTemplate txNew;
    private final Clock clock;

    BudgetService(
            BallotItemRepository items,
            BallotRepository ballots,
            ConsultationService consultations,
            IdeaService ideas,
            AccountService accounts,
            NeighbourhoodService neighbourhoods,
            CurrentUser currentUser,
            AuditService audit,
            PlatformTransactionManager txManager,
            Clock clock) {
        this.items = items;
        this.ballots = ballots;
        this.consultations = consultations;
        this.ideas = ideas;
        this.accounts = accounts;
        this.neighbourhoods = neighbourhoods;
        this.currentUser = currentUser;
        this.audit = audit;
        this.tx = new TransactionTemplate(txManager);
        this.txNew = new TransactionTemplate(txManager);
        this.txNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public record Item(
            long id,
            long ideaId,
            String title,
            long amountEuros,
            boolean corrected,
            Long ideaEstimate,
            String themeName) {}

    /** Everything a ballot page needs. {@code locked}: ballots exist, so items, amounts and rules are fixed. */
    public record Setup(
            long consultationId,
            BudgetKind kind,
            long target,
            Phase phase,
            List<Item> items,
            Map<String, Long> themeLimits,
            boolean locked) {
        public boolean open() {
            return phase == Phase.VOTING;
        }
    }

    /** The server's verdict on a package: the total, whether it is valid, and if not, why (a message key). */
    public record Check(long total, boolean valid, String problem, Object[] args, Map<String, Long> themeTotals) {}

    @Transactional(readOnly = true)
    public Setup setup(long consultationId) {
        ConsultationService.ConsultationDetails c =
                consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (c.budgetKind() == null) {
            throw new InspraakException("error.ballot.no-budget");
        }
        Map<Long, IdeaSummary> byId = new HashMap<>();
        ideas.allFor(consultationId).forEach(i -> byId.put(i.id(), i));
        List<Item> list = new ArrayList<>();
        for (BallotItem b : items.findByConsultationIdOrderById(consultationId)) {
            IdeaSummary i = byId.get(b.getIdeaId());
            if (i == null || i.hidden()) {
                continue;
            }
            list.add(new Item(
                    b.getId(), i.id(), i.title(), b.getAmountEuros(), b.isCorrected(), i.amountEuros(), i.themeName()));
        }
        Map<Long, String> themeNames = new HashMap<>();
        c.themes().forEach(t -> themeNames.put(t.id(), t.name()));
        Map<String, Long> limits = new TreeMap<>();
        for (Object[] r : ballots.themeLimits(consultationId)) {
            limits.put(themeNames.get(((Number) r[0]).longValue()), ((Number) r[1]).longValue());
        }
        return new Setup(
                consultationId,
                c.budgetKind(),
                c.budgetAmountEuros(),
                c.phase(),
                list,
                limits,
                ballots.countBallots(consultationId) > 0);
    }

    /** Checks a package: items must be on the ballot, each once; the rule of the consultation must hold. */
    public Check check(Setup setup, Collection<Long> itemIds) {
        Map<Long, Item> byId = new HashMap<>();
        setup.items().forEach(i -> byId.put(i.id(), i));
        Set<Long> seen = new HashSet<>();
        long total = 0;
        Map<String, Long> perTheme = new TreeMap<>();
        for (Long id : itemIds) {
            if (id == null || !byId.containsKey(id)) {
                return new Check(0, false, "error.ballot.unknown-item", new Object[0], Map.of());
            }
            if (!seen.add(id)) {
                return new Check(0, false, "error.ballot.duplicate", new Object[0], Map.of());
            }
            Item item = byId.get(id);
            total = Math.addExact(total, item.amountEuros());
            if (item.themeName() != null) {
                perTheme.merge(item.themeName(), item.amountEuros(), Math::addExact);
            }
        }
        for (Map.Entry<String, Long> limit : setup.themeLimits().entrySet()) {
            long used = perTheme.getOrDefault(limit.getKey(), 0L);
            if (used > limit.getValue()) {
                return new Check(
                        total,
                        false,
                        "error.ballot.theme-limit",
                        new Object[] {limit.getKey(), limit.getValue()},
                        perTheme);
            }
        }
        if (seen.isEmpty()) {
            return new Check(0, false, "error.ballot.empty", new Object[0], perTheme);
        }
        if (setup.kind() == BudgetKind.SAVINGS_TARGET && total < setup.target()) {
            return new Check(total, false, "error.ballot.short", new Object[] {setup.target() - total}, perTheme);
        }
        if (setup.kind() == BudgetKind.SPENDING_BUDGET && total > setup.target()) {
            return new Check(total, false, "error.ballot.over", new Object[] {total - setup.target()}, perTheme);
        }
        return new Check(total, true, null, new Object[0], perTheme);
    }

    /** The current resident's stored package, as item ids. */
    @Transactional(readOnly = true)
    public Set<Long> myBallot(long consultationId) {
        return currentUser
                .get()
                .map(u -> Set.copyOf(ballots.myChoices(consultationId, u.id())))
                .orElse(Set.of());
    }

    /**
     * Stores the current resident's package, replacing any earlier one. Nothing is stored unless the whole package
     * is valid.
     */
    public Check cast(long consultationId, List<Long> itemIds) {
        InspraakUser user = currentUser.require(Role.RESIDENT);
        accounts.requireCanParticipate(user.id());
        Setup setup = setup(consultationId);
        if (!setup.open()) {
            throw new InspraakException("error.ballot.closed");
        }
        Check check = check(setup, itemIds == null ? List.of() : itemIds);
        if (!check.valid()) {
            throw new InspraakException(check.problem(), check.args());
        }
        // Create the row first (its unique key settles a race between two tabs), then lock it and replace choices.
        try {
            txNew.executeWithoutResult(s -> {
                if (ballots.lockBallot(consultationId, user.id()).isEmpty()) {
                    ballots.insertBallot(consultationId, user.id(), Instant.now(clock));
                }
            });
        } catch (DataIntegrityViolationException raced) {
            if (!DatabaseErrors.isUniqueViolation(raced)) {
                throw raced;
            }
            // The other tab created it; we lock and overwrite below.
        }
        tx.executeWithoutResult(s -> {
            long ballotId = ballots.lockBallot(consultationId, user.id()).orElseThrow();
            ballots.clearChoices(ballotId);
            for (Long item : itemIds) {
                ballots.addChoice(ballotId, consultationId, item);
            }
            ballots.setTotal(ballotId, check.total(), Instant.now(clock));
        });
        return check;
    }

    // ---- administration ------------------------------------------------------------------------

    /** Puts an idea on the ballot, or changes its amount; a different amount than the idea's is marked corrected. */
    @Transactional
    public void setItem(long consultationId, long ideaId, Long amountEuros) {
        currentUser.require(Role.ADMIN);
        requireUnlocked(consultationId);
        IdeaSummary idea = ideas.find(ideaId)
                .filter(i -> i.consultationId() == consultationId && !i.hidden())
                .orElseThrow(() -> new InspraakException("error.ballot.unknown-idea"));
        if (amountEuros == null || amountEuros <= 0 || amountEuros > MAX_AMOUNT) {
            throw new InspraakException("error.amount.range");
        }
        boolean corrected = idea.amountEuros() == null || !idea.amountEuros().equals(amountEuros);
        items.findByConsultationIdAndIdeaId(consultationId, ideaId)
                .ifPresentOrElse(
                        b -> b.setAmount(amountEuros, corrected),
                        () -> items.save(new BallotItem(consultationId, ideaId, amountEuros, corrected)));
        audit.record("BALLOT_ITEM_SET", "IDEA", ideaId, String.valueOf(amountEuros));
    }

    @Transactional
    public void removeItem(long consultationId, long ideaId) {
        currentUser.require(Role.ADMIN);
        requireUnlocked(consultationId);
        items.findByConsultationIdAndIdeaId(consultationId, ideaId).ifPresent(items::delete);
        audit.record("BALLOT_ITEM_REMOVED", "IDEA", ideaId, "");
    }

    /** Sets (or with null removes) the most a package may hold for one theme. */
    @Transactional
    public void setThemeLimit(long consultationId, long themeId, Long maxEuros) {
        currentUser.require(Role.ADMIN);
        requireUnlocked(consultationId);
        if (!consultations.themeBelongsTo(themeId, consultationId)) {
            throw new InspraakException("error.not-found");
        }
        if (maxEuros != null && (maxEuros <= 0 || maxEuros > MAX_AMOUNT)) {
            throw new InspraakException("error.amount.range");
        }
        ballots.deleteThemeLimit(consultationId, themeId);
        if (maxEuros != null) {
            ballots.insertThemeLimit(consultationId, themeId, maxEuros);
        }
    }

    private void requireUnlocked(long consultationId) {
        if (ballots.countBallots(consultationId) > 0) {
            throw new InspraakException("error.ballot.locked");
        }
    }

    /** Once ballots exist, the rule (cuts or spending, and the amount) cannot change (consul#5321). */
    @EventListener
    void onRuleChange(ConsultationService.BudgetRuleChanging e) {
        if (ballots.countBallots(e.consultationId()) > 0) {
            throw new InspraakException("error.ballot.rule-locked");
        }
    }

    @Transactional(readOnly = true)
    public long ballotCount(long consultationId) {
        return ballots.countBallots(consultationId);
    }

    /** Everyone who cast a ballot in a consultation; they hear about its outcome. */
    @Transactional(readOnly = true)
    public Set<Long> voters(long consultationId) {
        return ballots.voters(consultationId).stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Ballots whose stored total does not match their choices; always 0 unless something bypassed the rules. */
    @Transactional(readOnly = true)
    public long inconsistentTotals(long consultationId) {
        return ballots.inconsistentTotals(consultationId);
    }

    // ---- results -------------------------------------------------------------------------------

    public record ItemResult(
            Item item, int chosen, double share, Map<String, Integer> byNeighbourhood, Map<String, Integer> byAge) {}

    public record Results(
            int ballots,
            List<ItemResult> items,
            Map<String, Integer> ballotsByNeighbourhood,
            Map<String, Integer> ballotsByAge) {}

    @Transactional(readOnly = true)
    public Results results(long consultationId) {
        Setup setup = setup(consultationId);
        List<Long> voters = ballots.voters(consultationId);
        Map<Long, AccountService.Demographics> demo = accounts.demographics(voters);
        Map<Long, String> names = neighbourhoods.names();
        int year = Year.now(clock).getValue();
        Map<Long, String> placeOf = new HashMap<>();
        Map<Long, String> ageOf = new HashMap<>();
        Map<String, Integer> ballotsByPlace = new TreeMap<>();
        Map<String, Integer> ballotsByAge = new TreeMap<>();
        for (Long v : voters) {
            AccountService.Demographics d = demo.get(v);
            String place =
                    d == null || d.neighbourhoodId() == null ? "?" : names.getOrDefault(d.neighbourhoodId(), "?");
            String age = d == null || d.birthYear() == null ? "?" : ageBand(year - d.birthYear());
            placeOf.put(v, place);
            ageOf.put(v, age);
            ballotsByPlace.merge(place, 1, Integer::sum);
            ballotsByAge.merge(age, 1, Integer::sum);
        }
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, Map<String, Integer>> byPlace = new HashMap<>();
        Map<Long, Map<String, Integer>> byAge = new HashMap<>();
        for (Object[] r : ballots.choices(consultationId)) {
            long user = ((Number) r[0]).longValue();
            long item = ((Number) r[1]).longValue();
            counts.computeIfAbsent(item, x -> new int[1])[0]++;
            byPlace.computeIfAbsent(item, x -> new TreeMap<>()).merge(placeOf.get(user), 1, Integer::sum);
            byAge.computeIfAbsent(item, x -> new TreeMap<>()).merge(ageOf.get(user), 1, Integer::sum);
        }
        List<ItemResult> out = new ArrayList<>();
        for (Item i : setup.items()) {
            int n = counts.getOrDefault(i.id(), new int[1])[0];
            out.add(new ItemResult(
                    i,
                    n,
                    voters.isEmpty() ? 0 : (double) n / voters.size(),
                    byPlace.getOrDefault(i.id(), Map.of()),
                    byAge.getOrDefault(i.id(), Map.of())));
        }
        out.sort((a, b) -> Integer.compare(b.chosen(), a.chosen()));
        return new Results(voters.size(), out, ballotsByPlace, ballotsByAge);
    }

    static String ageBand(int age) {
        return age < 16
                ? "?"
                : age < 25 ? "16-24" : age < 35 ? "25-34" : age < 50 ? "35-49" : age < 65 ? "50-64" : "65+";
    }

    /** Results as CSV: one row per idea, overall and per neighbourhood and age band. */
    @Transactional(readOnly = true)
    public String resultsCsv(long consultationId) {
        Results r = results(consultationId);
        List<String> places = new ArrayList<>(r.ballotsByNeighbourhood().keySet());
        List<String> ages = new ArrayList<>(r.ballotsByAge().keySet());
        List<String> header =
                new ArrayList<>(List.of("idea_id", "title", "amount_euros", "chosen", "share_of_ballots"));
        places.forEach(p -> header.add("neighbourhood:" + p));
        ages.forEach(a -> header.add("age:" + a));
        Csv csv = Csv.withHeader(header);
        for (ItemResult i : r.items()) {
            List<Object> row = new ArrayList<>(List.of(
                    i.item().ideaId(),
                    i.item().title(),
                    i.item().amountEuros(),
                    i.chosen(),
                    String.format(Locale.ROOT, "%.4f", i.share())));
            places.forEach(p -> row.add(i.byNeighbourhood().getOrDefault(p, 0)));
            ages.forEach(a -> row.add(i.byAge().getOrDefault(a, 0)));
            csv.row(row);
        }
        return csv.toString();
    }

    /** Ideas of a consultation that admins can put on the ballot. */
    @Transactional(readOnly = true)
    public Map<Long, String> candidateIdeas(long consultationId) {
        Map<Long, String> m = new LinkedHashMap<>();
        ideas.allFor(consultationId).stream()
                .filter(i -> !i.hidden() && i.mergedInto() == null)
                .forEach(i -> m.put(i.id(), i.title()));
        return m;
    }
}

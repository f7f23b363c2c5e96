package org.inspraak.consultation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.inspraak.AfterTransaction;
import org.inspraak.InspraakException;
import org.inspraak.TextInput;
import org.inspraak.audit.AuditService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Consultations (Stadsgesprekken), their themes and their phases. */
@Service
public class ConsultationService {

    public static final int MAX_TITLE = 160;
    public static final int MAX_QUESTION = 500;
    public static final int MAX_BACKGROUND = 20_000;
    public static final long MAX_AMOUNT = 10_000_000_000L;

    private final ConsultationRepository consultations;
    private final ThemeRepository themes;
    private final OutcomeRepository outcomes;
    private final NeighbourhoodService neighbourhoods;
    private final Clock clock;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final ObjectProvider<PublicationCheck> checks;

    ConsultationService(
            CurrentUser currentUser,
            ObjectProvider<PublicationCheck> checks,
            ConsultationRepository consultations,
            ThemeRepository themes,
            OutcomeRepository outcomes,
            NeighbourhoodService neighbourhoods,
            Clock clock,
            AuditService audit,
            ApplicationEventPublisher events) {
        this.consultations = consultations;
        this.currentUser = currentUser;
        this.checks = checks;
        this.neighbourhoods = neighbourhoods;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.themes = themes;
        this.outcomes = outcomes;
    }

    /** What an admin fills in. Themes are names; existing ones are kept, new ones added. */
    public record ConsultationForm(
            String title,
            String question,
            String background,
            BudgetKind budgetKind,
            Long budgetAmountEuros,
            LocalDate ideasFrom,
            LocalDate votingFrom,
            LocalDate summarisingFrom,
            LocalDate closedFrom,
            List<String> themes,
            Set<Long> neighbourhoodIds,
            List<String> targetGroups,
            boolean preModeration) {
        public ConsultationForm {
            themes = themes == null ? List.of() : List.copyOf(themes);
            neighbourhoodIds = neighbourhoodIds == null ? Set.of() : Set.copyOf(neighbourhoodIds);
            targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        }
    }

    /** Published before the budget kind or amount of a consultation changes; listeners may refuse by throwing. */
    public record BudgetRuleChanging(long consultationId) {}

    public record ThemeRef(long id, String name) {}

    /** Everything a page needs to show one consultation. */
    public record ConsultationDetails(
            long id,
            String title,
            String question,
            String background,
            BudgetKind budgetKind,
            Long budgetAmountEuros,
            LocalDate ideasFrom,
            LocalDate votingFrom,
            LocalDate summarisingFrom,
            LocalDate closedFrom,
            Phase phase,
            List<ThemeRef> themes,
            Set<Long> neighbourhoodIds,
            String attribution,
            List<String> targetGroups,
            boolean preModeration,
            @Nullable Instant publishedFrom,
            boolean published) {}

    public record ConsultationSummary(
            long id,
            String title,
            String question,
            Phase phase,
            LocalDate ideasFrom,
            LocalDate closedFrom,
            boolean outcomePublished,
            @Nullable Instant publishedFrom,
            boolean published) {}

    @Transactional
    @Secured("ROLE_ADMIN")
    public long create(ConsultationForm form) {
        long id = insert(form, null);
        audit.record("CONSULTATION_CREATED", "CONSULTATION", id, form.title());
        return id;
    }

    /** For demo seeding and imports, which run without a signed-in admin: public at once. */
    @Transactional
    public long createUnchecked(ConsultationForm form) {
        return insert(form, Instant.now(clock));
    }

    /** A new consultation; without a publication moment it is a draft that only staff see. */
    private long insert(ConsultationForm form, @Nullable Instant publishedFrom) {
        validate(form);
        Consultation c = new Consultation(Instant.now(clock));
        c.apply(form);
        c.setPublishedFrom(publishedFrom);
        consultations.save(c);
        for (String theme : form.themes()) {
            themes.save(new Theme(c.getId(), theme.strip()));
        }
        forgetThemes(c.getId());
        return c.getId();
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void update(long id, ConsultationForm form) {
        validate(form);
        Consultation c = consultations.findById(id).orElseThrow(() -> new InspraakException("error.not-found"));
        if (c.getBudgetKind() != form.budgetKind()
                || !Objects.equals(c.getBudgetAmountEuros(), form.budgetAmountEuros())) {
            // Synchronous: a listener (the ballot) may refuse, which rolls this update back.
            events.publishEvent(new BudgetRuleChanging(id));
        }
        c.apply(form);
        forgetPhase(id);
        forgetThemes(id);
        audit.record("CONSULTATION_UPDATED", "CONSULTATION", id, form.title());
        Set<String> existing = new HashSet<>();
        themes.findByConsultationIdOrderByName(id).forEach(t -> existing.add(t.getName()));
        for (String theme : form.themes()) {
            if (existing.add(theme.strip())) {
                themes.save(new Theme(id, theme.strip()));
            }
        }
    }

    @Transactional
    public void setAttribution(long id, String attribution) {
        consultations
                .findById(id)
                .orElseThrow(() -> new InspraakException("error.not-found"))
                .setAttribution(attribution);
        forgetPhase(id);
    }

    /**
     * Every consultation and idea page shows its consultation, which changes only when an admin edits or publishes
     * it: kept for a while like its themes, and forgotten at once when this node changes it (another node of a cluster
     * sees a change within 30 s). The phase and whether it is public are worked out from the kept dates at every call,
     * so a new day or a planned publication shows at once. No transaction of its own: a kept consultation needs no
     * database connection (the repository's call has one when it is needed).
     */
    public Optional<ConsultationDetails> find(long id) {
        ConsultationDetails kept = detailsCache.get(
                id, k -> consultations.findById(k).map(this::details).orElse(null));
        return Optional.ofNullable(kept).map(this::asOfNow);
    }

    private final Cache<Long, ConsultationDetails> detailsCache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(1_000)
            .build();

    private ConsultationDetails details(Consultation c) {
        return new ConsultationDetails(
                c.getId(),
                c.getTitle(),
                c.getQuestion(),
                c.getBackground(),
                c.getBudgetKind(),
                c.getBudgetAmountEuros(),
                c.getIdeasFrom(),
                c.getVotingFrom(),
                c.getSummarisingFrom(),
                c.getClosedFrom(),
                c.phaseOn(LocalDate.now(clock)),
                themes(c.getId()),
                Set.copyOf(c.getNeighbourhoodIds()),
                c.getAttribution(),
                List.copyOf(c.getTargetGroups()),
                c.isPreModeration(),
                c.getPublishedFrom(),
                c.isPublicAt(clock.instant()));
    }

    /** Kept details with the phase and publication as of now. */
    private ConsultationDetails asOfNow(ConsultationDetails d) {
        Phase phase = Consultation.phaseOn(
                LocalDate.now(clock), d.ideasFrom(), d.votingFrom(), d.summarisingFrom(), d.closedFrom());
        boolean published = Consultation.isPublicAt(d.publishedFrom(), clock.instant());
        if (phase == d.phase() && published == d.published()) {
            return d;
        }
        return new ConsultationDetails(
                d.id(),
                d.title(),
                d.question(),
                d.background(),
                d.budgetKind(),
                d.budgetAmountEuros(),
                d.ideasFrom(),
                d.votingFrom(),
                d.summarisingFrom(),
                d.closedFrom(),
                phase,
                d.themes(),
                d.neighbourhoodIds(),
                d.attribution(),
                d.targetGroups(),
                d.preModeration(),
                d.publishedFrom(),
                published);
    }

    /** A consultation as the current visitor may see it: drafts and planned ones only for staff. */
    public Optional<ConsultationDetails> findVisible(long id) {
        boolean staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        return find(id).filter(c -> c.published() || staff);
    }

    @Transactional(readOnly = true)
    public List<ConsultationSummary> forHome(int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        int size = Math.max(1, limit);
        List<Consultation> page =
                consultations.findForHome(today, clock.instant(), PageRequest.of(offset / size, size));
        return summaries(page, today);
    }

    /** For staff: every consultation, drafts and planned ones first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ADMIN", "ROLE_MODERATOR"})
    public List<ConsultationSummary> forStaff(int offset, int limit) {
        LocalDate today = LocalDate.now(clock);
        int size = Math.max(1, limit);
        return summaries(
                consultations.findForStaff(today, clock.instant(), PageRequest.of(offset / size, size)), today);
    }

    private List<ConsultationSummary> summaries(List<Consultation> page, LocalDate today) {
        Instant now = clock.instant();
        Set<Long> withOutcome = page.isEmpty()
                ? Set.of()
                : Set.copyOf(outcomes.publishedAmong(
                        page.stream().map(Consultation::getId).toList()));
        return page.stream()
                .map(c -> new ConsultationSummary(
                        c.getId(),
                        c.getTitle(),
                        c.getQuestion(),
                        c.phaseOn(today),
                        c.getIdeasFrom(),
                        c.getClosedFrom(),
                        withOutcome.contains(c.getId()),
                        c.getPublishedFrom(),
                        c.isPublicAt(now)))
                .toList();
    }

    /** Every consultation with its current phase and the day that phase began; for phase announcements. */
    public record PhaseState(long id, String title, Phase phase, LocalDate since) {}

    @Transactional(readOnly = true)
    public List<PhaseState> phaseStates() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        return consultations.findAll().stream()
                .filter(c -> c.isPublicAt(now))
                .map(c -> {
                    Phase p = c.phaseOn(today);
                    LocalDate since = switch (p) {
                        case UPCOMING ->
                            c.getCreatedAt().atZone(clock.getZone()).toLocalDate();
                        case IDEAS -> c.getIdeasFrom();
                        case VOTING -> c.getVotingFrom();
                        case SUMMARISING -> c.getSummarisingFrom();
                        case CLOSED -> c.getClosedFrom();
                    };
                    return new PhaseState(c.getId(), c.getTitle(), p, since);
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return consultations.countPublic(clock.instant());
    }

    @Transactional(readOnly = true)
    public long countAll() {
        return consultations.count();
    }

    @Transactional(readOnly = true)
    public List<ThemeRef> themes(long consultationId) {
        return themeCache.get(
                consultationId,
                id -> themes.findByConsultationIdOrderByName(id).stream()
                        .map(t -> new ThemeRef(t.getId(), t.getName()))
                        .toList());
    }

    /**
     * Every consultation and idea page asks for the themes, which change only when an admin edits the
     * consultation: kept for a while (under load the query was 2 % of the server's work). The expiry bounds what
     * another node of a cluster, or a change outside this service, leaves stale.
     */
    private final Cache<Long, List<ThemeRef>> themeCache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(1_000)
            .build();

    /** Forgets the themes now and again after the change is over, so no reader re-caches the old list. */
    private void forgetThemes(long id) {
        themeCache.invalidate(id);
        detailsCache.invalidate(id);
        AfterTransaction.completion(() -> {
            themeCache.invalidate(id);
            detailsCache.invalidate(id);
        });
    }

    /** Names of themes by id, across consultations (for search facets). */
    @Transactional(readOnly = true)
    public Map<Long, String> themeNames(Collection<Long> themeIds) {
        Map<Long, String> names = new HashMap<>();
        themes.findAllById(themeIds).forEach(t -> names.put(t.getId(), t.getName()));
        return names;
    }

    /** Titles by id (for search facets), from the kept consultations. */
    public Map<Long, String> titles(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            find(id).ifPresent(c -> names.put(id, c.title()));
        }
        return names;
    }

    /**
     * A consultation's phase today. Asked for every vote and reaction, so remembered for a few seconds, and
     * without a transaction of its own (the repository call has one when it is needed).
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Phase phase(long consultationId) {
        LocalDate today = LocalDate.now(clock);
        long now = System.nanoTime();
        CachedPhase cached = phases.get(consultationId);
        if (cached != null && cached.day().equals(today) && now - cached.at() < PHASE_TTL_NANOS) {
            return cached.phase();
        }
        Phase phase = consultations
                .findById(consultationId)
                // Nothing can be done in a draft, whatever its dates say.
                .map(c -> c.isPublicAt(clock.instant()) ? c.phaseOn(today) : Phase.UPCOMING)
                .orElseThrow(() -> new InspraakException("error.not-found"));
        phases.put(consultationId, new CachedPhase(today, phase, now));
        return phase;
    }

    private record CachedPhase(LocalDate day, Phase phase, long at) {}

    /** Bounds staleness even for a change that bypassed this service (a restore, a manual SQL fix). */
    private static final long PHASE_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<Long, CachedPhase> phases = new ConcurrentHashMap<>();

    /** Forgets the phase now and again after the change commits, so no reader re-caches the old dates. */
    private void forgetPhase(long id) {
        phases.remove(id);
        detailsCache.invalidate(id);
        AfterTransaction.completion(() -> {
            phases.remove(id);
            detailsCache.invalidate(id);
        });
    }

    // ---- publication -----------------------------------------------------------------------------

    /** What to check before publishing: this module's own points and those of the modules above it. */
    @Transactional(readOnly = true)
    @Secured("ROLE_ADMIN")
    public List<PublicationCheck.CheckItem> checklist(long id) {
        Consultation c = load(id);
        LocalDate today = LocalDate.now(clock);
        List<PublicationCheck.CheckItem> items = new java.util.ArrayList<>(List.of(
                new PublicationCheck.CheckItem(
                        "admin.publication.check.question",
                        c.getQuestion().strip().length() >= 20),
                new PublicationCheck.CheckItem(
                        "admin.publication.check.background",
                        c.getBackground().strip().length() >= 100),
                new PublicationCheck.CheckItem(
                        "admin.publication.check.themes",
                        themes.findByConsultationIdOrderByName(id).size() >= 2),
                new PublicationCheck.CheckItem(
                        "admin.publication.check.neighbourhoods",
                        !c.getNeighbourhoodIds().isEmpty()
                                || neighbourhoods.all().isEmpty()),
                new PublicationCheck.CheckItem(
                        "admin.publication.check.dates", c.getClosedFrom().isAfter(today))));
        checks.orderedStream().forEach(check -> items.addAll(check.checks(id)));
        return items;
    }

    /**
     * Publishes a draft now ({@code at} null) or plans it for a later moment. Once residents can see a
     * consultation it stays public: they may have taken part.
     */
    @Transactional
    @Secured("ROLE_ADMIN")
    public void publish(long id, @Nullable Instant at) {
        Consultation c = load(id);
        Instant now = clock.instant();
        if (c.isPublicAt(now)) {
            throw new InspraakException("error.publication.already");
        }
        if (at != null && at.isBefore(now.minusSeconds(60))) {
            throw new InspraakException("error.publication.past");
        }
        if (!c.getClosedFrom().isAfter(LocalDate.now(clock))) {
            throw new InspraakException("error.publication.closed");
        }
        c.setPublishedFrom(at == null ? now : at);
        forgetPhase(id);
        audit.record(at == null ? "CONSULTATION_PUBLISHED" : "CONSULTATION_PLANNED", "CONSULTATION", id, c.getTitle());
    }

    /** Takes back a planned publication before it happens; the consultation is a draft again. */
    @Transactional
    @Secured("ROLE_ADMIN")
    public void cancelPlannedPublication(long id) {
        Consultation c = load(id);
        if (c.isPublicAt(clock.instant())) {
            throw new InspraakException("error.publication.already");
        }
        c.setPublishedFrom(null);
        forgetPhase(id);
        audit.record("CONSULTATION_PLAN_CANCELLED", "CONSULTATION", id, c.getTitle());
    }

    private Consultation load(long id) {
        return consultations.findById(id).orElseThrow(() -> new InspraakException("error.not-found"));
    }

    /** Whether new contributions in this consultation wait for a moderator's approval. */
    @Transactional(readOnly = true)
    public boolean requiresApproval(long consultationId) {
        return consultations
                .findById(consultationId)
                .map(Consultation::isPreModeration)
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean themeBelongsTo(long themeId, long consultationId) {
        return themes.findById(themeId)
                .map(t -> t.getConsultationId() == consultationId)
                .orElse(false);
    }

    private void validate(ConsultationForm f) {
        requireText(f.title(), MAX_TITLE, "error.consultation.title");
        requireText(f.question(), MAX_QUESTION, "error.consultation.question");
        if (f.background() == null || f.background().length() > MAX_BACKGROUND) {
            throw new InspraakException("error.consultation.background", MAX_BACKGROUND);
        }
        if (TextInput.isUnsafe(f.background())) {
            throw new InspraakException("error.text.control-characters");
        }
        if (f.ideasFrom() == null || f.votingFrom() == null || f.summarisingFrom() == null || f.closedFrom() == null) {
            throw new InspraakException("error.consultation.dates-required");
        }
        if (f.votingFrom().isBefore(f.ideasFrom())
                || f.summarisingFrom().isBefore(f.votingFrom())
                || f.closedFrom().isBefore(f.summarisingFrom())) {
            throw new InspraakException("error.consultation.dates-order");
        }
        if ((f.budgetKind() == null) != (f.budgetAmountEuros() == null)) {
            throw new InspraakException("error.consultation.budget-incomplete");
        }
        if (f.budgetAmountEuros() != null && (f.budgetAmountEuros() <= 0 || f.budgetAmountEuros() > MAX_AMOUNT)) {
            throw new InspraakException("error.amount.range");
        }
        for (String theme : f.themes()) {
            requireText(theme, 80, "error.consultation.theme");
        }
        if (f.targetGroups().size() > 20) {
            throw new InspraakException("error.consultation.target-groups", 20);
        }
        for (String group : f.targetGroups()) {
            requireText(group, 80, "error.consultation.target-group");
        }
        for (Long n : f.neighbourhoodIds()) {
            if (!neighbourhoods.exists(n)) {
                throw new InspraakException("error.neighbourhood.unknown");
            }
        }
    }

    private static void requireText(String value, int max, String key) {
        if (value == null || value.isBlank() || value.strip().length() > max || TextInput.showsNothing(value)) {
            throw new InspraakException(key, max);
        }
        if (TextInput.isUnsafe(value)) {
            throw new InspraakException("error.text.control-characters");
        }
    }
}

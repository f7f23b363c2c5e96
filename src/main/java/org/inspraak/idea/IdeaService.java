package org.inspraak.idea;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.inspraak.AfterTransaction;
import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.PageEvent;
import org.inspraak.TextInput;
import org.inspraak.account.AccountService;
import org.inspraak.account.ContributionPolicy;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.Phase;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.ClientIp;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Posting, editing, listing and the status timeline of ideas. */
@Service
public class IdeaService {

    public static final int MIN_TITLE = 5;
    public static final int MAX_TITLE = 120;
    public static final int MIN_DESCRIPTION = 10;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final long MAX_AMOUNT = 1_000_000_000L;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private final IdeaRepository ideas;
    private final IdeaStatusChangeRepository statusChanges;
    private final ConsultationService consultations;
    private final NeighbourhoodService neighbourhoods;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ClientIp clientIp;
    private final ContributionPolicy policy;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    private final InspraakProperties.MapSettings mapBounds;

    IdeaService(
            IdeaRepository ideas,
            IdeaStatusChangeRepository statusChanges,
            ConsultationService consultations,
            NeighbourhoodService neighbourhoods,
            AccountService accounts,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            RateLimits rateLimits,
            ClientIp clientIp,
            ContributionPolicy policy,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            InspraakProperties properties) {
        this.mapBounds = properties.map();
        this.ideas = ideas;
        this.statusChanges = statusChanges;
        this.consultations = consultations;
        this.neighbourhoods = neighbourhoods;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.clientIp = clientIp;
        this.policy = policy;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public record IdeaForm(
            String title,
            String description,
            Long themeId,
            Long neighbourhoodId,
            AmountKind amountKind,
            Long amountEuros) {}

    /** An idea as lists and pages show it, with names resolved and no personal data. */
    public record IdeaSummary(
            long id,
            long consultationId,
            String title,
            String description,
            String themeName,
            String neighbourhoodName,
            AmountKind amountKind,
            Long amountEuros,
            IdeaStatus status,
            int agree,
            int disagree,
            int pass,
            int reactions,
            String authorName,
            long authorId,
            Instant createdAt,
            boolean hidden,
            String hiddenReason,
            boolean moderatorEdited,
            boolean locked,
            boolean pinned,
            Long mergedInto,
            boolean background) {
        public int votes() {
            return agree + disagree + pass;
        }

        public IdeaSummary withCounts(int agree, int disagree, int pass) {
            return new IdeaSummary(
                    id,
                    consultationId,
                    title,
                    description,
                    themeName,
                    neighbourhoodName,
                    amountKind,
                    amountEuros,
                    status,
                    agree,
                    disagree,
                    pass,
                    reactions,
                    authorName,
                    authorId,
                    createdAt,
                    hidden,
                    hiddenReason,
                    moderatorEdited,
                    locked,
                    pinned,
                    mergedInto,
                    background);
        }
    }

    /**
     * One step of the public timeline; {@code department} is who carries a decision out, {@code effectiveOn} the
     * day it happened when staff gave one (otherwise the day it was recorded).
     */
    public record StatusStep(
            IdeaStatus status,
            String explanation,
            Instant at,
            @Nullable String department,
            @Nullable LocalDate effectiveOn) {}

    /** The municipality's current decision on an idea, for the consultation's outcome. */
    public record Decision(
            long ideaId,
            String title,
            IdeaStatus status,
            String explanation,
            @Nullable String department,
            LocalDate decidedOn,
            int agree,
            int disagree,
            int pass) {}

    /** Published in the posting transaction; the author follows their new idea. */
    public record IdeaPosted(long ideaId, long consultationId, long authorId) {}

    /**
     * Ideas of a consultation were recounted (within a fraction of a second of the votes; one event per consultation
     * per catch-up). It carries the new counts, so that the thousands of pages that show them need not each read
     * them again.
     */
    public record VotesCounted(long consultationId, List<StoredCounts> counts) implements PageEvent.Frequent {
        public Set<Long> ideaIds() {
            return counts.stream().map(StoredCounts::ideaId).collect(java.util.stream.Collectors.toSet());
        }

        public Optional<StoredCounts> of(long ideaId) {
            return counts.stream().filter(c -> c.ideaId() == ideaId).findFirst();
        }
    }

    public record IdeaChanged(long ideaId, long consultationId) implements PageEvent {}

    /** The hidden-reason marker of a contribution that waits for approval (pre-moderation). */
    public static final String PENDING = "pending";
    /** The hidden reason of content that enough residents reported: hidden until a moderator has looked. */
    public static final String AUTO_HIDDEN = "auto";

    /** Published inside the posting transaction when a contribution waits for approval. */
    public record AwaitsApproval(String type, long id, long authorId) {}

    /** Published when staff move an idea along its timeline; followers and the author are told. */
    public record StatusChanged(
            long ideaId, long consultationId, long authorId, long changedBy, String title, IdeaStatus status) {}

    // ---- posting and editing -------------------------------------------------------------------

    @Transactional
    public long post(long consultationId, IdeaForm form) {
        InspraakUser user = currentUser.require(Role.RESIDENT);
        accounts.requireCanParticipate(user.id());
        Phase phase = consultations.phase(consultationId);
        if (!phase.acceptsIdeas()) {
            throw new InspraakException("error.idea.phase-closed");
        }
        validate(consultationId, form);
        policy.checkLinks(user.id(), form.title(), form.description());
        rateLimits.check(RateLimits.Action.POST_IDEA, "user:" + user.id());
        rateLimits.checkIp(RateLimits.Action.POST_IDEA, clientIp.current());
        if (ideas.existsByAuthorIdAndTitleIgnoreCase(user.id(), form.title().strip())) {
            throw new InspraakException("error.idea.duplicate");
        }
        Instant now = Instant.now(clock);
        Idea idea = new Idea(consultationId, user.id(), now);
        idea.apply(normalise(form), now);
        idea.setClientIp(clientIp.current());
        boolean pending = !user.isStaff()
                && (consultations.requiresApproval(consultationId)
                        || policy.premoderate(ideas.countByAuthorId(user.id())));
        if (pending) {
            idea.setHidden(true, PENDING);
        }
        ideas.save(idea);
        if (pending) {
            events.publishEvent(new AwaitsApproval("IDEA", idea.getId(), user.id()));
        }
        statusChanges.save(new IdeaStatusChange(idea.getId(), IdeaStatus.SUBMITTED, "", user.id(), now));
        events.publishEvent(new IdeaChanged(idea.getId(), consultationId));
        events.publishEvent(new IdeaPosted(idea.getId(), consultationId, user.id()));
        return idea.getId();
    }

    /** Seeds an idea on behalf of a given author (demo data, imports); skips the phase rule. */
    @Transactional
    public long postAs(long authorId, long consultationId, IdeaForm form, Instant createdAt) {
        validate(consultationId, form);
        Idea idea = new Idea(consultationId, authorId, createdAt);
        idea.apply(normalise(form), createdAt);
        ideas.save(idea);
        statusChanges.save(new IdeaStatusChange(idea.getId(), IdeaStatus.SUBMITTED, "", authorId, createdAt));
        events.publishEvent(new IdeaPosted(idea.getId(), consultationId, authorId));
        return idea.getId();
    }

    /**
     * Imports a statement from another platform as an idea, keeping its text as written (imports may hold shorter
     * or longer texts than our form allows); hidden when the source moderated it out, and a background statement
     * when the source marked it as one (Polis's metadata statements).
     */
    @Transactional
    public long importIdea(
            long authorId, long consultationId, String text, Instant createdAt, boolean hidden, boolean background) {
        String body = text.strip();
        String title = body.length() <= MAX_TITLE ? body : shorten(body, MAX_TITLE);
        Idea idea = new Idea(consultationId, authorId, createdAt);
        idea.apply(new IdeaForm(title, body, null, null, null, null), createdAt);
        if (hidden) {
            idea.setHidden(true, "Gemodereerd in de bron (Polis)");
        }
        idea.setBackground(background);
        ideas.save(idea);
        statusChanges.save(new IdeaStatusChange(idea.getId(), IdeaStatus.SUBMITTED, "", authorId, createdAt));
        return idea.getId();
    }

    private static String shorten(String text, int max) {
        int cut = text.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max - 1)).strip() + "…";
    }

    /** The title and description of an idea, as its author wrote them. */
    public record IdeaText(long id, String title, String description) {}

    /** The texts of the given ideas that are not hidden, in no particular order; for search results. */
    @Transactional(readOnly = true)
    public List<IdeaText> visibleTexts(Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return List.of();
        }
        // Plain SQL: on every search, Hibernate's translation of a query with a list of ids cost more than the read.
        return jdbc.sql("select id, title, description from idea where id in (:ids) and hidden = false")
                .param("ids", ideaIds)
                .query((rs, row) -> new IdeaText(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Every idea of a consultation, hidden ones included (insights leave those out themselves), oldest first. */
    @Transactional(readOnly = true)
    public List<IdeaSummary> allFor(long consultationId) {
        return toSummaries(ideas.findByConsultationIdOrderById(consultationId));
    }

    @Transactional
    public void edit(long ideaId, IdeaForm form) {
        InspraakUser user = currentUser.require();
        Idea idea = load(ideaId);
        if (!idea.getAuthorId().equals(user.id())) {
            throw new InspraakException("error.forbidden");
        }
        if (!canStillEdit(idea)) {
            throw new InspraakException("error.idea.edit-window");
        }
        validate(idea.getConsultationId(), form);
        idea.apply(normalise(form), Instant.now(clock));
        events.publishEvent(new IdeaChanged(idea.getId(), idea.getConsultationId()));
    }

    @Transactional(readOnly = true)
    public boolean canEdit(long ideaId) {
        Optional<InspraakUser> user = currentUser.get();
        if (user.isEmpty()) {
            return false;
        }
        Idea idea = ideas.findById(ideaId).orElse(null);
        return idea != null && idea.getAuthorId().equals(user.get().id()) && canStillEdit(idea);
    }

    /** The current values of the author's own idea, for the edit form. */
    @Transactional(readOnly = true)
    public IdeaForm editForm(long ideaId) {
        InspraakUser user = currentUser.require();
        Idea idea = load(ideaId);
        if (!idea.getAuthorId().equals(user.id())) {
            throw new InspraakException("error.forbidden");
        }
        return new IdeaForm(
                idea.getTitle(),
                idea.getDescription(),
                idea.getThemeId(),
                idea.getNeighbourhoodId(),
                idea.getAmountKind(),
                idea.getAmountEuros());
    }

    private boolean canStillEdit(Idea idea) {
        return idea.getReactionCount() == 0
                && Duration.between(idea.getCreatedAt(), Instant.now(clock)).compareTo(EDIT_WINDOW) <= 0;
    }

    // ---- status ------------------------------------------------------------------------------

    @Transactional
    public void setStatus(long ideaId, IdeaStatus status, String explanation) {
        setStatus(ideaId, status, explanation, null, null);
    }

    public static final int MAX_DEPARTMENT = 120;

    /**
     * Moves an idea along its timeline with the department responsible and, optionally, the day it happened (not
     * in the future: a timeline records what happened).
     */
    @Transactional
    public void setStatus(
            long ideaId,
            IdeaStatus status,
            String explanation,
            @Nullable String department,
            @Nullable LocalDate effectiveOn) {
        InspraakUser staff = currentUser.requireStaff();
        String dept = department == null || department.isBlank() ? null : department.strip();
        if (dept != null && (dept.length() > MAX_DEPARTMENT || TextInput.isUnsafe(dept))) {
            throw new InspraakException("error.status.department", MAX_DEPARTMENT);
        }
        if (effectiveOn != null && effectiveOn.isAfter(LocalDate.now(clock))) {
            throw new InspraakException("error.status.date-future");
        }
        Idea idea = load(ideaId);
        String text = explanation == null ? "" : explanation.strip();
        if (status == null) {
            throw new InspraakException("error.status.required");
        }
        if (text.isEmpty()) {
            throw new InspraakException(
                    status == IdeaStatus.NOT_SELECTED
                            ? "error.status.reason-required"
                            : "error.status.explanation-required");
        }
        if (text.length() > 2000) {
            throw new InspraakException("error.status.explanation-long", 2000);
        }
        if (TextInput.isUnsafe(text)) {
            throw new InspraakException("error.text.control-characters");
        }
        Instant now = Instant.now(clock);
        idea.setStatus(status, now);
        statusChanges.save(
                new IdeaStatusChange(ideaId, status, text, staff.id(), now).withDecisionDetails(dept, effectiveOn));
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
        events.publishEvent(new StatusChanged(
                ideaId, idea.getConsultationId(), idea.getAuthorId(), staff.id(), idea.getTitle(), status));
    }

    @Transactional(readOnly = true)
    public List<StatusStep> timeline(long ideaId) {
        return statusChanges.findByIdeaIdOrderByChangedAtAscIdAsc(ideaId).stream()
                .map(c -> new StatusStep(
                        c.getStatus(), c.getExplanation(), c.getChangedAt(), c.getDepartment(), c.getEffectiveOn()))
                .toList();
    }

    /**
     * The decision on every visible idea of a consultation that has one, strongest support first within each
     * status. The explanation and department are the latest step's; a later step without a department keeps the
     * department named before (implementation usually stays with the same team).
     */
    @Transactional(readOnly = true)
    public List<Decision> decisions(long consultationId) {
        Map<Long, IdeaStatusChange> latest = new HashMap<>();
        Map<Long, String> department = new HashMap<>();
        for (IdeaStatusChange c : statusChanges.forConsultation(consultationId)) {
            latest.put(c.getIdeaId(), c);
            if (c.getDepartment() != null) {
                department.put(c.getIdeaId(), c.getDepartment());
            }
        }
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        return ideas.findByConsultationIdOrderById(consultationId).stream()
                .filter(i -> !i.isHidden() && i.getStatus().isDecision() && latest.containsKey(i.getId()))
                .sorted(Comparator.comparing((Idea i) -> OUTCOME_ORDER.indexOf(i.getStatus()))
                        .thenComparing(i -> -supportScore(i.getAgreeCount(), i.getDisagreeCount()))
                        .thenComparing(Idea::getId))
                .map(i -> {
                    IdeaStatusChange step = latest.get(i.getId());
                    return new Decision(
                            i.getId(),
                            i.getTitle(),
                            i.getStatus(),
                            step.getExplanation(),
                            department.get(i.getId()),
                            step.getEffectiveOn() != null
                                    ? step.getEffectiveOn()
                                    : LocalDate.ofInstant(step.getChangedAt(), zone),
                            i.getAgreeCount(),
                            i.getDisagreeCount(),
                            i.getPassCount());
                })
                .toList();
    }

    /** On the outcome page: what is done or going ahead first, then what is still studied, then what is not. */
    private static final List<IdeaStatus> OUTCOME_ORDER = List.of(
            IdeaStatus.IMPLEMENTED,
            IdeaStatus.IN_PROGRESS,
            IdeaStatus.SELECTED,
            IdeaStatus.PARTLY_SELECTED,
            IdeaStatus.UNDER_CONSIDERATION,
            IdeaStatus.NOT_SELECTED);

    /** A place on the map: where the idea is about. */
    public record Place(double latitude, double longitude) {}

    /** Where the idea is, if its author pointed it out. */
    @Transactional(readOnly = true)
    public Optional<Place> place(long ideaId) {
        return ideas.findById(ideaId)
                .filter(i -> i.getLatitude() != null && i.getLongitude() != null)
                .map(i -> new Place(i.getLatitude(), i.getLongitude()));
    }

    /** The author (or staff) points out where the idea is, or clears it with null; only inside the municipality. */
    @Transactional
    public void setPlace(long ideaId, @Nullable Place place) {
        InspraakUser user = currentUser.require();
        Idea idea = load(ideaId);
        if (idea.getAuthorId() != user.id() && !user.isStaff()) {
            throw new InspraakException("error.forbidden");
        }
        if (place != null
                && (!Double.isFinite(place.latitude())
                        || !Double.isFinite(place.longitude())
                        || !mapBounds.contains(place.latitude(), place.longitude()))) {
            throw new InspraakException("error.place.outside");
        }
        // Metre precision is plenty for a crossing or a playground, and says no more than needed.
        idea.setLocation(
                place == null ? null : Math.round(place.latitude() * 100_000) / 100_000.0,
                place == null ? null : Math.round(place.longitude() * 100_000) / 100_000.0);
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
    }

    /** Everyone who posted an idea in a consultation; they hear about its outcome. */
    @Transactional(readOnly = true)
    public Set<Long> authors(long consultationId) {
        return Set.copyOf(ideas.authorsOf(consultationId));
    }

    // ---- reading -------------------------------------------------------------------------------

    /** One idea for its page. A hidden idea is still found, so its page can show the moderator's reason. */
    @Transactional(readOnly = true)
    public Optional<IdeaSummary> find(long ideaId) {
        return ideas.findById(ideaId).map(i -> toSummaries(List.of(i)).getFirst());
    }

    /** A person's own ideas, for their data export (including the IP address stored for moderation). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> exportFor(long authorId) {
        return ideas.findByAuthorIdOrderByCreatedAt(authorId).stream()
                .map(i -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", i.getId());
                    m.put("consultationId", i.getConsultationId());
                    m.put("title", i.getTitle());
                    m.put("description", i.getDescription());
                    m.put("status", i.getStatus().name());
                    m.put("createdAt", i.getCreatedAt().toString());
                    m.put("ipAddress", i.getClientIp());
                    return m;
                })
                .toList();
    }

    @Transactional
    public void eraseClientIpsOf(long authorId) {
        ideas.eraseClientIps(authorId);
    }

    /** Forgets client IP addresses older than the retention period. */
    @Transactional
    public int purgeClientIps(Instant before) {
        return ideas.purgeClientIps(before);
    }

    // ---- moderation (staff) ------------------------------------------------------------------------

    @Transactional
    public void hide(long ideaId, String reason) {
        currentUser.requireStaff();
        hideUnchecked(ideaId, reason);
    }

    /** Hides pending review; called by the flag rule when enough residents report an idea. */
    @Transactional
    public void hideUnchecked(long ideaId, String reason) {
        Idea idea = load(ideaId);
        idea.setHidden(true, reason);
        forgetOpenState(ideaId);
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
    }

    @Transactional
    public void restore(long ideaId) {
        currentUser.requireStaff();
        Idea idea = load(ideaId);
        idea.setHidden(false, null);
        forgetOpenState(ideaId);
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
    }

    @Transactional
    public void correct(long ideaId, String title, String description) {
        currentUser.requireStaff();
        Idea idea = load(ideaId);
        IdeaForm form = new IdeaForm(
                title,
                description,
                idea.getThemeId(),
                idea.getNeighbourhoodId(),
                idea.getAmountKind(),
                idea.getAmountEuros());
        validate(idea.getConsultationId(), form);
        idea.correct(title.strip(), description.strip(), Instant.now(clock));
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
    }

    @Transactional
    public void setLocked(long ideaId, boolean locked) {
        currentUser.requireStaff();
        load(ideaId).setLocked(locked);
        forgetOpenState(ideaId);
    }

    /**
     * Marks an idea as a background question (about the participant, not an opinion) or back. Its votes stay; the
     * opinion groups leave it out from their next computation on.
     */
    @Transactional
    public void setBackground(long ideaId, boolean background) {
        currentUser.requireStaff();
        Idea idea = load(ideaId);
        idea.setBackground(background);
        events.publishEvent(new IdeaChanged(ideaId, idea.getConsultationId()));
    }

    @Transactional
    public void setPinned(long ideaId, boolean pinned) {
        currentUser.requireStaff();
        load(ideaId).setPinned(pinned);
    }

    @Transactional(readOnly = true)
    public List<IdeaSummary> list(long consultationId, IdeaSort sort, long seed, int offset, int limit) {
        return list(consultationId, IdeaFilter.NONE, sort, seed, offset, limit);
    }

    /** Which ideas a list shows: any of the three may be null (no filter). */
    public record IdeaFilter(
            @Nullable Long themeId,
            @Nullable Long neighbourhoodId,
            @Nullable IdeaStatus status) {
        public static final IdeaFilter NONE = new IdeaFilter(null, null, null);
    }

    @Transactional(readOnly = true)
    public List<IdeaSummary> list(
            long consultationId, IdeaFilter filter, IdeaSort sort, long seed, int offset, int limit) {
        return toSummaries(page(consultationId, filter, sort, seed, offset, limit));
    }

    private List<Idea> page(
            long consultationId, IdeaFilter filter, @Nullable IdeaSort sort, long seed, int offset, int limit) {
        Long t = filter.themeId();
        Long n = filter.neighbourhoodId();
        IdeaStatus s = filter.status();
        int size = Math.max(1, limit);
        // Vaadin's lazy loading asks with offsets that are multiples of the page size.
        Pageable page = PageRequest.of(offset / size, size);
        return switch (sort == null ? IdeaSort.NEWEST : sort) {
            case NEWEST -> ideas.newest(consultationId, t, n, s, page);
            case MOST_SUPPORT -> ideas.mostSupported(consultationId, t, n, s, page);
            case MOST_DISCUSSED -> ideas.mostDiscussed(consultationId, t, n, s, page);
            case MOST_DIVIDED -> ideas.mostDivided(consultationId, t, n, s, page);
            case RANDOM -> ideas.shuffled(consultationId, t, n, s, Math.floorMod(seed, 999_983L) + 1, page);
        };
    }

    /** Where an idea stands in a list with this filter and order (0 is the first), if it is in it at all. */
    @Transactional(readOnly = true)
    public Optional<Integer> position(long consultationId, IdeaFilter filter, IdeaSort sort, long seed, long ideaId) {
        int pageSize = 200;
        // Page by page until a short page: no count first, which was one more query for every Back to a list.
        for (int offset = 0; ; offset += pageSize) {
            List<Idea> rows = page(consultationId, filter, sort, seed, offset, pageSize);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getId() == ideaId) {
                    return Optional.of(offset + i);
                }
            }
            if (rows.size() < pageSize) {
                return Optional.empty();
            }
        }
    }

    @Transactional(readOnly = true)
    public long count(long consultationId) {
        return ideas.countByConsultationIdAndHiddenFalse(consultationId);
    }

    @Transactional(readOnly = true)
    public long count(long consultationId, IdeaFilter filter) {
        return ideas.countFiltered(consultationId, filter.themeId(), filter.neighbourhoodId(), filter.status());
    }

    @Transactional(readOnly = true)
    public boolean requiresApproval(long ideaId) {
        return ideas.findById(ideaId)
                .map(i -> consultations.requiresApproval(i.getConsultationId()))
                .orElse(false);
    }

    /**
     * For votes and reactions: the idea must exist, be visible, and its consultation's phase must allow it.
     * Plain JDBC and no transaction of its own: this runs for every vote, and needs three columns.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long requireOpenFor(long ideaId, boolean forVote) {
        return requireOpen(ideaId, forVote, false);
    }

    /**
     * For the municipality's answers: as for reactions, except that a locked idea still takes them. Locking
     * stops the conversation among residents, not the answer to a question they asked.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long requireOpenForOfficialAnswer(long ideaId) {
        return requireOpen(ideaId, false, true);
    }

    private long requireOpen(long ideaId, boolean forVote, boolean official) {
        long now = System.nanoTime();
        Object[] state = openStates.get(ideaId);
        if (state == null || now - (Long) state[3] > OPEN_STATE_TTL_NANOS) {
            state = jdbc.sql("select consultation_id, hidden, locked from idea where id = ?")
                    .param(ideaId)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), now})
                    .optional()
                    .orElseThrow(() -> new InspraakException("error.not-found"));
            if (openStates.size() > 50_000) {
                openStates.clear();
            }
            openStates.put(ideaId, state);
        }
        long consultationId = (Long) state[0];
        if ((Boolean) state[1]) {
            throw new InspraakException("error.idea.hidden");
        }
        if (!forVote && !official && (Boolean) state[2]) {
            throw new InspraakException("error.idea.locked");
        }
        Phase phase = consultations.phase(consultationId);
        if (forVote ? !phase.acceptsVotes() : !phase.acceptsReactions()) {
            throw new InspraakException(forVote ? "error.vote.phase-closed" : "error.reaction.phase-closed");
        }
        return consultationId;
    }

    @Transactional(readOnly = true)
    public Optional<Long> consultationOf(long ideaId) {
        return ideas.findById(ideaId).map(Idea::getConsultationId);
    }

    @Transactional(readOnly = true)
    public Optional<Long> authorOf(long ideaId) {
        return ideas.findById(ideaId).map(Idea::getAuthorId);
    }

    // ---- counters, called by the vote and reaction features ---------------------------------------

    @Transactional
    public void setVoteCounts(long ideaId, int agree, int disagree, int pass) {
        ideas.setVotes(ideaId, agree, disagree, pass, supportScore(agree, disagree), Math.min(agree, disagree));
    }

    /**
     * The open state (consultation, hidden, locked, when read) of recently voted ideas: every vote needs it.
     * Every change of hidden or locked goes through this service, which forgets the entry, so the few seconds
     * of life only bound what a change made outside the application could leave behind.
     */
    private final Map<Long, Object[]> openStates = new ConcurrentHashMap<>();

    private static final long OPEN_STATE_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Forgets now and again when the change's transaction ends, so no reader re-caches the old state. */
    private void forgetOpenState(long ideaId) {
        openStates.remove(ideaId);
        AfterTransaction.completion(() -> openStates.remove(ideaId));
    }

    /**
     * Locks the ideas' rows until the caller's transaction ends, always in id order so two callers cannot wait for
     * each other. Whoever recounts votes takes these locks first, so a recount that read the vote rows before
     * another transaction moved them (a merge) can never write its stale figures after that transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForCounting(Collection<Long> ideaIds) {
        List<Long> ids = ideaIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("select id from idea where id in (:ids) order by id for update")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list();
        }
    }

    /** Sets the counts of many ideas in one JDBC batch (the vote feature recounts after bursts of votes). */
    @Transactional
    public void setVoteCounts(List<StoredCounts> counts) {
        jdbcTemplate.batchUpdate("""
                update idea set agree_count = ?, disagree_count = ?, pass_count = ?, support_score = ?, divisiveness = ?
                where id = ?""", counts, 200, (ps, c) -> {
            ps.setInt(1, c.agree());
            ps.setInt(2, c.disagree());
            ps.setInt(3, c.pass());
            ps.setDouble(4, supportScore(c.agree(), c.disagree()));
            ps.setInt(5, Math.min(c.agree(), c.disagree()));
            ps.setLong(6, c.ideaId());
        });
    }

    /** An idea's stored vote counts. */
    public record StoredCounts(long ideaId, int agree, int disagree, int pass) {}

    /** Every idea's stored counts, to check them against the vote rows. */
    @Transactional(readOnly = true)
    public List<StoredCounts> storedVoteCounts() {
        return ideas.allVoteCounts().stream()
                .map(r -> new StoredCounts((Long) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3]))
                .toList();
    }

    /**
     * The sort key for "most support": the lower bound of the 95 % Wilson interval of the agree share, so an idea
     * with 9 of 10 agreeing ranks below one with 90 of 100.
     */
    public static double supportScore(int agree, int disagree) {
        int n = agree + disagree;
        if (n == 0) {
            return 0;
        }
        double p = (double) agree / n;
        return (p + 1.9208 / n - 1.96 * Math.sqrt((p * (1 - p) + 0.9604 / n) / n)) / (1 + 3.8416 / n);
    }

    /** Merges a duplicate into another idea of the same consultation: the duplicate is hidden and points at it. */
    @Transactional
    public void markMerged(long duplicateId, long keptId, String reason) {
        currentUser.requireStaff();
        if (duplicateId == keptId) {
            throw new InspraakException("error.merge.self");
        }
        Idea duplicate = load(duplicateId);
        Idea kept = load(keptId);
        if (!duplicate.getConsultationId().equals(kept.getConsultationId())) {
            throw new InspraakException("error.merge.other-consultation");
        }
        if (kept.isHidden()) {
            throw new InspraakException("error.merge.hidden");
        }
        duplicate.setHidden(true, reason);
        forgetOpenState(duplicateId);
        duplicate.setMergedInto(keptId);
        events.publishEvent(new IdeaChanged(duplicateId, duplicate.getConsultationId()));
        events.publishEvent(new IdeaChanged(keptId, kept.getConsultationId()));
    }

    @Transactional
    public void applyReactionDelta(long ideaId, int delta) {
        ideas.addReactions(ideaId, delta);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    List<IdeaSummary> toSummaries(List<Idea> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<Long> authorIds = new HashSet<>();
        Set<Long> consultationIds = new HashSet<>();
        rows.forEach(i -> {
            authorIds.add(i.getAuthorId());
            consultationIds.add(i.getConsultationId());
        });
        Map<Long, String> names = accounts.displayNames(authorIds);
        Map<Long, String> neighbourhoodNames = neighbourhoods.names();
        Map<Long, String> themeNames = new HashMap<>();
        consultationIds.forEach(c -> consultations.themes(c).forEach(t -> themeNames.put(t.id(), t.name())));
        return rows.stream()
                .map(i -> new IdeaSummary(
                        i.getId(),
                        i.getConsultationId(),
                        i.getTitle(),
                        i.getDescription(),
                        themeNames.get(i.getThemeId()),
                        neighbourhoodNames.get(i.getNeighbourhoodId()),
                        i.getAmountKind(),
                        i.getAmountEuros(),
                        i.getStatus(),
                        i.getAgreeCount(),
                        i.getDisagreeCount(),
                        i.getPassCount(),
                        i.getReactionCount(),
                        names.getOrDefault(i.getAuthorId(), ""),
                        i.getAuthorId(),
                        i.getCreatedAt(),
                        i.isHidden(),
                        i.getHiddenReason(),
                        i.isModeratorEdited(),
                        i.isLocked(),
                        i.isPinned(),
                        i.getMergedInto(),
                        i.isBackground()))
                .toList();
    }

    private Idea load(long ideaId) {
        return ideas.findById(ideaId).orElseThrow(() -> new InspraakException("error.not-found"));
    }

    private IdeaForm normalise(IdeaForm f) {
        return new IdeaForm(
                f.title().strip(),
                f.description().strip(),
                f.themeId(),
                f.neighbourhoodId(),
                f.amountEuros() == null ? null : (f.amountKind() == null ? AmountKind.SAVING : f.amountKind()),
                f.amountEuros());
    }

    private void validate(long consultationId, IdeaForm f) {
        String title = f.title() == null ? "" : f.title().strip();
        String description = f.description() == null ? "" : f.description().strip();
        if (title.length() < MIN_TITLE || TextInput.showsNothing(title)) {
            throw new InspraakException("error.idea.title-short", MIN_TITLE);
        }
        if (title.length() > MAX_TITLE) {
            throw new InspraakException("error.idea.title-long", MAX_TITLE);
        }
        if (description.length() < MIN_DESCRIPTION) {
            throw new InspraakException("error.idea.description-short", MIN_DESCRIPTION);
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new InspraakException("error.idea.description-long", MAX_DESCRIPTION);
        }
        if (TextInput.isUnsafe(title) || TextInput.isUnsafe(description)) {
            throw new InspraakException("error.text.control-characters");
        }
        if (f.themeId() != null && !consultations.themeBelongsTo(f.themeId(), consultationId)) {
            throw new InspraakException("error.idea.theme-unknown");
        }
        if (f.neighbourhoodId() != null && !neighbourhoods.exists(f.neighbourhoodId())) {
            throw new InspraakException("error.neighbourhood.unknown");
        }
        if (f.amountEuros() != null && (f.amountEuros() <= 0 || f.amountEuros() > MAX_AMOUNT)) {
            throw new InspraakException("error.amount.range");
        }
    }
}

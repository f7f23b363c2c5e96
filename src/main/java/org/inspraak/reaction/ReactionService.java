package org.inspraak.reaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspraak.InspraakException;
import org.inspraak.PageEvent;
import org.inspraak.TextInput;
import org.inspraak.account.AccountService;
import org.inspraak.account.ContributionPolicy;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.ClientIp;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Threaded reactions on ideas, including official answers by staff. */
@Service
public class ReactionService {

    public static final int MAX_BODY = 5_000;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** Deeper replies are shown at this depth, so phones never indent a thread off the screen. */
    public static final int MAX_DEPTH = 3;

    private final ReactionRepository reactions;
    private final IdeaService ideas;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final ClientIp clientIp;
    private final ContributionPolicy policy;

    ReactionService(
            ReactionRepository reactions,
            IdeaService ideas,
            AccountService accounts,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            RateLimits rateLimits,
            ClientIp clientIp,
            ContributionPolicy policy) {
        this.reactions = reactions;
        this.ideas = ideas;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.clientIp = clientIp;
        this.policy = policy;
    }

    /** One reaction as the thread shows it. Deleted and hidden ones keep their place but lose their text. */
    public record ReactionView(
            long id,
            Long parentId,
            int depth,
            String body,
            String authorName,
            long authorId,
            boolean official,
            boolean deleted,
            boolean hidden,
            Instant createdAt,
            boolean edited,
            boolean editable,
            String hiddenReason,
            boolean moderatorEdited) {}

    /**
     * Published after commit so open idea pages can show the new reaction. A thread reads itself again on it, so only
     * the latest matters: it comes with a page's next round of updates (at most 2 s while quiet).
     */
    public record ReactionChanged(long ideaId, long reactionId) implements PageEvent.Frequent {}

    /** Published for a new reaction: official answers and replies notify people. */
    public record ReactionPosted(long ideaId, long reactionId, long authorId, Long parentAuthorId, boolean official) {}

    /** Published inside the posting transaction when a resident addresses a reaction to the municipality. */
    public record QuestionAsked(long reactionId, long ideaId, long authorId) {}

    @Transactional
    public long post(long ideaId, Long parentId, String rawBody) {
        return post(ideaId, parentId, rawBody, false);
    }

    /** Posts a reaction; with asQuestion a resident addresses it to the municipality, which promises an answer date. */
    @Transactional
    public long post(long ideaId, Long parentId, String rawBody, boolean asQuestion) {
        InspraakUser user = currentUser.require();
        accounts.requireCanParticipate(user.id());
        String body = validate(rawBody);
        if (user.isStaff()) {
            ideas.requireOpenForOfficialAnswer(ideaId);
        } else {
            ideas.requireOpenFor(ideaId, false);
        }
        policy.checkLinks(user.id(), body);
        rateLimits.check(RateLimits.Action.POST_REACTION, "user:" + user.id());
        rateLimits.checkIp(RateLimits.Action.POST_REACTION, clientIp.current());
        if (!user.isStaff()
                && reactions.countByAuthorIdAndBodyAndCreatedAtAfter(
                                user.id(), body, Instant.now(clock).minus(Duration.ofDays(1)))
                        > 0) {
            throw new InspraakException("error.reaction.duplicate");
        }
        Long parentAuthor = null;
        if (parentId != null) {
            Reaction parent = reactions.findById(parentId).orElseThrow(() -> new InspraakException("error.not-found"));
            if (!parent.getIdeaId().equals(ideaId)) {
                throw new InspraakException("error.not-found");
            }
            parentAuthor = parent.getAuthorId();
        }
        Reaction fresh = new Reaction(ideaId, parentId, user.id(), body, user.isStaff(), Instant.now(clock));
        fresh.setClientIp(clientIp.current());
        boolean pending = !user.isStaff()
                && (ideas.requiresApproval(ideaId) || policy.premoderate(reactions.countByAuthorId(user.id())));
        if (pending) {
            fresh.setHidden(true, IdeaService.PENDING);
        }
        Reaction r = reactions.save(fresh);
        if (pending) {
            events.publishEvent(new IdeaService.AwaitsApproval("REACTION", r.getId(), user.id()));
        }
        if (!pending) {
            // The count on the idea is of reactions people can read; a held-back one counts once approved.
            ideas.applyReactionDelta(ideaId, 1);
        }
        events.publishEvent(new ReactionChanged(ideaId, r.getId()));
        events.publishEvent(new ReactionPosted(ideaId, r.getId(), user.id(), parentAuthor, user.isStaff()));
        if (asQuestion && !user.isStaff()) {
            events.publishEvent(new QuestionAsked(r.getId(), ideaId, user.id()));
        }
        return r.getId();
    }

    /** Seeds a reaction for a given author (demo data, imports). */
    @Transactional
    public long postAs(long authorId, boolean official, long ideaId, Long parentId, String rawBody, Instant at) {
        String body = validate(rawBody);
        Reaction r = reactions.save(new Reaction(ideaId, parentId, authorId, body, official, at));
        ideas.applyReactionDelta(ideaId, 1);
        return r.getId();
    }

    @Transactional
    public void edit(long reactionId, String rawBody) {
        InspraakUser user = currentUser.require();
        Reaction r = reactions.findById(reactionId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (!r.getAuthorId().equals(user.id())) {
            throw new InspraakException("error.forbidden");
        }
        if (r.isDeleted() || !withinEditWindow(r)) {
            throw new InspraakException("error.reaction.edit-window");
        }
        r.edit(validate(rawBody), Instant.now(clock));
        events.publishEvent(new ReactionChanged(r.getIdeaId(), r.getId()));
    }

    @Transactional
    public void deleteOwn(long reactionId) {
        InspraakUser user = currentUser.require();
        Reaction r = reactions.findById(reactionId).orElseThrow(() -> new InspraakException("error.not-found"));
        if (!r.getAuthorId().equals(user.id())) {
            throw new InspraakException("error.forbidden");
        }
        if (!r.isDeleted()) {
            boolean wasVisible = !r.isHidden();
            r.markDeleted(Instant.now(clock));
            // After the change: the count update flushes this reaction first, then clears the session.
            if (wasVisible) {
                ideas.applyReactionDelta(r.getIdeaId(), -1);
            }
            events.publishEvent(new ReactionChanged(r.getIdeaId(), r.getId()));
        }
    }

    /** A person's own reactions, for their data export. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> exportFor(long authorId) {
        return reactions.findByAuthorIdOrderByCreatedAt(authorId).stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", r.getId());
                    m.put("ideaId", r.getIdeaId());
                    m.put("parentId", r.getParentId());
                    m.put("text", r.getBody());
                    m.put("deleted", r.isDeleted());
                    m.put("createdAt", r.getCreatedAt().toString());
                    m.put("ipAddress", r.getClientIp());
                    return m;
                })
                .toList();
    }

    @Transactional
    public void eraseClientIpsOf(long authorId) {
        reactions.eraseClientIps(authorId);
    }

    /** Forgets client IP addresses older than the retention period. */
    @Transactional
    public int purgeClientIps(Instant before) {
        return reactions.purgeClientIps(before);
    }

    // ---- moderation (staff) ------------------------------------------------------------------------

    /** What moderators need to judge a reaction: its text, author and idea. */
    /** The text of a reaction and the idea it is on. */
    public record ReactionText(long id, long ideaId, String body) {}

    /** The texts of the given reactions that are neither hidden nor deleted, in no particular order; for search. */
    @Transactional(readOnly = true)
    public List<ReactionText> visibleTexts(Collection<Long> reactionIds) {
        if (reactionIds.isEmpty()) {
            return List.of();
        }
        return reactions.visibleTexts(reactionIds).stream()
                .map(r -> new ReactionText((Long) r[0], (Long) r[1], (String) r[2]))
                .toList();
    }

    /** A reaction as insights use it: no names, no IP; hidden and deleted ones are left out. */
    public record Activity(long id, long ideaId, long authorId, String body, Instant at, boolean official) {}

    @Transactional(readOnly = true)
    public List<Activity> activity(Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return List.of();
        }
        return reactions.visibleOn(ideaIds).stream()
                .map(r -> new Activity(
                        r.getId(), r.getIdeaId(), r.getAuthorId(), r.getBody(), r.getCreatedAt(), r.isOfficial()))
                .toList();
    }

    public record ReactionFacts(long id, long ideaId, long authorId, String body, boolean hidden) {}

    /** Everyone who reacted on an idea of a consultation; they hear about its outcome. */
    @Transactional(readOnly = true)
    public Set<Long> authors(long consultationId) {
        return reactions.authorsIn(consultationId).stream()
                .map(Number::longValue)
                .collect(Collectors.toSet());
    }

    /** The reactions a reply answers, from the top of its thread down, at most {@code max} of them. */
    @Transactional(readOnly = true)
    public List<ReactionFacts> ancestors(long reactionId, int max) {
        java.util.LinkedList<ReactionFacts> out = new java.util.LinkedList<>();
        Long parent = reactions.findById(reactionId).map(Reaction::getParentId).orElse(null);
        while (parent != null && out.size() < max) {
            Reaction r = reactions.findById(parent).orElse(null);
            if (r == null) {
                break;
            }
            out.addFirst(new ReactionFacts(r.getId(), r.getIdeaId(), r.getAuthorId(), r.getBody(), r.isHidden()));
            parent = r.getParentId();
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Optional<ReactionFacts> facts(long reactionId) {
        return reactions
                .findById(reactionId)
                .map(r -> new ReactionFacts(r.getId(), r.getIdeaId(), r.getAuthorId(), r.getBody(), r.isHidden()));
    }

    @Transactional
    public void hide(long reactionId, String reason) {
        currentUser.requireStaff();
        hideUnchecked(reactionId, reason);
    }

    /** Hides pending review; called by the flag rule when enough residents report a reaction. */
    @Transactional
    public void hideUnchecked(long reactionId, String reason) {
        Reaction r = reactions.findById(reactionId).orElseThrow(() -> new InspraakException("error.not-found"));
        boolean wasVisible = !r.isHidden() && !r.isDeleted();
        r.setHidden(true, reason);
        if (wasVisible) {
            ideas.applyReactionDelta(r.getIdeaId(), -1);
        }
        events.publishEvent(new ReactionChanged(r.getIdeaId(), r.getId()));
    }

    @Transactional
    public void restore(long reactionId) {
        currentUser.requireStaff();
        Reaction r = reactions.findById(reactionId).orElseThrow(() -> new InspraakException("error.not-found"));
        boolean approved = r.isHidden() && IdeaService.PENDING.equals(r.getHiddenReason());
        boolean becomesVisible = r.isHidden() && !r.isDeleted();
        r.setHidden(false, null);
        if (becomesVisible) {
            ideas.applyReactionDelta(r.getIdeaId(), 1);
        }
        events.publishEvent(new ReactionChanged(r.getIdeaId(), r.getId()));
        if (approved) {
            // Held back for approval until now: only now do the idea's followers and the person replied to hear of it.
            Long parentAuthor = r.getParentId() == null
                    ? null
                    : reactions
                            .findById(r.getParentId())
                            .map(Reaction::getAuthorId)
                            .orElse(null);
            events.publishEvent(new ReactionPosted(r.getIdeaId(), r.getId(), r.getAuthorId(), parentAuthor, false));
        }
    }

    @Transactional
    public void correct(long reactionId, String rawBody) {
        currentUser.requireStaff();
        Reaction r = reactions.findById(reactionId).orElseThrow(() -> new InspraakException("error.not-found"));
        r.correct(validate(rawBody), Instant.now(clock));
        events.publishEvent(new ReactionChanged(r.getIdeaId(), r.getId()));
    }

    @Transactional(readOnly = true)
    public long countTopLevel(long ideaId) {
        return reactions.countTopLevel(ideaId);
    }

    /** Reactions people can read on an idea, replies included: the number the idea's card shows too. */
    @Transactional(readOnly = true)
    public long countVisible(long ideaId) {
        return reactions.countVisible(ideaId);
    }

    /**
     * A page of top-level reactions with all their replies, flattened in reading order with a depth.
     * Paging by top-level reactions keeps a 500-reaction thread fast without splitting a conversation.
     */
    @Transactional(readOnly = true)
    public List<ReactionView> thread(long ideaId, int offset, int limit) {
        int size = Math.max(1, limit);
        List<Reaction> top = reactions.topLevel(ideaId, PageRequest.of(offset / size, size));
        Map<Long, List<Reaction>> children = new LinkedHashMap<>();
        List<Long> frontier = top.stream().map(Reaction::getId).toList();
        List<Reaction> all = new ArrayList<>(top);
        for (int round = 0; round < 50 && !frontier.isEmpty(); round++) {
            List<Reaction> replies = reactions.repliesTo(frontier);
            replies.forEach(r -> children.computeIfAbsent(r.getParentId(), k -> new ArrayList<>())
                    .add(r));
            all.addAll(replies);
            frontier = replies.stream().map(Reaction::getId).toList();
        }
        Set<Long> authorIds = new HashSet<>();
        all.forEach(r -> authorIds.add(r.getAuthorId()));
        Map<Long, String> names = accounts.displayNames(authorIds);
        Optional<InspraakUser> me = currentUser.get();
        List<ReactionView> out = new ArrayList<>();
        for (Reaction r : top) {
            flatten(r, 0, children, names, me, out);
        }
        return out;
    }

    private void flatten(
            Reaction r,
            int depth,
            Map<Long, List<Reaction>> children,
            Map<Long, String> names,
            Optional<InspraakUser> me,
            List<ReactionView> out) {
        boolean mine = me.map(u -> u.id() == r.getAuthorId()).orElse(false);
        boolean pendingForMe = mine && r.isHidden() && IdeaService.PENDING.equals(r.getHiddenReason());
        boolean showText = !r.isDeleted() && (!r.isHidden() || pendingForMe);
        out.add(new ReactionView(
                r.getId(),
                r.getParentId(),
                Math.min(depth, MAX_DEPTH - 1),
                showText ? r.getBody() : "",
                names.getOrDefault(r.getAuthorId(), ""),
                r.getAuthorId(),
                r.isOfficial(),
                r.isDeleted(),
                r.isHidden() && !pendingForMe,
                r.getCreatedAt(),
                r.getUpdatedAt().isAfter(r.getCreatedAt()) && !r.isDeleted(),
                mine && !r.isDeleted() && !r.isModeratorEdited() && withinEditWindow(r),
                r.isHidden() ? r.getHiddenReason() : null,
                r.isModeratorEdited()));
        if (pendingForMe) {
            out.set(out.size() - 1, withPendingNote(out.getLast()));
        }
        for (Reaction child : children.getOrDefault(r.getId(), List.of())) {
            flatten(child, depth + 1, children, names, me, out);
        }
    }

    /** The author sees their own waiting reaction, marked as waiting. */
    private static ReactionView withPendingNote(ReactionView v) {
        return new ReactionView(
                v.id(),
                v.parentId(),
                v.depth(),
                v.body(),
                v.authorName(),
                v.authorId(),
                v.official(),
                v.deleted(),
                false,
                v.createdAt(),
                v.edited(),
                v.editable(),
                IdeaService.PENDING,
                v.moderatorEdited());
    }

    private boolean withinEditWindow(Reaction r) {
        return Duration.between(r.getCreatedAt(), Instant.now(clock)).compareTo(EDIT_WINDOW) <= 0;
    }

    private static String validate(String raw) {
        String body = raw == null ? "" : raw.strip();
        if (TextInput.showsNothing(body)) {
            throw new InspraakException("error.reaction.empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InspraakException("error.reaction.long", MAX_BODY);
        }
        if (TextInput.isUnsafe(body)) {
            throw new InspraakException("error.text.control-characters");
        }
        return body;
    }
}

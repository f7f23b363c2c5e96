package org.inspraak.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.inspraak.DatabaseErrors;
import org.inspraak.InspraakException;
import org.inspraak.PageEvent;
import org.inspraak.TextInput;
import org.inspraak.account.AccountService;
import org.inspraak.audit.AuditService;
import org.inspraak.idea.IdeaService;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.ClientIp;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.RateLimits;
import org.inspraak.vote.VoteService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags, the moderation queue and moderators' actions. Every action is checked here (not only by hiding
 * buttons) and written to the audit log with its reason.
 */
@Service
public class ModerationService {

    public static final String AUTO_HIDDEN = IdeaService.AUTO_HIDDEN;
    public static final int MAX_REASON = 500;

    private final FlagRepository flags;
    private final SanctionRepository sanctions;
    private final GuidelinesRepository guidelines;
    private final IdeaService ideas;
    private final ReactionService reactions;
    private final AccountService accounts;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final RateLimits rateLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int autoHideThreshold;
    private final VoteService votes;
    private final ClientIp clientIp;
    private final NotificationService notifications;

    ModerationService(
            FlagRepository flags,
            SanctionRepository sanctions,
            GuidelinesRepository guidelines,
            IdeaService ideas,
            ReactionService reactions,
            AccountService accounts,
            AuditService audit,
            CurrentUser currentUser,
            RateLimits rateLimits,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${inspraak.moderation.auto-hide-threshold:3}") int autoHideThreshold,
            VoteService votes,
            NotificationService notifications,
            ClientIp clientIp) {
        this.flags = flags;
        this.sanctions = sanctions;
        this.guidelines = guidelines;
        this.ideas = ideas;
        this.reactions = reactions;
        this.accounts = accounts;
        this.audit = audit;
        this.currentUser = currentUser;
        this.rateLimits = rateLimits;
        this.events = events;
        this.clock = clock;
        this.autoHideThreshold = autoHideThreshold;
        this.votes = votes;
        this.clientIp = clientIp;
        this.notifications = notifications;
    }

    /** A contribution in the queue. */
    public record Target(TargetType type, long id) {}

    public record QueueItem(
            Target target,
            long ideaId,
            String text,
            long authorId,
            String authorName,
            long openFlags,
            Set<FlagReason> reasons,
            List<String> explanations,
            Instant latestFlag,
            boolean hidden,
            long authorSanctions) {}

    /** What a moderator needs to judge an item: where it stands, what it answers, and the author's history. */
    public record QueueContext(
            long ideaId,
            String ideaTitle,
            List<ThreadLine> thread,
            long earlierReported,
            List<SanctionLine> sanctions) {}

    /** A reaction above the reported one, from the top of the thread down. */
    public record ThreadLine(String authorName, String body, boolean hidden) {}

    public record SanctionLine(
            boolean suspension,
            String reason,
            Instant at,
            @Nullable Instant until) {}

    /** Published when the queue changes, so moderators' navigation count updates live. */
    public record QueueChanged() implements PageEvent {}

    // ---- guidelines ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public String guidelines() {
        return guidelines.findById(1L).map(Guidelines::getBody).orElse("");
    }

    @Transactional
    @Secured("ROLE_ADMIN")
    public void updateGuidelines(String body) {
        InspraakUser admin = currentUser.require();
        if (body == null || body.isBlank() || body.length() > 20_000) {
            throw new InspraakException("error.guidelines.length", 20_000);
        }
        if (TextInput.isUnsafe(body)) {
            throw new InspraakException("error.text.control-characters");
        }
        guidelines.findById(1L).orElseThrow().update(body.strip(), admin.id(), Instant.now(clock));
        audit.record("GUIDELINES_UPDATED", null, null, null);
    }

    // ---- flags -----------------------------------------------------------------------------------

    @Transactional
    public void flag(Target target, FlagReason reason, String explanation) {
        InspraakUser user = currentUser.require();
        accounts.requireCanParticipate(user.id());
        if (reason == null || !FlagReason.residentChoices().contains(reason)) {
            throw new InspraakException("error.flag.reason");
        }
        String text = explanation == null ? "" : explanation.strip();
        if (reason == FlagReason.OTHER && text.isEmpty()) {
            throw new InspraakException("error.flag.explanation");
        }
        if (text.length() > MAX_REASON) {
            throw new InspraakException("error.flag.explanation-long", MAX_REASON);
        }
        if (TextInput.isUnsafe(text)) {
            throw new InspraakException("error.text.control-characters");
        }
        long author = authorOf(target);
        if (author == user.id()) {
            throw new InspraakException("error.flag.own");
        }
        if (flags.existsByTargetTypeAndTargetIdAndUserId(target.type(), target.id(), user.id())) {
            throw new InspraakException("error.flag.twice");
        }
        rateLimits.check(RateLimits.Action.FLAG, "user:" + user.id());
        rateLimits.checkIp(RateLimits.Action.FLAG, clientIp.current());
        try {
            flags.saveAndFlush(new Flag(
                    target.type(),
                    target.id(),
                    author,
                    user.id(),
                    reason,
                    text.isEmpty() ? null : text,
                    Instant.now(clock)));
        } catch (DataIntegrityViolationException e) {
            if (!DatabaseErrors.isUniqueViolation(e)) {
                throw e;
            }
            throw new InspraakException("error.flag.twice");
        }
        if (flags.countOpen(target.type(), target.id()) >= autoHideThreshold && !isHidden(target)) {
            // Enough residents agree something is wrong: hide it until a moderator has looked.
            if (target.type() == TargetType.IDEA) {
                ideas.hideUnchecked(target.id(), AUTO_HIDDEN);
            } else {
                reactions.hideUnchecked(target.id(), AUTO_HIDDEN);
            }
            audit.record("AUTO_HIDDEN", target.type().name(), target.id(), autoHideThreshold + " meldingen");
        }
        events.publishEvent(new QueueChanged());
    }

    /** Puts a contribution that awaits approval in the queue, in the same transaction that stored it. */
    @EventListener
    public void onAwaitsApproval(IdeaService.AwaitsApproval e) {
        flags.save(new Flag(
                TargetType.valueOf(e.type()),
                e.id(),
                e.authorId(),
                e.authorId(),
                FlagReason.AWAITS_APPROVAL,
                null,
                Instant.now(clock)));
        events.publishEvent(new QueueChanged());
    }

    /**
     * Merges a duplicate idea into another of the same consultation: votes and followers move to the kept idea
     * (a resident who voted on both keeps one vote), and the duplicate is hidden with a pointer to the kept one.
     */
    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void merge(long duplicateId, long keptId, String reason) {
        String why = requireReason(reason);
        ideas.lockForCounting(List.of(duplicateId, keptId));
        ideas.markMerged(duplicateId, keptId, why);
        votes.mergeVotes(duplicateId, keptId);
        notifications.moveIdeaFollowers(duplicateId, keptId);
        flags.resolve(TargetType.IDEA, duplicateId, Instant.now(clock));
        audit.record("MERGED", TargetType.IDEA.name(), duplicateId, why + " → " + keptId);
        events.publishEvent(new QueueChanged());
    }

    // ---- queue -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public long pendingCount() {
        return flags.pending();
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public List<QueueItem> queue(int offset, int limit) {
        int size = Math.max(1, limit);
        List<QueueItem> items = new ArrayList<>();
        for (Object[] row : flags.queue(PageRequest.of(offset / size, size))) {
            Target target = new Target((TargetType) row[0], (Long) row[1]);
            List<Flag> open = flags.open(target.type(), target.id());
            Set<FlagReason> reasons = EnumSet.noneOf(FlagReason.class);
            List<String> explanations = new ArrayList<>();
            open.forEach(f -> {
                reasons.add(f.getReason());
                if (f.getExplanation() != null) {
                    explanations.add(f.getExplanation());
                }
            });
            describe(target)
                    .ifPresent(d -> items.add(new QueueItem(
                            target,
                            d.ideaId,
                            d.text,
                            d.authorId,
                            accounts.publicProfile(d.authorId)
                                    .map(AccountService.PublicProfile::displayName)
                                    .orElse(""),
                            (Long) row[2],
                            reasons,
                            explanations,
                            (Instant) row[3],
                            d.hidden,
                            sanctions.countByUserId(d.authorId))));
        }
        return items;
    }

    @Transactional(readOnly = true)
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public QueueContext context(Target target) {
        Description d = describe(target).orElseThrow(() -> new InspraakException("error.not-found"));
        String ideaTitle =
                ideas.find(d.ideaId).map(IdeaService.IdeaSummary::title).orElse("");
        List<ThreadLine> thread = target.type() == TargetType.REACTION
                ? reactions.ancestors(target.id(), 3).stream()
                        .map(r -> new ThreadLine(name(r.authorId()), r.body(), r.hidden()))
                        .toList()
                : List.of();
        List<SanctionLine> history = sanctions.findTop10ByUserIdOrderByCreatedAtDesc(d.authorId).stream()
                .map(s -> new SanctionLine(
                        s.getKind() == Sanction.Kind.SUSPENSION, s.getReason(), s.getCreatedAt(), s.getUntil()))
                .toList();
        return new QueueContext(d.ideaId, ideaTitle, thread, flags.earlierReported(d.authorId), history);
    }

    private String name(long userId) {
        return accounts.publicProfile(userId)
                .map(AccountService.PublicProfile::displayName)
                .orElse("");
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void keep(Collection<Target> targets) {
        for (Target t : targets) {
            if (isHidden(t)) {
                restoreContent(t);
            }
            flags.resolve(t.type(), t.id(), Instant.now(clock));
            audit.record("KEPT", t.type().name(), t.id(), null);
        }
        events.publishEvent(new QueueChanged());
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void hide(Collection<Target> targets, String reason) {
        String why = requireReason(reason);
        for (Target t : targets) {
            if (t.type() == TargetType.IDEA) {
                ideas.hide(t.id(), why);
            } else {
                reactions.hide(t.id(), why);
            }
            flags.resolve(t.type(), t.id(), Instant.now(clock));
            audit.record("HIDDEN", t.type().name(), t.id(), why);
        }
        events.publishEvent(new QueueChanged());
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void restore(Target target, String reason) {
        String why = requireReason(reason);
        restoreContent(target);
        flags.resolve(target.type(), target.id(), Instant.now(clock));
        audit.record("RESTORED", target.type().name(), target.id(), why);
        events.publishEvent(new QueueChanged());
    }

    /** Corrects the text (e.g. removes personal data); the public sees an "edited by moderator" mark. */
    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void correct(Target target, String newTitle, String newText, String reason) {
        String why = requireReason(reason);
        if (target.type() == TargetType.IDEA) {
            ideas.correct(target.id(), newTitle, newText);
        } else {
            reactions.correct(target.id(), newText);
        }
        audit.record("CORRECTED", target.type().name(), target.id(), why);
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void lock(long ideaId, boolean locked, String reason) {
        String why = requireReason(reason);
        ideas.setLocked(ideaId, locked);
        audit.record(locked ? "LOCKED" : "UNLOCKED", TargetType.IDEA.name(), ideaId, why);
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void pin(long ideaId, boolean pinned, String reason) {
        String why = requireReason(reason);
        ideas.setPinned(ideaId, pinned);
        audit.record(pinned ? "PINNED" : "UNPINNED", TargetType.IDEA.name(), ideaId, why);
    }

    /** Marks an idea as a background question or back (Polis: metadata), with the reason the audit log keeps. */
    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void markBackground(long ideaId, boolean background, String reason) {
        String why = requireReason(reason);
        ideas.setBackground(ideaId, background);
        audit.record(background ? "BACKGROUND" : "NOT_BACKGROUND", TargetType.IDEA.name(), ideaId, why);
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void warn(long userId, String reason) {
        String why = requireReason(reason);
        InspraakUser staff = currentUser.require();
        accounts.publicProfile(userId).orElseThrow(() -> new InspraakException("error.not-found"));
        sanctions.save(new Sanction(userId, Sanction.Kind.WARNING, why, null, staff.id(), Instant.now(clock)));
        audit.record("WARNED", "USER", userId, why);
    }

    @Transactional
    @Secured({"ROLE_MODERATOR", "ROLE_ADMIN"})
    public void suspend(long userId, Instant until, String reason) {
        String why = requireReason(reason);
        InspraakUser staff = currentUser.require();
        if (staff.id() == userId) {
            throw new InspraakException("error.suspend.self");
        }
        accounts.suspend(userId, until, why);
        sanctions.save(new Sanction(userId, Sanction.Kind.SUSPENSION, why, until, staff.id(), Instant.now(clock)));
        audit.record("SUSPENDED", "USER", userId, why + " (tot " + until + ")");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Description(long ideaId, String text, long authorId, boolean hidden) {}

    private Optional<Description> describe(Target t) {
        if (t.type() == TargetType.IDEA) {
            return ideas.find(t.id())
                    .map(i -> new Description(i.id(), i.title() + "\n\n" + i.description(), i.authorId(), i.hidden()));
        }
        return reactions.facts(t.id()).map(r -> new Description(r.ideaId(), r.body(), r.authorId(), r.hidden()));
    }

    private long authorOf(Target t) {
        return describe(t).map(Description::authorId).orElseThrow(() -> new InspraakException("error.not-found"));
    }

    private boolean isHidden(Target t) {
        return describe(t).map(Description::hidden).orElse(false);
    }

    private void restoreContent(Target t) {
        if (t.type() == TargetType.IDEA) {
            ideas.restore(t.id());
        } else {
            reactions.restore(t.id());
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InspraakException("error.moderation.reason");
        }
        if (why.length() > MAX_REASON) {
            throw new InspraakException("error.moderation.reason-long", MAX_REASON);
        }
        if (TextInput.isUnsafe(why)) {
            throw new InspraakException("error.text.control-characters");
        }
        return why;
    }
}

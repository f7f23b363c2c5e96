package org.inspraak.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.PageEvent;
import org.inspraak.account.AccountService;
import org.inspraak.account.AccountService.MailContact;
import org.inspraak.account.EmailPreference;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.mail.MailService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.vote.VoteService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows and notifications. Reacts to what happened (official answers, status changes, replies, phase
 * changes) after the change is committed, writes in-app notifications and sends e-mail according to each
 * person's preference: at once, in a daily digest, or not at all.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final FollowRepository follows;
    private final NotificationRepository notifications;
    private final PhaseNoticeRepository phaseNotices;
    private final AccountService accounts;
    private final IdeaService ideas;
    private final ReactionService reactions;
    private final VoteService votes;
    private final BudgetService ballots;
    private final ConsultationService consultations;
    private final MailService mail;
    private final Messages messages;
    private final InspraakProperties properties;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** One announcing run at a time in this process; ShedLock keeps other nodes' timers apart. */
    private final ReentrantLock announcing = new ReentrantLock();

    NotificationService(
            FollowRepository follows,
            NotificationRepository notifications,
            PhaseNoticeRepository phaseNotices,
            AccountService accounts,
            IdeaService ideas,
            ReactionService reactions,
            VoteService votes,
            BudgetService ballots,
            ConsultationService consultations,
            MailService mail,
            Messages messages,
            InspraakProperties properties,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager txManager) {
        this.follows = follows;
        this.notifications = notifications;
        this.phaseNotices = phaseNotices;
        this.accounts = accounts;
        this.ideas = ideas;
        this.reactions = reactions;
        this.votes = votes;
        this.ballots = ballots;
        this.consultations = consultations;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A notification as the bell list shows it. */
    public record NotificationView(
            long id,
            NotificationKind kind,
            String subject,
            String detail,
            Long ideaId,
            Long consultationId,
            Instant createdAt,
            boolean read,
            @Nullable String actorName,
            @Nullable String excerpt) {
        public String link() {
            return NotificationService.path(kind, ideaId, consultationId);
        }
    }

    /** Published after a notification is stored, so the recipient's bell updates live. */
    public record NotificationCreated(long userId) implements PageEvent {}

    // ---- following -------------------------------------------------------------------------------

    @Transactional
    public void followIdea(long ideaId, boolean follow) {
        currentUser.require();
        ideas.consultationOf(ideaId).orElseThrow(() -> new InspraakException("error.not-found"));
        setFollow(Follow.Target.IDEA, ideaId, follow);
    }

    @Transactional
    public void followConsultation(long consultationId, boolean follow) {
        currentUser.require();
        consultations.find(consultationId).orElseThrow(() -> new InspraakException("error.not-found"));
        setFollow(Follow.Target.CONSULTATION, consultationId, follow);
    }

    @Transactional(readOnly = true)
    public boolean followsIdea(long ideaId) {
        return currentUser
                .get()
                .map(u -> follows.existsByUserIdAndTargetTypeAndTargetId(u.id(), Follow.Target.IDEA, ideaId))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean followsConsultation(long consultationId) {
        return currentUser
                .get()
                .map(u -> follows.existsByUserIdAndTargetTypeAndTargetId(
                        u.id(), Follow.Target.CONSULTATION, consultationId))
                .orElse(false);
    }

    private void setFollow(Follow.Target type, long targetId, boolean follow) {
        InspraakUser user = currentUser.require();
        boolean exists = follows.existsByUserIdAndTargetTypeAndTargetId(user.id(), type, targetId);
        if (follow && !exists) {
            follows.save(new Follow(user.id(), type, targetId, Instant.now(clock)));
        } else if (!follow && exists) {
            follows.unfollow(user.id(), type, targetId);
        }
    }

    /** When a duplicate idea is merged, its followers follow the kept idea (once). */
    @Transactional
    public void moveIdeaFollowers(long fromIdeaId, long toIdeaId) {
        Set<Long> already = new HashSet<>(follows.followers(Follow.Target.IDEA, toIdeaId));
        for (long userId : follows.followers(Follow.Target.IDEA, fromIdeaId)) {
            if (already.add(userId)) {
                follows.save(new Follow(userId, Follow.Target.IDEA, toIdeaId, Instant.now(clock)));
            }
        }
        follows.deleteAll(Follow.Target.IDEA, fromIdeaId);
    }

    /** A person's follows and notifications, for their data export. */
    @Transactional(readOnly = true)
    public Map<String, Object> exportFor(long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "notifications",
                notifications.forUser(userId, PageRequest.of(0, 10_000)).stream()
                        .map(n -> Map.of(
                                "kind",
                                n.getKind().name(),
                                "subject",
                                n.getSubject(),
                                "createdAt",
                                n.getCreatedAt().toString()))
                        .toList());
        return m;
    }

    /** Deletes a person's follows and notifications when they delete their account. */
    @Transactional
    public void forget(long userId) {
        follows.deleteByUser(userId);
        notifications.deleteByUser(userId);
    }

    // ---- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser
                .get()
                .map(u -> notifications.countByUserIdAndReadAtIsNull(u.id()))
                .orElse(0L);
    }

    @Transactional(readOnly = true)
    public long count() {
        return notifications.countByUserId(currentUser.require().id());
    }

    @Transactional(readOnly = true)
    public List<NotificationView> mine(int offset, int limit) {
        int size = Math.max(1, limit);
        return notifications.forUser(currentUser.require().id(), PageRequest.of(offset / size, size)).stream()
                .map(n -> new NotificationView(
                        n.getId(),
                        n.getKind(),
                        n.getSubject(),
                        n.getDetail(),
                        n.getIdeaId(),
                        n.getConsultationId(),
                        n.getCreatedAt(),
                        n.getReadAt() != null,
                        n.getActorName(),
                        n.getExcerpt()))
                .toList();
    }

    @Transactional
    public void markRead(long id) {
        long me = currentUser.require().id();
        Notification n = notifications
                .findById(id)
                .filter(x -> x.getUserId() == me)
                .orElseThrow(() -> new InspraakException("error.not-found"));
        n.markRead(Instant.now(clock));
        // The bell counts unread notifications: tell it, so the badge drops at once.
        events.publishEvent(new NotificationCreated(me));
    }

    @Transactional
    public void markAllRead() {
        notifications.markAllRead(currentUser.require().id(), Instant.now(clock));
        events.publishEvent(new NotificationCreated(currentUser.require().id()));
    }

    /** The sentence for a notification, in the reader's language. */
    public String describe(NotificationView n, Locale locale) {
        return text(n.kind(), n.subject(), n.detail(), n.actorName(), locale);
    }

    private String text(NotificationKind kind, String subject, String detail, String actor, Locale locale) {
        String detailText = switch (kind) {
            case STATUS_CHANGE -> messages.get(locale, "status." + detail);
            case PHASE_CHANGE -> messages.get(locale, "phase." + detail);
            default -> "";
        };
        return messages.get(
                locale,
                "notification." + kind.name(),
                subject,
                detailText,
                actor == null ? messages.get(locale, "notification.someone") : actor);
    }

    private String text(Notification n, Locale locale) {
        return text(n.getKind(), n.getSubject(), n.getDetail(), n.getActorName(), locale);
    }

    static String path(NotificationKind kind, Long ideaId, Long consultationId) {
        if (ideaId != null) {
            return "/ideeen/" + ideaId;
        }
        return kind == NotificationKind.OUTCOME
                ? "/gesprekken/" + consultationId + "/uitkomst"
                : "/gesprekken/" + consultationId;
    }

    // ---- what happened ---------------------------------------------------------------------------

    /** Who gets a notification and why; the most specific reason wins when one person has several. */
    private static final class Recipients {
        private final Map<Long, NotificationReason> reasons = new LinkedHashMap<>();

        Recipients add(Collection<Long> userIds, NotificationReason reason) {
            userIds.forEach(id -> reasons.putIfAbsent(id, reason));
            return this;
        }

        Recipients add(long userId, NotificationReason reason) {
            reasons.put(userId, reason); // the caller adds the most specific reason last
            return this;
        }

        Recipients without(long userId) {
            reasons.remove(userId);
            return this;
        }
    }

    /** Posting an idea follows it, in the same transaction, so its page shows "Volgend" at once. */
    @EventListener
    public void onIdeaPosted(IdeaService.IdeaPosted e) {
        if (!follows.existsByUserIdAndTargetTypeAndTargetId(e.authorId(), Follow.Target.IDEA, e.ideaId())) {
            follows.save(new Follow(e.authorId(), Follow.Target.IDEA, e.ideaId(), Instant.now(clock)));
        }
    }

    // Module listeners run after the commit in a transaction of their own, and the event publication registry
    // keeps each event until its listener has finished: one that the process did not get to (a crash, a kill)
    // is delivered again at the next start, so no resident misses a notification.
    @ApplicationModuleListener
    public void onStatusChanged(IdeaService.StatusChanged e) {
        // The author always hears what became of their idea; followers because they asked to.
        Recipients r = new Recipients()
                .add(follows.followers(Follow.Target.IDEA, e.ideaId()), NotificationReason.FOLLOWS_IDEA)
                .add(e.authorId(), NotificationReason.AUTHOR)
                .without(e.changedBy());
        notify(
                r,
                NotificationKind.STATUS_CHANGE,
                e.consultationId(),
                e.ideaId(),
                e.title(),
                e.status().name(),
                null,
                null);
    }

    @ApplicationModuleListener
    public void onReactionPosted(ReactionService.ReactionPosted e) {
        Optional<IdeaService.IdeaSummary> idea = ideas.find(e.ideaId());
        Optional<ReactionService.ReactionFacts> reaction = reactions.facts(e.reactionId());
        if (idea.isEmpty()
                || reaction.isEmpty()
                || reaction.get().hidden()
                || idea.get().hidden()) {
            return; // waiting for approval, or already removed: nobody is told about text they cannot read
        }
        String actor = accounts.displayNames(List.of(e.authorId())).get(e.authorId());
        String body = reaction.get().body();
        long consultationId = idea.get().consultationId();
        String title = idea.get().title();
        Set<Long> followers = new LinkedHashSet<>(follows.followers(Follow.Target.IDEA, e.ideaId()));
        Long parentAuthor = e.parentAuthorId();
        // Two notify calls below: lock everyone they may mail first, in one id order (see notify).
        Set<Long> everyone = new TreeSet<>(followers);
        everyone.add(idea.get().authorId());
        if (parentAuthor != null) {
            everyone.add(parentAuthor);
        }
        everyone.forEach(accounts::lockMailContact);
        if (e.official()) {
            // Followers (the author among them, since posting follows) get the answer itself.
            Recipients r = new Recipients().add(followers, NotificationReason.FOLLOWS_IDEA);
            if (followers.contains(idea.get().authorId())) {
                r.add(idea.get().authorId(), NotificationReason.AUTHOR);
            }
            if (parentAuthor != null) {
                r.add(parentAuthor, NotificationReason.REPLIED_TO);
            }
            notify(
                    r.without(e.authorId()),
                    NotificationKind.OFFICIAL_ANSWER,
                    consultationId,
                    e.ideaId(),
                    title,
                    null,
                    actor,
                    body);
            return;
        }
        if (parentAuthor != null && parentAuthor != e.authorId()) {
            notify(
                    new Recipients().add(parentAuthor, NotificationReason.REPLIED_TO),
                    NotificationKind.REPLY,
                    consultationId,
                    e.ideaId(),
                    title,
                    null,
                    actor,
                    body);
        }
        Recipients r = new Recipients().add(followers, NotificationReason.FOLLOWS_IDEA);
        if (followers.contains(idea.get().authorId())) {
            r.add(idea.get().authorId(), NotificationReason.AUTHOR);
        }
        r.without(e.authorId());
        if (parentAuthor != null) {
            r.without(parentAuthor); // already told, more specifically
        }
        notify(r, NotificationKind.REACTION, consultationId, e.ideaId(), title, null, actor, body);
    }

    /** Everyone who took part in the consultation, and everyone who follows it, hears that its outcome is out. */
    @ApplicationModuleListener
    public void onOutcomePublished(OutcomeService.OutcomePublished e) {
        Set<Long> participants = new LinkedHashSet<>();
        participants.addAll(ideas.authors(e.consultationId()));
        participants.addAll(reactions.authors(e.consultationId()));
        participants.addAll(votes.voters(e.consultationId()));
        participants.addAll(ballots.voters(e.consultationId()));
        Recipients r = new Recipients()
                .add(participants, NotificationReason.PARTICIPANT)
                .add(
                        follows.followers(Follow.Target.CONSULTATION, e.consultationId()),
                        NotificationReason.FOLLOWS_CONSULTATION);
        notify(r, NotificationKind.OUTCOME, e.consultationId(), null, e.consultationTitle(), null, null, null);
    }

    /**
     * Announces phase changes to a consultation's followers. Each phase is claimed once in the database, so
     * restarts and repeated runs never announce twice; phases that began more than a day ago are claimed
     * silently (for example on first start with existing data).
     */
    public void announcePhaseChanges() {
        // The claim checks and inserts in one statement, but two transactions can still both see "not claimed";
        // the primary key then refuses the second. Runs in this process therefore wait for each other, with the
        // lock held until the first run's transaction has committed.
        announcing.lock();
        try {
            tx.executeWithoutResult(status -> announceInTransaction());
        } finally {
            announcing.unlock();
        }
    }

    private void announceInTransaction() {
        LocalDate today = LocalDate.now(clock);
        for (ConsultationService.PhaseState state : consultations.phaseStates()) {
            if (state.phase() == Phase.UPCOMING) {
                continue;
            }
            if (phaseNotices.claim(state.id(), state.phase().name(), Instant.now(clock)) == 1
                    && !state.since().isBefore(today.minusDays(1))) {
                notify(
                        new Recipients()
                                .add(
                                        follows.followers(Follow.Target.CONSULTATION, state.id()),
                                        NotificationReason.FOLLOWS_CONSULTATION),
                        NotificationKind.PHASE_CHANGE,
                        state.id(),
                        null,
                        state.title(),
                        state.phase().name(),
                        null,
                        null);
            }
        }
    }

    /** Tells a consultation's followers that the municipality published an update. */
    @Transactional
    public void announceUpdate(long consultationId, String consultationTitle) {
        notify(
                new Recipients()
                        .add(
                                follows.followers(Follow.Target.CONSULTATION, consultationId),
                                NotificationReason.FOLLOWS_CONSULTATION),
                NotificationKind.UPDATE,
                consultationId,
                null,
                consultationTitle,
                null,
                null,
                null);
    }

    /**
     * Sends what waited because its recipient had a mail shortly before: one mail per person, bundling everything
     * since their last one, once the quiet period after that mail is over.
     */
    @Transactional
    public void sendBundledMails() {
        Instant now = Instant.now(clock);
        for (long userId : notifications.usersWithUnsentMail()) {
            Optional<MailContact> contact = accounts.lockMailContact(userId);
            List<Notification> waiting = notifications.notEmailed(userId);
            if (contact.isEmpty() || contact.get().preference() == EmailPreference.OFF) {
                waiting.forEach(n -> n.markEmailed(null));
            } else if (contact.get().preference() == EmailPreference.INSTANT && quietPeriodOver(userId, now)) {
                mail(contact.get(), waiting, now);
            }
        }
    }

    /** Sends one mail per person with everything that was not mailed yet, for those who chose a daily digest. */
    @Transactional
    public void sendDailyDigests() {
        Instant now = Instant.now(clock);
        for (long userId : notifications.usersWithUnsentMail()) {
            Optional<MailContact> contact = accounts.lockMailContact(userId);
            List<Notification> waiting = notifications.notEmailed(userId);
            if (contact.isPresent() && contact.get().preference() == EmailPreference.DAILY_DIGEST) {
                mail(contact.get(), waiting, now);
            } else if (contact.isEmpty() || contact.get().preference() == EmailPreference.OFF) {
                waiting.forEach(n -> n.markEmailed(null));
            }
        }
    }

    private boolean quietPeriodOver(long userId, Instant now) {
        return notifications
                .lastMailed(userId)
                .map(last ->
                        !last.plus(properties.notifications().bundleWindow()).isAfter(now))
                .orElse(true);
    }

    private void notify(
            Recipients recipients,
            NotificationKind kind,
            Long consultationId,
            Long ideaId,
            String subject,
            @Nullable String detail,
            @Nullable String actor,
            @Nullable String excerpt) {
        Instant now = Instant.now(clock);
        // In id order: each recipient's account row is locked while we decide whether to mail now (see
        // lockMailContact), and a fixed order means two notifications to overlapping people never deadlock.
        for (Map.Entry<Long, NotificationReason> recipient : new TreeMap<>(recipients.reasons).entrySet()) {
            long userId = recipient.getKey();
            Optional<MailContact> contact = accounts.lockMailContact(userId);
            Notification n = notifications.save(new Notification(
                    userId, kind, recipient.getValue(), consultationId, ideaId, subject, detail, actor, excerpt, now));
            if (contact.isEmpty() || contact.get().preference() == EmailPreference.OFF) {
                n.markEmailed(null); // nothing to send, ever
            } else if (contact.get().preference() == EmailPreference.INSTANT && quietPeriodOver(userId, now)) {
                // At once, unless a mail went out shortly before: then it waits and goes out bundled.
                mail(contact.get(), List.of(n), now);
            }
            events.publishEvent(new NotificationCreated(userId));
        }
        if (!recipients.reasons.isEmpty()) {
            log.debug("{} notification(s) of kind {}", recipients.reasons.size(), kind);
        }
    }

    /** Room for the listed notifications of a bundle, leaving the rest of a mail's text room within the outbox. */
    static final int BUNDLE_LISTED_CHARS = MailService.MAX_BODY - 2_000;

    /** One mail with one or more notifications, saying why each was sent and how to stop them in one click. */
    private void mail(MailContact contact, List<Notification> list, Instant now) {
        if (list.isEmpty()) {
            return;
        }
        Locale locale = contact.locale();
        AccountService.UnsubscribeLinks unsubscribe = accounts.unsubscribeLinks(contact.id());
        StringBuilder body = new StringBuilder(messages.get(locale, "mail.greeting", contact.displayName()));
        String subject;
        if (list.size() == 1) {
            Notification n = list.getFirst();
            subject = text(n, locale);
            body.append("\n\n").append(text(n, locale)).append('.');
            appendExcerpt(body, n, locale);
            body.append("\n\n").append(messages.get(locale, "mail.notification.view", link(n)));
            body.append("\n\n")
                    .append(messages.get(locale, "mail.reason." + reason(n).name()));
        } else {
            subject = messages.get(
                    locale,
                    "mail.bundle.subject",
                    list.size(),
                    properties.municipality().name());
            body.append("\n\n").append(messages.get(locale, "mail.bundle.intro", list.size()));
            // A busy evening's bundle can hold hundreds; it lists what fits in a mail (the outbox keeps at most
            // MailService.MAX_BODY characters) and points to the notifications page for the rest.
            int listed = 0;
            for (Notification n : list) {
                StringBuilder item =
                        new StringBuilder("\n\n- ").append(text(n, locale)).append('.');
                appendExcerpt(item, n, locale);
                item.append("\n  ").append(link(n));
                item.append("\n  (")
                        .append(messages.get(
                                locale, "mail.reason-short." + reason(n).name()))
                        .append(')');
                if (body.length() + item.length() > BUNDLE_LISTED_CHARS) {
                    break;
                }
                body.append(item);
                listed++;
            }
            if (listed < list.size()) {
                body.append("\n\n")
                        .append(messages.get(
                                locale, "mail.bundle.more", list.size() - listed, properties.baseUrl() + "/meldingen"));
            }
        }
        body.append("\n\n")
                .append(messages.get(locale, "mail.unsubscribe", unsubscribe.page()))
                .append("\n")
                .append(messages.get(locale, "mail.notification.footer", properties.baseUrl() + "/account"));
        mail.send(contact.email(), subject, body.toString(), unsubscribe.oneClick());
        list.forEach(n -> n.markEmailed(now));
    }

    private void appendExcerpt(StringBuilder body, Notification n, Locale locale) {
        if (n.getExcerpt() != null) {
            body.append("\n\n")
                    .append(messages.get(
                            locale,
                            n.getKind() == NotificationKind.OFFICIAL_ANSWER ? "mail.answer-was" : "mail.reaction-was",
                            n.getActorName() == null ? messages.get(locale, "notification.someone") : n.getActorName()))
                    .append("\n")
                    .append(quote(n.getExcerpt()));
        }
    }

    private static String quote(String excerpt) {
        return "> " + excerpt;
    }

    private static NotificationReason reason(Notification n) {
        if (n.getReason() != null) {
            return n.getReason();
        }
        return n.getIdeaId() != null ? NotificationReason.FOLLOWS_IDEA : NotificationReason.FOLLOWS_CONSULTATION;
    }

    private String link(Notification n) {
        return properties.baseUrl() + path(n.getKind(), n.getIdeaId(), n.getConsultationId());
    }
}

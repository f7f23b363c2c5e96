package org.inspraak.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspraak.InspraakException;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.account.AccountService;
import org.inspraak.account.AccountService.MailContact;
import org.inspraak.account.EmailPreference;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.mail.MailService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final ConsultationService consultations;
    private final MailService mail;
    private final Messages messages;
    private final InspraakProperties properties;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationService(
            FollowRepository follows,
            NotificationRepository notifications,
            PhaseNoticeRepository phaseNotices,
            AccountService accounts,
            IdeaService ideas,
            ConsultationService consultations,
            MailService mail,
            Messages messages,
            InspraakProperties properties,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.follows = follows;
        this.notifications = notifications;
        this.phaseNotices = phaseNotices;
        this.accounts = accounts;
        this.ideas = ideas;
        this.consultations = consultations;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
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
            boolean read) {
        public String link() {
            return ideaId != null ? "/ideeen/" + ideaId : "/gesprekken/" + consultationId;
        }
    }

    /** Published after a notification is stored, so the recipient's bell updates live. */
    public record NotificationCreated(long userId) {}

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
                        n.getReadAt() != null))
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
    }

    @Transactional
    public void markAllRead() {
        notifications.markAllRead(currentUser.require().id(), Instant.now(clock));
        events.publishEvent(new NotificationCreated(currentUser.require().id()));
    }

    /** The sentence for a notification, in the reader's language. */
    public String describe(NotificationView n, Locale locale) {
        return text(n.kind(), n.subject(), n.detail(), locale);
    }

    private String text(NotificationKind kind, String subject, String detail, Locale locale) {
        String detailText = switch (kind) {
            case STATUS_CHANGE -> messages.get(locale, "status." + detail);
            case PHASE_CHANGE -> messages.get(locale, "phase." + detail);
            default -> "";
        };
        return messages.get(locale, "notification." + kind.name(), subject, detailText);
    }

    // ---- what happened ---------------------------------------------------------------------------

    // Module listeners run after the commit in a transaction of their own, and the event publication registry
    // keeps each event until its listener has finished: one that the process did not get to (a crash, a kill)
    // is delivered again at the next start, so no resident misses a notification.
    @ApplicationModuleListener
    public void onStatusChanged(IdeaService.StatusChanged e) {
        Set<Long> recipients = new LinkedHashSet<>(follows.followers(Follow.Target.IDEA, e.ideaId()));
        recipients.add(e.authorId());
        recipients.remove(e.changedBy());
        notify(
                recipients,
                NotificationKind.STATUS_CHANGE,
                e.consultationId(),
                e.ideaId(),
                e.title(),
                e.status().name());
    }

    @ApplicationModuleListener
    public void onReactionPosted(ReactionService.ReactionPosted e) {
        Optional<IdeaService.IdeaSummary> idea = ideas.find(e.ideaId());
        if (idea.isEmpty()) {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>();
        if (e.official()) {
            recipients.addAll(follows.followers(Follow.Target.IDEA, e.ideaId()));
            recipients.add(idea.get().authorId());
            recipients.remove(e.authorId());
            notify(
                    recipients,
                    NotificationKind.OFFICIAL_ANSWER,
                    idea.get().consultationId(),
                    e.ideaId(),
                    idea.get().title(),
                    null);
        }
        if (e.parentAuthorId() != null
                && e.parentAuthorId() != e.authorId()
                && !recipients.contains(e.parentAuthorId())) {
            notify(
                    Set.of(e.parentAuthorId()),
                    NotificationKind.REPLY,
                    idea.get().consultationId(),
                    e.ideaId(),
                    idea.get().title(),
                    null);
        }
    }

    /**
     * Announces phase changes to a consultation's followers. Each phase is claimed once in the database, so
     * restarts and repeated runs never announce twice; phases that began more than a day ago are claimed
     * silently (for example on first start with existing data).
     */
    @Scheduled(
            initialDelayString = "${inspraak.notifications.phase-check-initial:60s}",
            fixedDelayString = "${inspraak.notifications.phase-check:10m}")
    @Transactional
    public void announcePhaseChanges() {
        LocalDate today = LocalDate.now(clock);
        for (ConsultationService.PhaseState state : consultations.phaseStates()) {
            if (state.phase() == Phase.UPCOMING) {
                continue;
            }
            if (phaseNotices.claim(state.id(), state.phase().name(), Instant.now(clock)) == 1
                    && !state.since().isBefore(today.minusDays(1))) {
                notify(
                        new LinkedHashSet<>(follows.followers(Follow.Target.CONSULTATION, state.id())),
                        NotificationKind.PHASE_CHANGE,
                        state.id(),
                        null,
                        state.title(),
                        state.phase().name());
            }
        }
    }

    /** Tells a consultation's followers that the municipality published an update. */
    @Transactional
    public void announceUpdate(long consultationId, String consultationTitle) {
        notify(
                new LinkedHashSet<>(follows.followers(Follow.Target.CONSULTATION, consultationId)),
                NotificationKind.UPDATE,
                consultationId,
                null,
                consultationTitle,
                null);
    }

    /** Sends one mail per person with everything that was not mailed yet, for those who chose a daily digest. */
    @Scheduled(cron = "${inspraak.notifications.digest-cron:0 0 7 * * *}", zone = "Europe/Amsterdam")
    @Transactional
    public void sendDailyDigests() {
        List<Long> users = notifications.usersWithUnsentMail();
        if (users.isEmpty()) {
            return;
        }
        Map<Long, List<Notification>> byUser =
                notifications.notEmailed(users).stream().collect(Collectors.groupingBy(Notification::getUserId));
        byUser.forEach((userId, list) -> {
            Optional<MailContact> contact = accounts.mailContact(userId);
            if (contact.isPresent() && contact.get().preference() == EmailPreference.DAILY_DIGEST) {
                Locale locale = contact.get().locale();
                StringBuilder body = new StringBuilder(
                        messages.get(locale, "mail.digest.intro", contact.get().displayName()));
                for (Notification n : list) {
                    body.append("\n\n- ")
                            .append(text(n.getKind(), n.getSubject(), n.getDetail(), locale))
                            .append("\n  ")
                            .append(link(n));
                }
                body.append("\n\n")
                        .append(messages.get(locale, "mail.notification.footer", properties.baseUrl() + "/account"));
                mail.send(
                        contact.get().email(),
                        messages.get(
                                locale,
                                "mail.digest.subject",
                                list.size(),
                                properties.municipality().name()),
                        body.toString());
                list.forEach(Notification::markEmailed);
            } else if (contact.isEmpty() || contact.get().preference() == EmailPreference.OFF) {
                list.forEach(Notification::markEmailed);
            }
        });
    }

    private void notify(
            Set<Long> recipients,
            NotificationKind kind,
            Long consultationId,
            Long ideaId,
            String subject,
            String detail) {
        Instant now = Instant.now(clock);
        List<Notification> created = new ArrayList<>();
        for (long userId : recipients) {
            Notification n =
                    notifications.save(new Notification(userId, kind, consultationId, ideaId, subject, detail, now));
            created.add(n);
            Optional<MailContact> contact = accounts.mailContact(userId);
            if (contact.isEmpty() || contact.get().preference() == EmailPreference.OFF) {
                n.markEmailed(); // nothing to send, ever
            } else if (contact.get().preference() == EmailPreference.INSTANT) {
                Locale locale = contact.get().locale();
                String sentence = text(kind, subject, detail, locale);
                mail.send(
                        contact.get().email(),
                        sentence,
                        messages.get(
                                        locale,
                                        "mail.notification.body",
                                        contact.get().displayName(),
                                        sentence,
                                        link(n)) + "\n\n"
                                + messages.get(locale, "mail.notification.footer", properties.baseUrl() + "/account"));
                n.markEmailed();
            }
            events.publishEvent(new NotificationCreated(userId));
        }
        if (!created.isEmpty()) {
            log.debug("{} notification(s) of kind {}", created.size(), kind);
        }
    }

    private String link(Notification n) {
        return properties.baseUrl()
                + (n.getIdeaId() != null ? "/ideeen/" + n.getIdeaId() : "/gesprekken/" + n.getConsultationId());
    }
}

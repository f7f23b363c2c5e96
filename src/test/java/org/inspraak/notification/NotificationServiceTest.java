package org.inspraak.notification;

import java.util.ArrayList;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.Messages;
import org.inspraak.TestData;
import org.inspraak.account.AccountService;
import org.inspraak.account.EmailPreference;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.mail.MailService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationServiceTest extends IntegrationTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    IdeaService ideas;

    @Autowired
    ReactionService reactions;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NotificationRepository repository;

    private long mailsTo(String email) {
        return jdbc.queryForObject("select count(*) from outbox_mail where recipient = ?", Long.class, email);
    }

    @Test
    void statusChangesNotifyTheAuthorAndFollowersButNotTheActor() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author, "Bankjes in het park", "Meer bankjes voor ouderen in het park.");
        TestData.User follower = loginNew();
        notifications.followIdea(idea, true);
        assertThat(notifications.followsIdea(idea)).isTrue();
        TestData.User staff = loginNew(Role.MODERATOR);
        notifications.followIdea(idea, true);
        ideas.setStatus(idea, IdeaStatus.UNDER_CONSIDERATION, "We kijken ernaar.");
        awaitEventsHandled();

        login(follower);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        NotificationService.NotificationView n = notifications.mine(0, 10).getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.STATUS_CHANGE);
        assertThat(notifications.describe(n, Messages.DUTCH))
                .isEqualTo("Het idee \"Bankjes in het park\" heeft een nieuwe status: In behandeling");
        assertThat(n.link()).isEqualTo("/ideeen/" + idea);
        notifications.markRead(n.id());
        assertThat(notifications.unreadCount()).isZero();
        login(author);
        assertThat(notifications.unreadCount()).isEqualTo(1);
        login(staff);
        assertThat(notifications.unreadCount()).isZero();
        // Default preference is instant mail.
        assertThat(mailsTo(follower.email())).isEqualTo(1);
    }

    @Test
    void officialAnswersAndRepliesNotifyTheRightPeople() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        TestData.User resident = loginNew();
        long reaction = reactions.post(idea, null, "Wat kost dit eigenlijk?");
        TestData.User other = loginNew();
        reactions.post(idea, reaction, "Dat vroeg ik me ook af.");
        awaitEventsHandled();
        login(resident);
        assertThat(notifications.mine(0, 10))
                .extracting(NotificationService.NotificationView::kind)
                .containsExactly(NotificationKind.REPLY);

        loginNew(Role.MODERATOR);
        reactions.post(idea, reaction, "Ongeveer 5.000 euro per jaar.");
        awaitEventsHandled();
        login(author);
        // Newest first: the answer, after the two residents' reactions on the author's idea (posting follows it).
        assertThat(notifications.mine(0, 10))
                .extracting(NotificationService.NotificationView::kind)
                .containsExactly(
                        NotificationKind.OFFICIAL_ANSWER, NotificationKind.REACTION, NotificationKind.REACTION);
        assertThat(notifications.mine(0, 10).getFirst().excerpt()).isEqualTo("Ongeveer 5.000 euro per jaar.");
        login(resident);
        // The official answer is a reply to the resident's reaction: one notification, not two.
        assertThat(notifications.unreadCount()).isEqualTo(2);
        login(other);
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void mailPreferencesAreHonouredIncludingTheDailyDigest() {
        long c = data.openConsultation();
        TestData.User digestReader = data.user();
        TestData.User silent = data.user();
        long idea1 = data.idea(c, digestReader);
        long idea2 = data.idea(c, silent);
        login(digestReader);
        accounts.updateProfile(
                new AccountService.Profile(digestReader.name(), null, null, EmailPreference.DAILY_DIGEST, "nl"));
        login(silent);
        accounts.updateProfile(new AccountService.Profile(silent.name(), null, null, EmailPreference.OFF, "nl"));
        loginNew(Role.MODERATOR);
        ideas.setStatus(idea1, IdeaStatus.SELECTED, "Gekozen.");
        ideas.setStatus(idea1, IdeaStatus.IN_PROGRESS, "Begonnen.");
        ideas.setStatus(idea2, IdeaStatus.SELECTED, "Gekozen.");
        awaitEventsHandled();
        assertThat(mailsTo(digestReader.email())).isZero();
        notifications.sendDailyDigests();
        assertThat(mailsTo(digestReader.email())).isEqualTo(1);
        var digest = jdbc.queryForMap(
                "select subject, body from outbox_mail where recipient = ? order by id fetch first 1 rows only",
                digestReader.email());
        assertThat((String) digest.get("subject")).startsWith("2 nieuwe meldingen");
        assertThat((String) digest.get("body")).contains("In uitvoering").contains("/ideeen/" + idea1);
        notifications.sendDailyDigests();
        assertThat(mailsTo(digestReader.email())).isEqualTo(1);
        assertThat(mailsTo(silent.email())).isZero();
    }

    @Test
    void aDigestOfABusyEveningListsWhatFitsAndPointsToTheRest() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            own.add(data.idea(c, author));
        }
        login(author);
        accounts.updateProfile(
                new AccountService.Profile(author.name(), null, null, EmailPreference.DAILY_DIGEST, "nl"));
        loginNew(Role.MODERATOR);
        for (long idea : own) {
            ideas.setStatus(idea, IdeaStatus.SELECTED, "Gekozen voor de begroting van volgend jaar.");
            ideas.setStatus(idea, IdeaStatus.IN_PROGRESS, "De gemeente is ermee begonnen.");
        }
        awaitEventsHandled();
        // Before: the text of 120 notifications did not fit the outbox, and the digest failed every night.
        notifications.sendDailyDigests();
        assertThat(mailsTo(author.email())).isEqualTo(1);
        var digest = jdbc.queryForMap("select subject, body from outbox_mail where recipient = ?", author.email());
        String body = (String) digest.get("body");
        assertThat((String) digest.get("subject")).startsWith("120 nieuwe meldingen");
        assertThat(body.length()).isLessThanOrEqualTo(MailService.MAX_BODY);
        assertThat(body).contains("/ideeen/" + own.getFirst()).containsPattern("Er zijn nog \\d+ meldingen\\.");
        assertThat(body).contains("/meldingen");
        notifications.sendDailyDigests();
        assertThat(mailsTo(author.email())).isEqualTo(1);
    }

    @Test
    void phaseChangesAreAnnouncedOnceToFollowers() {
        long c = data.openConsultation();
        TestData.User follower = loginNew();
        notifications.followConsultation(c, true);
        notifications.announcePhaseChanges();
        notifications.announcePhaseChanges();
        assertThat(notifications.mine(0, 10))
                .extracting(NotificationService.NotificationView::kind)
                .containsExactly(NotificationKind.PHASE_CHANGE);
        notifications.followConsultation(c, false);
        assertThat(notifications.followsConsultation(c)).isFalse();
        assertThat(follower).isNotNull();
    }

    /** The timer and a direct call can run at the same moment; the primary key used to refuse the second one. */
    @Test
    void twoRunsAtTheSameMomentAnnounceAPhaseOnceAndBothSucceed() throws Exception {
        for (int round = 0; round < 10; round++) {
            long c = data.openConsultation();
            loginNew();
            notifications.followConsultation(c, true);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        notifications.announcePhaseChanges();
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(notifications.mine(0, 10))
                    .extracting(NotificationService.NotificationView::kind)
                    .containsExactly(NotificationKind.PHASE_CHANGE);
        }
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotifications() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        loginNew(Role.MODERATOR);
        ideas.setStatus(idea, IdeaStatus.SELECTED, "Gekozen.");
        awaitEventsHandled();
        long id = repository.findAll().stream()
                .filter(n -> n.getUserId() == author.id())
                .findFirst()
                .orElseThrow()
                .getId();
        loginNew();
        assertThatThrownBy(() -> notifications.markRead(id)).hasMessageContaining("error.not-found");
        assertThat(notifications.mine(0, 10)).isEmpty();
        assertThatThrownBy(() -> notifications.followIdea(999_999L, true)).hasMessageContaining("error.not-found");
        List<Long> none = List.of();
        assertThat(none).isEmpty();
    }
}

package org.inspraak.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.account.AccountService;
import org.inspraak.account.EmailPreference;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What "Volgen" promises: authors and followers hear of reactions, bundled, with a way out of the mail. */
class ReactionNotificationTest extends IntegrationTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    IdeaService ideas;

    @Autowired
    ReactionService reactions;

    @Autowired
    AccountService accounts;

    @Autowired
    OutcomeService outcomes;

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> mailsTo(String email) {
        return jdbc.queryForList(
                "select subject, body, unsubscribe_url from outbox_mail where recipient = ? order by id", email);
    }

    private long postIdea(long consultationId, String title) {
        return ideas.post(
                consultationId,
                new IdeaService.IdeaForm(
                        title,
                        "Een beschrijving met genoeg woorden om te lezen.",
                        null,
                        null,
                        AmountKind.SAVING,
                        100L));
    }

    @Test
    void postingFollowsTheIdeaAndAReactionReachesTheAuthorWithNameAndText() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = postIdea(c, "Minder maaien in de bermen");
        assertThat(notifications.followsIdea(idea)).isTrue();
        TestData.User follower = loginNew();
        notifications.followIdea(idea, true);
        TestData.User reactor = loginNew();
        reactions.post(idea, null, "Goed plan, dan komen er ook meer bijen.");
        awaitEventsHandled();

        login(author);
        NotificationService.NotificationView n = notifications.mine(0, 10).getFirst();
        assertThat(n.kind()).isEqualTo(NotificationKind.REACTION);
        assertThat(n.actorName()).isEqualTo(reactor.name());
        assertThat(n.excerpt()).isEqualTo("Goed plan, dan komen er ook meer bijen.");
        assertThat(notifications.describe(n, org.inspraak.Messages.DUTCH))
                .isEqualTo(reactor.name() + " reageerde op het idee \"Minder maaien in de bermen\"");
        Map<String, Object> mail = mailsTo(author.email()).getFirst();
        assertThat((String) mail.get("body"))
                .contains(reactor.name() + " schreef:")
                .contains("Goed plan, dan komen er ook meer bijen.")
                .contains("omdat u dit idee heeft ingediend")
                .contains("/afmelden/");
        assertThat((String) mail.get("unsubscribe_url")).contains("/mail/afmelden/");

        Map<String, Object> followerMail = mailsTo(follower.email()).getFirst();
        assertThat((String) followerMail.get("body")).contains("omdat u dit idee volgt");
        login(reactor);
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void manyReactionsSoonAfterAMailAreBundledIntoOne() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = postIdea(c, "Een bibliotheek op wielen");
        // Reactions are handled asynchronously and in any order; the first is handled before the others
        // arrive, so it is the one mailed at once.
        for (int i = 0; i < 3; i++) {
            loginNew();
            reactions.post(idea, null, "Reactie nummer " + i + " over de bieb.");
            if (i == 0) {
                awaitEventsHandled();
            }
        }
        awaitEventsHandled();
        // The first reaction is mailed at once; the two after it wait for the quiet period.
        assertThat(mailsTo(author.email()))
                .singleElement()
                .satisfies(first -> assertThat((String) first.get("body")).contains("Reactie nummer 0 over de bieb."));
        notifications.sendBundledMails();
        assertThat(mailsTo(author.email())).hasSize(1);
        // As if the quiet period has passed.
        jdbc.update(
                "update notification set emailed_at = ? where user_id = ? and emailed_at is not null",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                author.id());
        notifications.sendBundledMails();
        List<Map<String, Object>> mails = mailsTo(author.email());
        assertThat(mails).hasSize(2);
        assertThat((String) mails.get(1).get("subject")).startsWith("2 nieuwe meldingen");
        assertThat((String) mails.get(1).get("body"))
                .contains("Reactie nummer 1 over de bieb.")
                .contains("Reactie nummer 2 over de bieb.")
                .contains("uw eigen idee");
        notifications.sendBundledMails();
        assertThat(mailsTo(author.email())).hasSize(2);
    }

    @Test
    void reactionsArrivingAtTheSameMomentStillSendOneMailAtOnce() throws Exception {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = postIdea(c, "Een deelfietsenstalling bij het station");
        List<TestData.User> reactors = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reactors.add(data.user());
        }
        // Six residents react at once; their notifications are handled on several threads at the same time.
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(reactors.size());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(reactors.size())) {
            List<java.util.concurrent.Future<?>> posted = new java.util.ArrayList<>();
            for (TestData.User reactor : reactors) {
                posted.add(pool.submit(() -> {
                    login(reactor);
                    start.await();
                    reactions.post(idea, null, "Graag, met overkapping (" + reactor.name() + ").");
                    return null;
                }));
            }
            for (var f : posted) {
                f.get();
            }
        }
        awaitEventsHandled();
        assertThat(mailsTo(author.email())).hasSize(1);
        login(author);
        assertThat(notifications.unreadCount()).isEqualTo(6);
    }

    @Test
    void theUnsubscribeLinkStopsMailButKeepsInAppNotifications() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long idea = postIdea(c, "Meer bankjes langs het kanaal");
        loginNew();
        reactions.post(idea, null, "Ja graag, ook bij de sluis.");
        awaitEventsHandled();
        String page = (String)
                jdbc.queryForObject("select body from outbox_mail where recipient = ?", String.class, author.email());
        String token = page.replaceAll("(?s).*/afmelden/([A-Za-z0-9_-]+).*", "$1");
        data.logout();
        assertThat(accounts.unsubscribe(token))
                .get()
                .extracting(AccountService.Unsubscribed::previous)
                .isEqualTo(EmailPreference.INSTANT);
        assertThat(accounts.unsubscribe("not-a-real-token-at-all-123")).isEmpty();
        jdbc.update("update notification set emailed_at = null where user_id = ?", author.id());
        loginNew();
        reactions.post(idea, null, "En bij de haven ook, alstublieft.");
        awaitEventsHandled();
        notifications.sendBundledMails();
        assertThat(mailsTo(author.email())).hasSize(1);
        login(author);
        assertThat(notifications.unreadCount()).isEqualTo(2);
        accounts.resubscribe(token, EmailPreference.INSTANT);
        assertThat(jdbc.queryForObject(
                        "select email_preference from user_account where id = ?", String.class, author.id()))
                .isEqualTo("INSTANT");
    }

    @Test
    void aReactionWaitingForApprovalTellsNobodyUntilItIsApproved() {
        long c = data.preModeratedConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        loginNew();
        reactions.post(idea, null, "Deze reactie wacht nog op een moderator.");
        awaitEventsHandled();
        login(author);
        assertThat(notifications.unreadCount()).isZero();

        // Approved by a moderator: now the author hears of it.
        long pending =
                jdbc.queryForObject("select id from reaction where idea_id = ? and hidden = true", Long.class, idea);
        loginNew(Role.MODERATOR);
        reactions.restore(pending);
        awaitEventsHandled();
        login(author);
        assertThat(notifications.mine(0, 10))
                .extracting(NotificationService.NotificationView::excerpt)
                .containsExactly("Deze reactie wacht nog op een moderator.");
    }

    @Test
    void publishingAnOutcomeTellsEveryParticipantAndFollowerOnce() {
        long c = data.closedConsultation();
        TestData.User author = data.user();
        TestData.User voter = data.user();
        TestData.User reactor = data.user();
        TestData.User follower = data.user();
        TestData.User bystander = data.user();
        long idea = data.idea(c, author);
        // Cast while it was open (the consultation is closed now, so the service would refuse it).
        jdbc.update(
                "insert into vote (idea_id, user_id, choice, created_at, updated_at) values (?, ?, 'AGREE', ?, ?)",
                idea,
                voter.id(),
                java.sql.Timestamp.from(Instant.now()),
                java.sql.Timestamp.from(Instant.now()));
        reactions.postAs(reactor.id(), false, idea, null, "Een reactie uit de tijd dat het open was.", Instant.now());
        jdbc.update(
                "insert into follow (user_id, target_type, target_id, created_at) values (?, 'CONSULTATION', ?, ?)",
                follower.id(),
                c,
                java.sql.Timestamp.from(Instant.now()));
        TestData.User staff = loginNew(Role.MODERATOR);
        outcomes.save(
                c,
                "De gemeenteraad neemt drie ideeën over in de begroting van volgend jaar.",
                List.of(new OutcomeService.NextStep(LocalDate.now().plusMonths(2), "Besluit in de gemeenteraad")));
        outcomes.publish(c);
        outcomes.publish(c);
        awaitEventsHandled();
        for (TestData.User u : List.of(author, voter, reactor, follower)) {
            login(u);
            assertThat(notifications.mine(0, 10))
                    .extracting(NotificationService.NotificationView::kind)
                    .containsExactly(NotificationKind.OUTCOME);
            assertThat(notifications.mine(0, 10).getFirst().link()).isEqualTo("/gesprekken/" + c + "/uitkomst");
        }
        assertThat((String) mailsTo(voter.email()).getFirst().get("body"))
                .contains("omdat u heeft meegedaan aan dit stadsgesprek");
        assertThat((String) mailsTo(follower.email()).getFirst().get("body"))
                .contains("omdat u dit stadsgesprek volgt");
        login(bystander);
        assertThat(notifications.unreadCount()).isZero();
        login(staff);
        assertThat(notifications.unreadCount()).isZero();
    }
}

package org.inspraak.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.audit.AuditEntry;
import org.inspraak.audit.AuditService;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.inspraak.moderation.ModerationService.Target;
import org.inspraak.notification.NotificationService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModerationServiceTest extends IntegrationTest {

    @Autowired
    ModerationService moderation;

    @Autowired
    AuditService audit;

    @Autowired
    ReactionService reactions;

    @Autowired
    IdeaService ideas;

    @Autowired
    VoteService votes;

    @Autowired
    RateLimits rateLimits;

    @Autowired
    NotificationService notifications;

    private long reactionBy(TestData.User author, long idea, String text) {
        return reactions.postAs(author.id(), false, idea, null, text, Instant.now());
    }

    @Test
    void threeFlagsHideAReactionUntilAModeratorDecides() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User author = data.user();
        long r = reactionBy(author, idea, "Jullie zijn allemaal idioten.");
        Target target = new Target(TargetType.REACTION, r);
        for (int i = 0; i < 2; i++) {
            loginNew();
            moderation.flag(target, FlagReason.INSULT, null);
        }
        assertThat(reactions.facts(r).orElseThrow().hidden()).isFalse();
        loginNew();
        moderation.flag(target, FlagReason.OTHER, "Scheldwoorden");
        assertThat(reactions.facts(r).orElseThrow().hidden()).isTrue();
        assertThat(reactions.thread(idea, 0, 10).getFirst().body()).isEmpty();
        assertThat(reactions.thread(idea, 0, 10).getFirst().hiddenReason()).isEqualTo(ModerationService.AUTO_HIDDEN);

        loginNew(Role.MODERATOR);
        List<ModerationService.QueueItem> queue = moderation.queue(0, 50);
        ModerationService.QueueItem item = queue.stream()
                .filter(q -> q.target().equals(target))
                .findFirst()
                .orElseThrow();
        assertThat(item.openFlags()).isEqualTo(3);
        assertThat(item.reasons()).containsExactlyInAnyOrder(FlagReason.INSULT, FlagReason.OTHER);
        assertThat(item.explanations()).containsExactly("Scheldwoorden");
        assertThat(item.hidden()).isTrue();
        long pendingBefore = moderation.pendingCount();

        moderation.hide(List.of(target), "Beledigend taalgebruik");
        assertThat(moderation.pendingCount()).isEqualTo(pendingBefore - 1);
        assertThat(reactions.thread(idea, 0, 10).getFirst().hiddenReason()).isEqualTo("Beledigend taalgebruik");
        moderation.restore(target, "Toch binnen de grenzen");
        assertThat(reactions.facts(r).orElseThrow().hidden()).isFalse();
        assertThat(audit.find(null, "", 0, 50))
                .extracting(AuditEntry::getAction)
                .contains("AUTO_HIDDEN", "HIDDEN", "RESTORED");
    }

    @Test
    void keepDismissesFlagsAndRestoresAnAutoHiddenIdea() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        Target target = new Target(TargetType.IDEA, idea);
        for (int i = 0; i < 3; i++) {
            loginNew();
            moderation.flag(target, FlagReason.SPAM, null);
        }
        assertThat(ideas.find(idea).orElseThrow().hidden()).isTrue();
        assertThat(ideas.count(c)).isZero();
        loginNew(Role.MODERATOR);
        moderation.keep(List.of(target));
        assertThat(ideas.find(idea).orElseThrow().hidden()).isFalse();
        assertThat(moderation.queue(0, 100)).noneMatch(q -> q.target().equals(target));
    }

    @Test
    void flaggingRulesAreEnforced() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        Target target = new Target(TargetType.IDEA, idea);
        login(author);
        assertThatThrownBy(() -> moderation.flag(target, FlagReason.SPAM, null)).hasMessageContaining("error.flag.own");
        loginNew();
        assertThatThrownBy(() -> moderation.flag(target, null, null)).hasMessageContaining("error.flag.reason");
        assertThatThrownBy(() -> moderation.flag(target, FlagReason.OTHER, " "))
                .hasMessageContaining("error.flag.explanation");
        moderation.flag(target, FlagReason.SPAM, null);
        assertThatThrownBy(() -> moderation.flag(target, FlagReason.INSULT, null))
                .hasMessageContaining("error.flag.twice");
        assertThatThrownBy(() -> moderation.flag(new Target(TargetType.REACTION, 987_654L), FlagReason.SPAM, null))
                .hasMessageContaining("error.not-found");
    }

    @Test
    void onlyStaffModerateAndEveryActionNeedsAReason() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        Target target = new Target(TargetType.IDEA, idea);
        loginNew(Role.RESIDENT);
        assertThatThrownBy(() -> moderation.hide(List.of(target), "weg")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.queue(0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ideas.hide(idea, "weg")).hasMessageContaining("error.forbidden");
        loginNew(Role.COUNCIL_MEMBER);
        assertThatThrownBy(() -> moderation.keep(List.of(target))).isInstanceOf(AccessDeniedException.class);
        loginNew(Role.MODERATOR);
        assertThatThrownBy(() -> moderation.hide(List.of(target), "  "))
                .hasMessageContaining("error.moderation.reason");
        assertThat(ideas.find(idea).orElseThrow().hidden()).isFalse();
    }

    @Test
    void correctionsLocksAndPinsAreVisibleAndAudited() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(
                c, author, "Bel mij op 06-12345678", "Mijn buurman Jan Jansen op nummer 5 parkeert altijd fout.");
        long other = data.idea(c, author);
        loginNew(Role.MODERATOR);
        moderation.correct(
                new Target(TargetType.IDEA, idea),
                "Bel mij op [verwijderd]",
                "Mijn buurman [naam verwijderd] parkeert altijd fout.",
                "Persoonsgegevens verwijderd");
        IdeaService.IdeaSummary s = ideas.find(idea).orElseThrow();
        assertThat(s.title()).isEqualTo("Bel mij op [verwijderd]");
        assertThat(s.moderatorEdited()).isTrue();
        moderation.pin(other, true, "Belangrijk");
        assertThat(ideas.list(c, IdeaSort.NEWEST, 0, 0, 1).getFirst().id()).isEqualTo(other);
        moderation.lock(idea, true, "Loopt uit de hand");
        loginNew();
        assertThatThrownBy(() -> reactions.post(idea, null, "Nog iets")).hasMessageContaining("error.idea.locked");
        loginNew(Role.ADMIN);
        assertThat(audit.find("CORRECTED", "", 0, 10)).isNotEmpty();
        String csv = audit.csv(null, "");
        assertThat(csv)
                .startsWith("time,actor,action,target_type,target_id,reason")
                .contains("\"LOCKED\"");
    }

    @Test
    void suspendedResidentsCanReadButNotPostVoteOrFlag() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User troll = data.user();
        TestData.User admin = data.user(Role.ADMIN);
        loginNew(Role.MODERATOR);
        moderation.warn(troll.id(), "Let op uw toon");
        moderation.suspend(troll.id(), Instant.now().plus(7, ChronoUnit.DAYS), "Herhaald schelden");
        assertThatThrownBy(() -> moderation.suspend(admin.id(), Instant.now().plus(1, ChronoUnit.DAYS), "x"))
                .hasMessageContaining("error.suspend.admin");
        assertThatThrownBy(() -> moderation.suspend(troll.id(), Instant.now().minusSeconds(60), "x"))
                .hasMessageContaining("error.suspend.until");
        login(troll);
        assertThatThrownBy(() -> votes.vote(idea, VoteChoice.AGREE)).hasMessageContaining("error.suspended");
        assertThatThrownBy(() -> reactions.post(idea, null, "Hallo")).hasMessageContaining("error.suspended");
        assertThatThrownBy(() -> ideas.post(
                        c,
                        new IdeaService.IdeaForm(
                                "Een nieuw idee", "Met een beschrijving erbij.", null, null, AmountKind.SAVING, null)))
                .hasMessageContaining("error.suspended");
        assertThatThrownBy(() -> moderation.flag(new Target(TargetType.IDEA, idea), FlagReason.SPAM, null))
                .hasMessageContaining("error.suspended");
        assertThat(ideas.find(idea)).isPresent();
    }

    @Test
    void rateLimitsStopFloodsAndRepeatedPosts() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        loginNew();
        for (int i = 0; i < 5; i++) {
            ideas.post(
                    c,
                    new IdeaService.IdeaForm(
                            "Idee nummer " + i + " van mij",
                            "Een beschrijving met genoeg tekst.",
                            null,
                            null,
                            null,
                            null));
        }
        assertThatThrownBy(() -> ideas.post(
                        c,
                        new IdeaService.IdeaForm(
                                "Nog een idee van mij", "Een beschrijving met genoeg tekst.", null, null, null, null)))
                .hasMessageContaining("error.rate-limited");
        reactions.post(idea, null, "Precies dezelfde tekst");
        assertThatThrownBy(() -> reactions.post(idea, null, "Precies dezelfde tekst"))
                .hasMessageContaining("error.reaction.duplicate");
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            if (rateLimits.tryConsume(RateLimits.Action.LOGIN, "user:test@example.org")) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void guidelinesAreEditableByAdminsOnly() {
        assertThat(moderation.guidelines()).contains("Blijf vriendelijk");
        loginNew(Role.MODERATOR);
        assertThatThrownBy(() -> moderation.updateGuidelines("Nieuw")).isInstanceOf(AccessDeniedException.class);
        loginNew(Role.ADMIN);
        assertThatThrownBy(() -> moderation.updateGuidelines(" ")).hasMessageContaining("error.guidelines.length");
        String original = moderation.guidelines();
        moderation.updateGuidelines("**Wees aardig.**");
        assertThat(moderation.guidelines()).isEqualTo("**Wees aardig.**");
        moderation.updateGuidelines(original);
    }

    @Test
    void mergingMovesVotesAndFollowersWithoutDoubleVotes() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long kept = data.idea(c, author, "Lantaarns dimmen", "Straatverlichting 's nachts dimmen.");
        long duplicate = data.idea(c, author, "Straatlampen zachter", "Straatlampen na middernacht zachter zetten.");
        TestData.User both = data.user();
        TestData.User onlyDuplicate = data.user();
        votes.voteAs(both.id(), kept, VoteChoice.AGREE);
        votes.voteAs(both.id(), duplicate, VoteChoice.DISAGREE);
        votes.voteAs(onlyDuplicate.id(), duplicate, VoteChoice.AGREE);
        login(onlyDuplicate);
        notifications.followIdea(duplicate, true);

        loginNew(Role.MODERATOR);
        assertThatThrownBy(() -> moderation.merge(kept, kept, "dubbel")).hasMessageContaining("error.merge.self");
        long other = data.idea(data.openConsultation(), author);
        assertThatThrownBy(() -> moderation.merge(duplicate, other, "dubbel"))
                .hasMessageContaining("error.merge.other-consultation");
        moderation.merge(duplicate, kept, "Zelfde idee");

        IdeaService.IdeaSummary k = ideas.find(kept).orElseThrow();
        // "both" keeps their vote on the kept idea; the other voter's vote moves.
        assertThat(k.agree()).isEqualTo(2);
        assertThat(k.disagree()).isZero();
        assertThat(votes.countFor(kept)).isEqualTo(2);
        assertThat(votes.countFor(duplicate)).isZero();
        IdeaService.IdeaSummary d = ideas.find(duplicate).orElseThrow();
        assertThat(d.hidden()).isTrue();
        assertThat(d.mergedInto()).isEqualTo(kept);
        login(onlyDuplicate);
        assertThat(notifications.followsIdea(kept)).isTrue();
        assertThat(notifications.followsIdea(duplicate)).isFalse();
    }

    @Test
    void preModeratedContributionsWaitForApprovalAndOnlyTheAuthorSeesThem() {
        long c = data.preModeratedConsultation();
        TestData.User author = loginNew();
        long idea = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "Meer bankjes langs de Aa",
                        "Bankjes om uit te rusten tijdens het wandelen.",
                        null,
                        null,
                        null,
                        null));
        assertThat(ideas.count(c)).isZero();
        assertThat(ideas.find(idea).orElseThrow().hidden()).isTrue();
        loginNew(Role.MODERATOR);
        assertThat(moderation.queue(0, 100))
                .anyMatch(q -> q.target().equals(new Target(TargetType.IDEA, idea))
                        && q.reasons().contains(FlagReason.AWAITS_APPROVAL));
        moderation.keep(List.of(new Target(TargetType.IDEA, idea)));
        assertThat(ideas.count(c)).isEqualTo(1);

        login(author);
        long reaction = reactions.post(idea, null, "Vooral bij de brug graag.");
        assertThat(reactions.thread(idea, 0, 10).getFirst().body()).isEqualTo("Vooral bij de brug graag.");
        loginNew();
        assertThat(reactions.thread(idea, 0, 10).getFirst().body()).isEmpty();
        assertThat(reactions.thread(idea, 0, 10).getFirst().hiddenReason()).isEqualTo(IdeaService.PENDING);
        assertThat(reaction).isPositive();
    }

    @Test
    void newAccountsMayPostOnlyOneLink() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        loginNew();
        assertThatThrownBy(() -> reactions.post(idea, null, "Kijk op https://a.example en www.b.example"))
                .hasMessageContaining("error.links.new-account");
        reactions.post(idea, null, "Meer info: https://www.helmond.nl/begroting");
        assertThat(reactions.countTopLevel(idea)).isEqualTo(1);
    }
}

package org.inspraak.reaction;

import java.time.Instant;
import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.idea.IdeaService;
import org.inspraak.moderation.ModerationService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReactionServiceTest extends IntegrationTest {

    @Autowired
    ReactionService reactions;

    @Autowired
    IdeaService ideas;

    @Autowired
    ModerationService moderation;

    @Test
    void threadsKeepOrderDepthAndOfficialAnswers() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User resident = loginNew();
        long first = reactions.post(idea, null, "Goed idee!");
        long reply = reactions.post(idea, first, "Helemaal mee eens.");
        long deeper = reactions.post(idea, reply, "Ik niet.");
        long deepest = reactions.post(idea, deeper, "Waarom niet?");
        loginNew(Role.MODERATOR);
        long official = reactions.post(idea, first, "De gemeente onderzoekt dit.");

        List<ReactionService.ReactionView> thread = reactions.thread(idea, 0, 25);
        assertThat(thread)
                .extracting(ReactionService.ReactionView::id)
                .containsExactly(first, reply, deeper, deepest, official);
        assertThat(thread).extracting(ReactionService.ReactionView::depth).containsExactly(0, 1, 2, 2, 1);
        assertThat(thread.get(4).official()).isTrue();
        assertThat(thread.get(0).official()).isFalse();
        assertThat(thread.get(0).authorName()).isEqualTo(resident.name());
        assertThat(ideas.find(idea).orElseThrow().reactions()).isEqualTo(5);
    }

    @Test
    void deletingLeavesAStubAndOnlyTheAuthorMayDelete() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User author = loginNew();
        long r = reactions.post(idea, null, "Dit wil ik terugnemen.");
        long reply = reactions.post(idea, r, "Antwoord blijft staan.");
        loginNew();
        assertThatThrownBy(() -> reactions.deleteOwn(r)).hasMessageContaining("error.forbidden");
        assertThatThrownBy(() -> reactions.edit(r, "gekaapt")).hasMessageContaining("error.forbidden");
        login(author);
        reactions.deleteOwn(r);
        List<ReactionService.ReactionView> thread = reactions.thread(idea, 0, 25);
        assertThat(thread).extracting(ReactionService.ReactionView::id).containsExactly(r, reply);
        assertThat(thread.getFirst().deleted()).isTrue();
        assertThat(thread.getFirst().body()).isEmpty();
    }

    @Test
    void badReactionsAreRefused() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        long otherIdea = data.idea(c, data.user());
        loginNew();
        long r = reactions.post(otherIdea, null, "Op een ander idee.");
        assertThatThrownBy(() -> reactions.post(idea, null, "   ")).hasMessageContaining("error.reaction.empty");
        assertThatThrownBy(() -> reactions.post(idea, null, "x".repeat(5001)))
                .hasMessageContaining("error.reaction.long");
        assertThatThrownBy(() -> reactions.post(idea, r, "Antwoord op verkeerd idee"))
                .hasMessageContaining("error.not-found");
        long closed = data.closedConsultation();
        long oldIdea = data.idea(closed, data.user());
        assertThatThrownBy(() -> reactions.post(oldIdea, null, "Te laat"))
                .hasMessageContaining("error.reaction.phase-closed");
        assertThat(reactions.countTopLevel(idea)).isZero();
    }

    @Test
    void aLongThreadIsPaged() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User u = data.user();
        for (int i = 0; i < 60; i++) {
            reactions.postAs(
                    u.id(), false, idea, null, "Reactie " + i, Instant.now().plusSeconds(i));
        }
        assertThat(reactions.countTopLevel(idea)).isEqualTo(60);
        assertThat(reactions.thread(idea, 0, 25))
                .hasSize(25)
                .first()
                .extracting(ReactionService.ReactionView::body)
                .isEqualTo("Reactie 0");
        assertThat(reactions.thread(idea, 50, 25)).hasSize(10);
    }

    /** Red-team finding 12: a locked idea stops residents' reactions, not the municipality's answer. */
    @Test
    void aLockedIdeaStillTakesTheMunicipalitysAnswer() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        loginNew(Role.MODERATOR);
        moderation.lock(idea, true, "Het gesprek loopt uit de hand");
        loginNew();
        assertThatThrownBy(() -> reactions.post(idea, null, "Nog een reactie"))
                .hasMessageContaining("error.idea.locked");
        loginNew(Role.MODERATOR);
        long answer = reactions.post(idea, null, "De gemeente antwoordt: dit wordt in januari besproken.");
        assertThat(reactions.thread(idea, 0, 10)).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(answer);
            assertThat(r.official()).isTrue();
        });
    }
}

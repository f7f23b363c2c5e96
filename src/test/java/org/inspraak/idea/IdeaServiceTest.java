package org.inspraak.idea;

import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdeaServiceTest extends IntegrationTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    VoteService votes;

    @Autowired
    ConsultationService consultations;

    private IdeaService.IdeaForm form(String title, String description) {
        return new IdeaService.IdeaForm(title, description, null, null, AmountKind.SAVING, 5000L);
    }

    @Test
    void aResidentPostsAnIdeaInTheIdeasPhase() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long theme = consultations.themes(c).getFirst().id();
        long id = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "  Minder maaien in de berm  ",
                        "Twee keer per jaar maaien is genoeg.",
                        theme,
                        null,
                        AmountKind.SAVING,
                        150_000L));
        IdeaService.IdeaSummary s = ideas.find(id).orElseThrow();
        assertThat(s.title()).isEqualTo("Minder maaien in de berm");
        assertThat(s.themeName()).isEqualTo("Groen");
        assertThat(s.authorName()).isEqualTo(author.name());
        assertThat(s.status()).isEqualTo(IdeaStatus.SUBMITTED);
        assertThat(ideas.timeline(id))
                .extracting(IdeaService.StatusStep::status)
                .containsExactly(IdeaStatus.SUBMITTED);
        assertThat(ideas.canEdit(id)).isTrue();
    }

    @Test
    void badIdeasAreRefusedAndNothingIsStored() {
        long c = data.openConsultation();
        loginNew();
        long before = ideas.count(c);
        assertThatThrownBy(() -> ideas.post(c, form("", "Een goede beschrijving")))
                .hasMessageContaining("error.idea.title-short");
        assertThatThrownBy(() -> ideas.post(c, form("x".repeat(121), "Een goede beschrijving")))
                .hasMessageContaining("error.idea.title-long");
        assertThatThrownBy(() -> ideas.post(c, form("Goede titel", "kort")))
                .hasMessageContaining("error.idea.description-short");
        assertThatThrownBy(() -> ideas.post(c, form("Goede titel", "x".repeat(5001))))
                .hasMessageContaining("error.idea.description-long");
        assertThatThrownBy(() -> ideas.post(
                        c,
                        new IdeaService.IdeaForm(
                                "Goede titel", "Een goede beschrijving", null, null, AmountKind.COST, -5L)))
                .hasMessageContaining("error.amount.range");
        assertThatThrownBy(() -> ideas.post(
                        c,
                        new IdeaService.IdeaForm(
                                "Goede titel", "Een goede beschrijving", null, null, AmountKind.COST, 5_000_000_000L)))
                .hasMessageContaining("error.amount.range");
        assertThatThrownBy(() -> ideas.post(c, form("Goede titel\u202E", "Een goede beschrijving")))
                .hasMessageContaining("error.text.control-characters");
        long otherConsultation = data.openConsultation();
        long foreignTheme = consultations.themes(otherConsultation).getFirst().id();
        assertThatThrownBy(() -> ideas.post(
                        c,
                        new IdeaService.IdeaForm(
                                "Goede titel", "Een goede beschrijving", foreignTheme, null, null, null)))
                .hasMessageContaining("error.idea.theme-unknown");
        assertThat(ideas.count(c)).isEqualTo(before);
    }

    @Test
    void postingOutsideTheIdeasPhaseOrWithoutAccountIsRefused() {
        long closed = data.closedConsultation();
        loginNew();
        assertThatThrownBy(() -> ideas.post(closed, form("Goede titel", "Een goede beschrijving")))
                .hasMessageContaining("error.idea.phase-closed");
        loginNew(Role.COUNCIL_MEMBER);
        long open = data.openConsultation();
        assertThatThrownBy(() -> ideas.post(open, form("Goede titel", "Een goede beschrijving")))
                .hasMessageContaining("error.forbidden");
    }

    @Test
    void onlyTheAuthorEditsAndOnlyUntilTheFirstReaction() {
        long c = data.openConsultation();
        TestData.User author = loginNew();
        long id = ideas.post(c, form("Oorspronkelijke titel", "Een goede beschrijving"));
        ideas.edit(id, form("Verbeterde titel", "Een betere beschrijving"));
        assertThat(ideas.find(id).orElseThrow().title()).isEqualTo("Verbeterde titel");
        loginNew();
        assertThatThrownBy(() -> ideas.edit(id, form("Gekaapte titel", "Een goede beschrijving")))
                .hasMessageContaining("error.forbidden");
        ideas.applyReactionDelta(id, 1);
        login(author);
        assertThatThrownBy(() -> ideas.edit(id, form("Nog een titel", "Een goede beschrijving")))
                .hasMessageContaining("error.idea.edit-window");
    }

    @Test
    void statusChangesNeedStaffAndAReasonWhenNotSelected() {
        long c = data.openConsultation();
        long id = data.idea(c, data.user());
        loginNew();
        assertThatThrownBy(() -> ideas.setStatus(id, IdeaStatus.SELECTED, "ok"))
                .hasMessageContaining("error.forbidden");
        loginNew(Role.MODERATOR);
        assertThatThrownBy(() -> ideas.setStatus(id, IdeaStatus.NOT_SELECTED, " "))
                .hasMessageContaining("error.status.reason-required");
        ideas.setStatus(id, IdeaStatus.NOT_SELECTED, "Past niet binnen de wet.");
        assertThat(ideas.timeline(id))
                .extracting(IdeaService.StatusStep::status)
                .containsExactly(IdeaStatus.SUBMITTED, IdeaStatus.NOT_SELECTED);
        assertThat(ideas.timeline(id).getLast().explanation()).isEqualTo("Past niet binnen de wet.");
    }

    @Test
    void sortOrdersUseTheVotes() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long popular = data.idea(c, author);
        long divisive = data.idea(c, author);
        long unknown = data.idea(c, author);
        for (int i = 0; i < 10; i++) {
            TestData.User voter = data.user();
            votes.voteAs(voter.id(), popular, i < 9 ? VoteChoice.AGREE : VoteChoice.DISAGREE);
            votes.voteAs(voter.id(), divisive, i % 2 == 0 ? VoteChoice.AGREE : VoteChoice.DISAGREE);
        }
        votes.catchUpCounts();
        List<Long> bySupport = ideas.list(c, IdeaSort.MOST_SUPPORT, 0, 0, 10).stream()
                .map(IdeaService.IdeaSummary::id)
                .toList();
        assertThat(bySupport).containsExactly(popular, divisive, unknown);
        assertThat(ideas.list(c, IdeaSort.MOST_DIVIDED, 0, 0, 1).getFirst().id())
                .isEqualTo(divisive);
        assertThat(ideas.list(c, IdeaSort.NEWEST, 0, 0, 1).getFirst().id()).isEqualTo(unknown);
        List<Long> shuffledA = ideas.list(c, IdeaSort.RANDOM, 42, 0, 10).stream()
                .map(IdeaService.IdeaSummary::id)
                .toList();
        List<Long> shuffledB = ideas.list(c, IdeaSort.RANDOM, 42, 0, 10).stream()
                .map(IdeaService.IdeaSummary::id)
                .toList();
        assertThat(shuffledA).isEqualTo(shuffledB).containsExactlyInAnyOrder(popular, divisive, unknown);
        // Paging returns disjoint slices.
        assertThat(ideas.list(c, IdeaSort.NEWEST, 0, 2, 2))
                .extracting(IdeaService.IdeaSummary::id)
                .containsExactly(popular);
    }
}

package org.inspraak.account;

import java.util.List;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataServiceTest extends IntegrationTest {

    @Autowired
    PersonalDataService personalData;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Autowired
    IdeaService ideas;

    @Autowired
    ReactionService reactions;

    @Autowired
    VoteService votes;

    @Autowired
    AuthenticationConfiguration auth;

    @Test
    void theExportContainsEverythingAboutThePerson() {
        long c = data.openConsultation();
        TestData.User me = loginNew();
        long idea = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "Mijn eigen idee", "Met een eigen beschrijving erbij.", null, null, null, null));
        long other = data.idea(c, data.user());
        reactions.post(other, null, "Mijn reactie hierop");
        votes.vote(other, VoteChoice.DISAGREE);
        String json = personalData.exportMine();
        assertThat(json)
                .contains(me.email())
                .contains("Mijn eigen idee")
                .contains("Mijn reactie hierop")
                .contains("\"choice\" : \"DISAGREE\"")
                .contains("\"id\" : " + idea);
    }

    @Test
    void deletionAnonymisesButKeepsContributionsAndVoteCounts() throws Exception {
        long c = data.openConsultation();
        TestData.User me = loginNew();
        accounts.updateProfile(new AccountService.Profile(me.name(), 1985, null, EmailPreference.INSTANT, "nl"));
        long idea = ideas.post(
                c,
                new IdeaService.IdeaForm(
                        "Idee dat blijft", "Deze tekst blijft na verwijderen staan.", null, null, null, null));
        long other = data.idea(c, data.user());
        reactions.post(other, null, "Reactie die blijft");
        votes.vote(other, VoteChoice.AGREE);

        personalData.deleteMyAccount();

        UserAccount gone = users.findById(me.id()).orElseThrow();
        assertThat(gone.getEmail()).doesNotContain(me.email()).endsWith("@example.invalid");
        assertThat(gone.getDisplayName()).isEqualTo(AccountService.FORMER_PARTICIPANT);
        assertThat(gone.getBirthYear()).isNull();
        assertThat(ideas.find(idea).orElseThrow().authorName()).isEqualTo(AccountService.FORMER_PARTICIPANT);
        assertThat(reactions.thread(other, 0, 10).getFirst().body()).isEqualTo("Reactie die blijft");
        // Still counted, no longer linked to the person.
        votes.catchUpCounts();
        assertThat(ideas.find(other).orElseThrow().agree()).isEqualTo(1);
        assertThat(votes.exportFor(me.id())).isEmpty();
        assertThatThrownBy(() -> auth.getAuthenticationManager()
                        .authenticate(new UsernamePasswordAuthenticationToken(me.email(), TestData.PASSWORD)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(List.of(DisabledException.class)).isNotEmpty();
    }

    @Test
    void adminsCannotDeleteThemselves() {
        loginNew(Role.ADMIN);
        assertThatThrownBy(() -> personalData.deleteMyAccount()).hasMessageContaining("error.account.delete-admin");
    }
}

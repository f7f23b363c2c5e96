package org.inspraak.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.inspraak.vote.VoteChoice;
import org.inspraak.vote.VoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    BudgetService budget;

    @Autowired
    ConsultationService consultations;

    @Autowired
    JdbcTemplate jdbc;

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

    /** Red-team finding 12: the budget ballot is in the export and is unlinked from the person on deletion. */
    @Test
    void theBallotIsExportedAndUnlinkedOnDeletion() {
        LocalDate today = LocalDate.now();
        long c = consultations.createUnchecked(new ConsultationService.ConsultationForm(
                "Begroting " + TestData.next(),
                "Kies mee",
                "",
                BudgetKind.SPENDING_BUDGET,
                5_000L,
                today.minusDays(20),
                today.minusDays(1),
                today.plusDays(10),
                today.plusDays(20),
                List.of("Groen"),
                Set.of(),
                List.of(),
                false));
        long idea = data.idea(c, data.user());
        login(data.user(Role.ADMIN));
        budget.setItem(c, idea, 1_000L);
        long item = budget.setup(c).items().getFirst().id();
        TestData.User me = loginNew();
        budget.cast(c, List.of(item));
        assertThat(personalData.exportMine()).contains("\"ballots\"").contains("\"ideaIds\" : [ " + idea + " ]");

        personalData.deleteMyAccount();
        assertThat(jdbc.queryForObject("select count(*) from ballot where user_id = ?", Long.class, me.id()))
                .isZero();
        assertThat(budget.ballotCount(c)).isEqualTo(1);
    }
}

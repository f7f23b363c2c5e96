package org.inspraak.demo;

import java.util.List;

import org.inspraak.account.AccountService;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaSort;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting on an empty database in the default mode seeds the demo municipality. */
@SpringBootTest(properties = "inspraak.demo-data=true")
@ActiveProfiles("test")
class DemoDataTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    IdeaService ideas;

    @Autowired
    AuthenticationConfiguration auth;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void demoDataIsConsistentInTime() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from reaction r join idea i on i.id = r.idea_id where r.created_at < i.created_at",
                        Long.class))
                .as("reactions dated before their idea")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from reaction c join reaction p on p.id = c.parent_id where c.created_at < p.created_at",
                        Long.class))
                .as("replies dated before what they answer")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from vote v join idea i on i.id = v.idea_id where v.created_at < i.created_at",
                        Long.class))
                .as("votes dated before their idea")
                .isZero();
        // Spread over the conversation's weeks, not all on the day the demo was seeded.
        assertThat(jdbc.queryForObject(
                        "select count(distinct cast(v.created_at as date)) from vote v join idea i on i.id = v.idea_id "
                                + "where i.consultation_id = 1",
                        Long.class))
                .isGreaterThan(10);
    }

    @Test
    void demoStadsgesprekHasRealisticContentAndTheDemoAccountsLogIn() throws Exception {
        var home = consultations.forHome(0, 10);
        assertThat(home).isNotEmpty();
        var stadsgesprek = home.getFirst();
        assertThat(stadsgesprek.title()).contains("bezuinigen");
        assertThat(stadsgesprek.phase().acceptsIdeas()).isTrue();
        assertThat(ideas.count(stadsgesprek.id())).isGreaterThanOrEqualTo(40);
        List<IdeaService.IdeaSummary> top = ideas.list(stadsgesprek.id(), IdeaSort.MOST_SUPPORT, 0, 0, 50);
        assertThat(top.stream().mapToInt(IdeaService.IdeaSummary::votes).sum()).isGreaterThan(500);
        assertThat(top.stream().mapToInt(IdeaService.IdeaSummary::reactions).sum())
                .isGreaterThan(20);
        assertThat(top.stream()
                        .map(IdeaService.IdeaSummary::themeName)
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(5);
        assertThat(consultations.themes(stadsgesprek.id())).hasSizeGreaterThanOrEqualTo(5);

        AuthenticationManager manager = auth.getAuthenticationManager();
        for (String email : DemoData.DEMO_ACCOUNTS) {
            assertThat(manager.authenticate(new UsernamePasswordAuthenticationToken(email, DemoData.PASSWORD))
                            .isAuthenticated())
                    .isTrue();
        }
    }

    @Test
    void productionRefusesToStartWhileDemoAccountsExist() {
        AccountService accounts = Mockito.mock(AccountService.class);
        Mockito.when(accounts.demoAccountsExist()).thenReturn(true);
        assertThatThrownBy(() -> new ProductionGuard(accounts).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo");
        Mockito.when(accounts.demoAccountsExist()).thenReturn(false);
        new ProductionGuard(accounts).run(null);
    }
}

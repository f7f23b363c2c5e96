package org.inspraak.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v23.VirtualListsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.virtuallist.VirtualList;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.budget.BudgetService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loop closes: a consultation's outcome, written by staff, read by everyone, with the ballot's results. */
class OutcomeViewsTest extends KaribuTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    OutcomeService outcomes;

    @Autowired
    BudgetService budget;

    @Autowired
    IdeaService ideas;

    private ConsultationForm form(
            String title, LocalDate ideas, LocalDate voting, LocalDate summarising, LocalDate closed) {
        return new ConsultationForm(
                title,
                "Welke speelplek knappen we op?",
                "",
                BudgetKind.SPENDING_BUDGET,
                100_000L,
                ideas,
                voting,
                summarising,
                closed,
                List.of(),
                Set.of(),
                List.of(),
                false);
    }

    @Test
    void staffPublishAnOutcomeThatAnonymousVisitorsReadWithTheBallotResults() {
        LocalDate today = LocalDate.now();
        String title = "Speelplekken " + TestData.next();
        long c = consultations.createUnchecked(
                form(title, today.minusDays(20), today.minusDays(1), today.plusDays(10), today.plusDays(20)));
        long swings = data.idea(c, data.user(), "Nieuwe schommels in het park", "De schommels zijn kapot en oud.");
        long shade = data.idea(c, data.user(), "Schaduwdoek boven de zandbak", "In de zomer is het daar te heet.");
        TestData.User admin = login(data.user(Role.ADMIN));
        budget.setItem(c, swings, 30_000L);
        budget.setItem(c, shade, 20_000L);
        List<Long> items =
                budget.setup(c).items().stream().map(BudgetService.Item::id).toList();
        for (int i = 0; i < 3; i++) {
            login(data.user());
            budget.cast(c, i == 0 ? items : List.of(items.getFirst()));
        }
        login(admin);
        consultations.update(
                c, form(title, today.minusDays(40), today.minusDays(30), today.minusDays(20), today.minusDays(5)));

        // Before publication: the page says what is coming, and shows what is known; never an empty page.
        data.logout();
        navigate("gesprekken/" + c + "/uitkomst");
        assertThat(_get(Paragraph.class, s -> s.withId("outcome-pending")).getText())
                .contains("De gemeente werkt aan de uitkomst");
        assertThat(pageHtml())
                .contains("3 inwoners stelden een begroting samen")
                .doesNotContain("outcome-text");
        navigate("gesprekken/" + c);
        assertThat(_get(Anchor.class, s -> s.withId("outcome-link")).getHref()).endsWith("/uitkomst");
        _assertNone(Anchor.class, s -> s.withText("Stel uw eigen begroting samen"));

        // Staff write it in the editor and decide on an idea; residents may not.
        login(data.user());
        assertThatThrownBy(() -> outcomes.save(c, "Een besluit dat lang genoeg is om te bewaren.", List.of()))
                .hasMessageContaining("error.forbidden");
        login(data.user(Role.MODERATOR));
        navigate("gesprekken/" + c + "/uitkomst/bewerken");
        _setValue(_get(TextArea.class, s -> s.withId("outcome-text-field")), "Te kort");
        _click(_get(Button.class, s -> s.withId("outcome-save")));
        assertThat(pageHtml()).contains("Schrijf in minstens 20 tekens wat de gemeente heeft besloten.");
        _setValue(
                _get(TextArea.class, s -> s.withId("outcome-text-field")),
                "De gemeente vervangt de schommels dit voorjaar. Het schaduwdoek komt er niet.");
        _click(_get(Button.class, s -> s.withId("outcome-step-add")));
        _click(_get(Button.class, s -> s.withId("outcome-save")));
        assertThat(pageHtml()).contains("Geef bij elke vervolgstap een datum.");
        assertThat(outcomes.published(c)).isEmpty();
        outcomes.save(
                c,
                "De gemeente vervangt de schommels dit voorjaar. Het schaduwdoek komt er niet.",
                List.of(new OutcomeService.NextStep(today.plusDays(30), "Nieuwe schommels geplaatst")));
        ideas.setStatus(swings, IdeaStatus.SELECTED, "De schommels waren het meest gekozen.", "Openbare Ruimte", null);
        ideas.setStatus(shade, IdeaStatus.NOT_SELECTED, "Een doek vraagt te veel onderhoud.", null, null);
        navigate("gesprekken/" + c + "/uitkomst");
        assertThat(_get(Paragraph.class, s -> s.withId("outcome-draft-banner"))).isNotNull();
        data.logout();
        navigate("gesprekken/" + c + "/uitkomst");
        assertThat(pageHtml()).doesNotContain("De gemeente vervangt de schommels");

        login(data.user(Role.ADMIN));
        outcomes.publish(c);
        data.logout();
        navigate("gesprekken/" + c + "/uitkomst");
        assertThat(_get(H1.class).getText()).isEqualTo("Uitkomst: " + title);
        String page = pageHtml();
        assertThat(page)
                .contains("De gemeente vervangt de schommels dit voorjaar.")
                .contains("Nieuwe schommels geplaatst")
                .contains("Gekozen")
                .contains("De schommels waren het meest gekozen.")
                .contains("Uitvoering: Openbare Ruimte")
                .contains("Niet gekozen")
                .contains("3 inwoners stelden een begroting samen")
                .contains("wa.me")
                .doesNotContain("outcome-draft-banner");
        navigate("");
        VirtualList<?> home = _get(VirtualList.class, s -> s.withClasses("consultation-list"));
        assertThat(VirtualListsKt._findAll(home).toString())
                .contains("title=" + title + ",")
                .contains("outcomePublished=true");
    }

    @Test
    void anOutcomeWaitsUntilVotingIsOverAndTheBallotLinkOnlyLeadsIntoAnOpenPhase() {
        LocalDate today = LocalDate.now();
        long c = consultations.createUnchecked(form(
                "Open gesprek " + TestData.next(),
                today.minusDays(2),
                today.plusDays(5),
                today.plusDays(10),
                today.plusDays(20)));
        login(data.user(Role.MODERATOR));
        assertThatThrownBy(() -> outcomes.save(c, "Een besluit dat lang genoeg is om te bewaren.", List.of()))
                .hasMessageContaining("error.outcome.too-early");
        assertThatThrownBy(() -> outcomes.publish(c)).hasMessageContaining("error.outcome.too-early");
        data.logout();
        navigate("gesprekken/" + c);
        _assertNone(Anchor.class, s -> s.withText("Stel uw eigen begroting samen"));
        assertThat(pageHtml()).contains("stelt u hier uw eigen begroting samen");
        _assertNone(Anchor.class, s -> s.withId("outcome-link"));
        navigate("gesprekken/" + c + "/uitkomst");
        assertThat(_get(Paragraph.class, s -> s.withId("outcome-pending")).getText())
                .contains("loopt nog tot");
    }
}

package org.inspraak.budget.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.budget.BudgetService;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.goal.GoalMetric;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The ballot, content calendar and evaluation views, browserless. */
class BallotCalendarEvaluationViewsTest extends KaribuTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    IdeaService ideas;

    @Autowired
    BudgetService budget;

    @Autowired
    ContentCalendarService calendar;

    @Autowired
    Clock clock;

    private long votingConsultation(List<Long> itemsOut) {
        LocalDate today = LocalDate.now(clock);
        long c = consultations.createUnchecked(new ConsultationService.ConsultationForm(
                "Begroting " + TestData.next(),
                "Kies mee",
                "",
                BudgetKind.SAVINGS_TARGET,
                1_000L,
                today.minusDays(10),
                today.minusDays(1),
                today.plusDays(10),
                today.plusDays(20),
                List.of("Groen"),
                Set.of(),
                List.of(),
                false));
        TestData.User author = data.user();
        login(data.user(Role.ADMIN));
        for (long a : new long[] {600, 500, 300}) {
            long idea = ideas.postAs(
                    author.id(),
                    c,
                    new IdeaService.IdeaForm("Maatregel " + a, "Een maatregel.", null, null, AmountKind.SAVING, a),
                    Instant.now(clock));
            budget.setItem(c, idea, a == 300 ? 350 : a);
        }
        budget.setup(c).items().forEach(i -> itemsOut.add(i.id()));
        return c;
    }

    @Test
    void aResidentComposesAValidPackageWithARunningTotal() {
        List<Long> it = new ArrayList<>();
        long c = votingConsultation(it);
        login(data.user());
        navigate("gesprekken/" + c + "/begroting");
        assertThat(pageHtml()).contains("Bedrag gecorrigeerd door de gemeente");
        _setValue(_get(Checkbox.class, s -> s.withId("ballot-item-" + it.get(0))), true);
        assertThat(_get(Span.class, s -> s.withId("ballot-total")).getText())
                .contains("600")
                .contains("1.000");
        assertThat(_get(Paragraph.class, s -> s.withId("ballot-status")).getText())
                .startsWith("U bespaart nog");
        _click(_get(Button.class, s -> s.withId("ballot-save")));
        assertThat(pageHtml()).contains("U bespaart nog");
        assertThat(budget.myBallot(c)).isEmpty();
        _setValue(_get(Checkbox.class, s -> s.withId("ballot-item-" + it.get(1))), true);
        assertThat(_get(Paragraph.class, s -> s.withId("ballot-status")).getText())
                .isEqualTo("Uw keuze klopt. Sla haar op.");
        _click(_get(Button.class, s -> s.withId("ballot-save")));
        assertThat(budget.myBallot(c)).containsExactlyInAnyOrder(it.get(0), it.get(1));

        login(data.user(Role.COUNCIL_MEMBER));
        navigate("gesprekken/" + c + "/begroting");
        assertThat(pageHtml()).contains("Uitslag", "1 inwoner stelde een begroting samen", "role=\"img\"");
    }

    /**
     * A real week: seven days, each with its updates rendered as residents will read them; what needs attention
     * said once above the grid, and marked in its day. A month is a grid of its days.
     */
    @Test
    void theCalendarIsAWeekAndMonthGridWithOneSummaryLine() {
        long c = data.openConsultation();
        login(data.user(Role.MODERATOR));
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        LocalDateTime first =
                LocalDateTime.now(zone).plusMinutes(30).withSecond(0).withNano(0);
        for (int i = 0; i < 3; i++) {
            calendar.plan(
                    c,
                    new ContentCalendarService.UpdateForm(
                            "**Let op:** inloopavond nummer " + i,
                            List.of(),
                            first.plusMinutes(5L * i).atZone(zone).toInstant(),
                            null,
                            null,
                            null));
        }
        navigate("gesprekken/" + c + "/agenda");
        LocalDate monday = LocalDate.now(zone).with(java.time.DayOfWeek.MONDAY);
        if (!first.toLocalDate().with(java.time.DayOfWeek.MONDAY).equals(monday)) {
            _click(_get(Button.class, s -> s.withText("Volgende")));
        }
        assertThat(_find(Div.class, s -> s.withClasses("calendar-day"))).hasSize(7);
        List<Paragraph> summary = _find(Paragraph.class, s -> s.withClasses("calendar-summary"));
        assertThat(summary).hasSize(1);
        assertThat(summary.getFirst().getText())
                .contains("Op 1 moment staan meer dan twee berichten binnen een kwartier");
        assertThat(_find(Span.class, s -> s.withClasses("calendar-crowded"))).hasSize(1);
        assertThat(pageHtml()).contains("<strong>Let op:</strong> inloopavond nummer 2");

        _setValue(_get(RadioButtonGroup.class), "month");
        LocalDate shown = LocalDate.now(zone);
        if (!first.toLocalDate().with(java.time.DayOfWeek.MONDAY).equals(monday)) {
            shown = shown.plusWeeks(1);
        }
        assertThat(_find(Div.class, s -> s.withClasses("calendar-day"))).hasSize(shown.lengthOfMonth());
    }

    @Test
    void staffPlanAnUpdateAndSeeTheWeek() {
        long c = data.openConsultation();
        login(data.user(Role.MODERATOR));
        navigate("gesprekken/" + c + "/agenda");
        _setValue(_get(TextArea.class, s -> s.withId("update-body")), "Vanavond om 20.00 uur een livestream.");
        _setValue(
                _get(DateTimePicker.class, s -> s.withId("update-when")),
                LocalDateTime.now(ZoneId.of("Europe/Amsterdam"))
                        .plusHours(2)
                        .withSecond(0)
                        .withNano(0));
        _click(_get(Button.class, s -> s.withId("update-save")));
        assertThat(pageHtml()).contains("Ingepland.", "Vanavond om 20.00 uur een livestream.");
        assertThat(calendar.planned(
                        c,
                        LocalDate.now(clock).minusDays(1),
                        LocalDate.now(clock).plusDays(2)))
                .hasSize(1);

        _setValue(_get(TextArea.class, s -> s.withId("update-body")), "Te laat");
        _setValue(
                _get(DateTimePicker.class, s -> s.withId("update-when")),
                LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).minusDays(1));
        _click(_get(Button.class, s -> s.withId("update-save")));
        assertThat(pageHtml()).contains("Dit tijdstip ligt in het verleden");
    }

    @Test
    void goalsShowProgressAndVerdicts() {
        long c = data.openConsultation();
        data.idea(c, data.user());
        login(data.user(Role.MODERATOR));
        navigate("gesprekken/" + c + "/evaluatie");
        assertThat(pageHtml()).contains("Er zijn nog geen doelen gesteld.");
        @SuppressWarnings("unchecked")
        Select<GoalMetric> metric = _get(Select.class, s -> s.withId("goal-metric"));
        _setValue(metric, GoalMetric.IDEAS);
        _setValue(_get(BigDecimalField.class, s -> s.withId("goal-target")), new BigDecimal("1"));
        _click(_get(Button.class, s -> s.withId("goal-add")));
        @SuppressWarnings("unchecked")
        Select<GoalMetric> metricAgain = _get(Select.class, s -> s.withId("goal-metric"));
        _setValue(metricAgain, GoalMetric.SHARE_UNDER_35);
        _setValue(_get(BigDecimalField.class, s -> s.withId("goal-target")), new BigDecimal("150"));
        _click(_get(Button.class, s -> s.withId("goal-add")));
        String html = pageHtml();
        for (String expected : List.of(
                "Deze streefwaarde is onhaalbaar",
                "Ideeën: nu 1, doel 1",
                "gehaald",
                "Evaluatierapport (PDF)",
                "role=\"img\"")) {
            assertThat(html).as(expected).contains(expected);
        }
    }
}

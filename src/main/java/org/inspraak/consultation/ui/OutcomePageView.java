package org.inspraak.consultation.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.consultation.ConsultationPage;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.consultation.OutcomeService.OutcomeView;
import org.inspraak.consultation.Phase;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.PageParts;
import org.inspraak.ui.ShareLinks;

/**
 * What became of a consultation, for everyone: the municipality's decision, what happens next and when, the
 * decision on each idea, the ballot's results and the summaries the council read. Before the outcome is published
 * the page says so and shows what is already known, never an empty page.
 */
@Route("gesprekken/:id(\\d{1,18})/uitkomst")
@AnonymousAllowed
class OutcomePageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient OutcomeService outcomes;
    private final transient CurrentUser currentUser;
    private final transient PageParts parts;
    private final transient ShareLinks share;
    private String title = "";

    OutcomePageView(
            ConsultationService consultations,
            OutcomeService outcomes,
            CurrentUser currentUser,
            PageParts parts,
            ShareLinks share) {
        this.consultations = consultations;
        this.outcomes = outcomes;
        this.currentUser = currentUser;
        this.parts = parts;
        this.share = share;
        addClassNames("page", "outcome-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationDetails c = consultations.findVisible(id).orElseThrow(NotFoundException::new);
        removeAll();
        title = getTranslation("outcome.title", c.title());
        boolean staff = currentUser.get().map(InspraakUser::isStaff).orElse(false);
        Optional<OutcomeView> outcome = staff ? outcomes.draft(id) : outcomes.published(id);

        Anchor back = new Anchor("/gesprekken/" + id, "← " + c.title());
        back.addClassName("back-link");
        add(back, new H1(title));
        if (staff) {
            Anchor edit = new Anchor("/gesprekken/" + id + "/uitkomst/bewerken", getTranslation("outcome.edit"));
            edit.setId("outcome-edit-link");
            edit.addClassName("staff-links");
            add(edit);
        }
        if (outcome.isPresent() && (outcome.get().published() || staff)) {
            OutcomeView o = outcome.get();
            if (!o.published()) {
                Paragraph draft = new Paragraph(getTranslation("outcome.draft-banner"));
                draft.addClassNames("form-message", "error");
                draft.setId("outcome-draft-banner");
                add(draft);
            } else {
                Span when = new Span(
                        getTranslation("outcome.published-on", Formats.dateTime(o.publishedAt(), getLocale())));
                when.addClassName("muted");
                add(when);
            }
            Div text = new Div(new Html("<div>" + Markdown.staffHtml(o.decisionText()) + "</div>"));
            text.addClassName("outcome-text");
            text.setId("outcome-text");
            add(text);
            if (!o.steps().isEmpty()) {
                add(new H2(getTranslation("outcome.next-steps")), nextSteps(o));
            }
            add(share.of(this, "/gesprekken/" + id + "/uitkomst", title));
        } else {
            Paragraph pending = new Paragraph(getTranslation(
                    c.phase() == Phase.CLOSED || c.phase() == Phase.SUMMARISING ? "outcome.pending" : "outcome.not-yet",
                    Formats.date(c.closedFrom(), getLocale())));
            pending.setId("outcome-pending");
            add(pending);
            parts.create(ConsultationPage.ACTIONS, c).forEach(this::add);
        }
        parts.create(OutcomePage.FIGURES, c).forEach(this::add);
        if (outcome.map(o -> o.published() || staff).orElse(false)) {
            parts.create(OutcomePage.DECISIONS, c).forEach(this::add);
        }
        parts.create(OutcomePage.BALLOT, c).forEach(this::add);
        if (outcome.map(o -> o.published() || staff).orElse(false)) {
            parts.create(OutcomePage.SUMMARY, c).forEach(this::add);
        }
    }

    private Component nextSteps(OutcomeView o) {
        OrderedList list = new OrderedList();
        list.addClassName("next-steps");
        list.setId("outcome-steps");
        for (OutcomeService.NextStep step : o.steps()) {
            Span date = new Span(Formats.date(step.dueOn(), getLocale()));
            date.addClassName("next-step-date");
            list.add(new ListItem(date, new Span(step.description())));
        }
        return list;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

package org.inspraak.consultation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.InspraakProperties;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationSummary;
import org.inspraak.ui.Formats;

/** Open and recent consultations. */
@Route("")
@AnonymousAllowed
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(ConsultationService consultations, InspraakProperties properties) {
        addClassName("page");
        VirtualList<ConsultationSummary> list = new VirtualList<>();
        list.addClassName("consultation-list");
        list.setRenderer(new ComponentRenderer<>(this::card));
        list.setDataProvider(DataProvider.<ConsultationSummary>fromCallbacks(
                q -> consultations.forHome(q.getOffset(), q.getLimit()).stream(), q -> (int) consultations.count()));
        list.getElement().setAttribute("aria-label", getTranslation("home.list"));
        Paragraph intro = new Paragraph(
                getTranslation("home.intro", properties.municipality().name()));
        add(new H1(getTranslation("home.title")), intro, list);
        setFlexGrow(1, list);
        setHeightFull();
    }

    private Component card(ConsultationSummary c) {
        Anchor title = new Anchor("/gesprekken/" + c.id(), c.title());
        title.addClassName("card-title");
        H2 heading = new H2(title);
        Span phase = PhaseBadge.of(this, c.phase());
        Paragraph question = new Paragraph(c.question());
        Span dates = new Span(getTranslation(
                "home.dates", Formats.date(c.ideasFrom(), getLocale()), Formats.date(c.closedFrom(), getLocale())));
        dates.addClassName("muted");
        Div card = new Div(heading, phase, question, dates);
        if (c.outcomePublished()) {
            Anchor outcome = new Anchor("/gesprekken/" + c.id() + "/uitkomst", getTranslation("outcome.home-link"));
            outcome.addClassName("outcome-link");
            card.add(new Div(outcome));
        }
        card.addClassName("card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}

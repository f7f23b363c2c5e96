package org.inspraak.summary.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.security.Role;
import org.inspraak.summary.SummaryService;
import org.inspraak.ui.Formats;

/** The council's reading room: every published summary, newest first, with what is still unread marked. */
@Route("raad")
@RolesAllowed({Role.COUNCIL_MEMBER_NAME, Role.MODERATOR_NAME, Role.ADMIN_NAME})
class CouncilView extends VerticalLayout implements HasDynamicTitle {

    CouncilView(SummaryService summaries) {
        addClassName("page");
        add(new H1(getTranslation("council.title")), new Paragraph(getTranslation("council.intro")));
        var published = summaries.published();
        if (published.isEmpty()) {
            add(new Paragraph(getTranslation("council.none")));
        } else {
            long unread = published.stream().filter(p -> !p.read()).count();
            Paragraph news = new Paragraph(getTranslation("council.new", unread));
            news.addClassName(unread > 0 ? "council-news" : "muted");
            news.setId("council-news");
            add(news);
        }
        for (SummaryService.Published p : published) {
            Div card = new Div();
            card.addClassName("council-card");
            H2 h = new H2(new Anchor("raad/samenvattingen/" + p.summaryId(), p.title()));
            Span state = new Span(getTranslation(p.read() ? "council.read" : "council.unread"));
            state.getElement().getThemeList().add(p.read() ? "badge contrast" : "badge success");
            card.add(
                    h,
                    state,
                    new Paragraph(p.consultationTitle() + " — "
                            + getTranslation(
                                    "council.published-on",
                                    p.number(),
                                    Formats.dateTime(p.publishedAt(), getLocale()))),
                    new Paragraph(getTranslation("council.ideas", p.ideas())));
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("council.title");
    }
}

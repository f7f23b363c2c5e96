package org.inspraak.idea.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.Decision;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decision on each idea, grouped by what was decided, on the consultation's outcome page. */
@Configuration(proxyBeanMethods = false)
class IdeaDecisions {

    @Bean
    PagePart<ConsultationDetails> ideaDecisionsPart(IdeaService ideas) {
        return PagePart.of(OutcomePage.DECISIONS, 0, c -> Optional.of(section(ideas.decisions(c.id()))));
    }

    private static Component section(List<Decision> decisions) {
        Div section = new Div();
        section.addClassName("outcome-decisions");
        section.setId("outcome-decisions");
        section.add(new H2(section.getTranslation("outcome.decisions")));
        if (decisions.isEmpty()) {
            section.add(new Paragraph(section.getTranslation("outcome.decisions.none")));
            return section;
        }
        IdeaStatus current = null;
        for (Decision d : decisions) {
            if (d.status() != current) {
                current = d.status();
                H3 heading = new H3(section.getTranslation("status." + current.name()));
                heading.addClassName("decision-group");
                section.add(heading);
            }
            section.add(card(section, d));
        }
        return section;
    }

    private static Component card(Component ctx, Decision d) {
        Anchor title = new Anchor("/ideeen/" + d.ideaId(), d.title());
        title.addClassName("card-title");
        Span status = new Span(ctx.getTranslation("status." + d.status().name()));
        status.getElement().getThemeList().add("badge");
        status.getElement().getThemeList().add(d.status() == IdeaStatus.NOT_SELECTED ? "contrast" : "success");
        Span date = new Span(" · " + Formats.date(d.decidedOn(), UI.getCurrent().getLocale()));
        date.addClassName("muted");
        Div card = new Div(title, new Div(status, date));
        if (!d.explanation().isBlank()) {
            Paragraph why = new Paragraph(d.explanation());
            why.addClassName("decision-explanation");
            card.add(why);
        }
        if (d.department() != null) {
            Paragraph dept = new Paragraph(ctx.getTranslation("outcome.decision.department", d.department()));
            dept.addClassName("muted");
            card.add(dept);
        }
        Span votes = new Span(ctx.getTranslation(
                "outcome.decision.votes", d.agree() + d.disagree() + d.pass(), d.agree(), d.disagree(), d.pass()));
        votes.addClassName("muted");
        card.add(votes);
        card.addClassNames("card", "decision-card");
        return card;
    }
}

package org.inspraak.summary.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.summary.SummaryService;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published summaries on the public outcome page: residents read what the council read, with every claim
 * linked to the ideas it rests on (hidden ideas stay unresolved, never shown).
 */
@Configuration(proxyBeanMethods = false)
class SummaryOnOutcome {

    @Bean
    PagePart<ConsultationDetails> summaryOnOutcomePart(SummaryService summaries) {
        return PagePart.of(OutcomePage.SUMMARY, 0, c -> {
            List<SummaryService.PublicSummary> published = summaries.publishedFor(c.id());
            if (published.isEmpty()) {
                return Optional.empty();
            }
            Div section = new Div();
            section.add(new H2(section.getTranslation("outcome.summaries")));
            section.addClassName("outcome-summaries");
            section.setId("outcome-summaries");
            for (SummaryService.PublicSummary s : published) {
                Span meta = new Span(section.getTranslation(
                        "outcome.summary.meta",
                        s.number(),
                        Formats.dateTime(s.publishedAt(), UI.getCurrent().getLocale())));
                meta.addClassName("muted");
                Div text =
                        new Div(new Html("<div>" + CitationText.publicHtml(section, summaries, s.body()) + "</div>"));
                text.addClassName("summary-text");
                section.add(new H3(s.title()), meta, text);
            }
            return Optional.of(section);
        });
    }
}

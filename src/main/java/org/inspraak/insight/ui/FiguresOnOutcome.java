package org.inspraak.insight.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.insight.InsightService;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Key figures on the public outcome page, counted as the insights count them. */
@Configuration(proxyBeanMethods = false)
class FiguresOnOutcome {

    @Bean
    PagePart<ConsultationDetails> figuresOnOutcomePart(InsightService insights) {
        return PagePart.of(OutcomePage.FIGURES, 0, c -> {
            InsightService.KeyFigures f = insights.keyFigures(c.id());
            Div section = new Div();
            section.add(new H2(section.getTranslation("outcome.figures")));
            section.add(InsightPanels.keyFigures(section, f));
            section.addClassName("outcome-figures");
            return Optional.of(section);
        });
    }
}

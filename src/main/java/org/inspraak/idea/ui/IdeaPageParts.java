package org.inspraak.idea.ui;

import java.util.Optional;

import org.inspraak.consultation.ConsultationPage;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaCardPart;
import org.inspraak.idea.IdeaService;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.security.CurrentUser;
import org.inspraak.ui.Live;
import org.inspraak.ui.PagePart;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The residents' ideas on the consultation's page. */
@Configuration(proxyBeanMethods = false)
class IdeaPageParts {

    @Bean
    PagePart<ConsultationDetails> ideasOfConsultation(
            IdeaService ideas,
            CurrentUser currentUser,
            Live live,
            IdeaEditor.Factory editors,
            ObjectProvider<IdeaCardPart> cardParts,
            NeighbourhoodService neighbourhoods) {
        return PagePart.of(
                ConsultationPage.MAIN,
                0,
                c -> Optional.of(new IdeaList(
                        c,
                        ideas,
                        currentUser,
                        live,
                        editors,
                        cardParts.stream()
                                .sorted(java.util.Comparator.comparingInt(IdeaCardPart::order))
                                .toList(),
                        neighbourhoods.all().stream()
                                .filter(n -> c.neighbourhoodIds().isEmpty()
                                        || c.neighbourhoodIds().contains(n.id()))
                                .toList())));
    }
}

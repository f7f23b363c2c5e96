package org.inspraak.calendar.ui;

import java.util.Optional;

import com.vaadin.flow.component.UI;
import org.inspraak.calendar.ContentCalendarService;
import org.inspraak.consultation.ConsultationPage;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The municipality's published updates on the consultation's page. */
@Configuration(proxyBeanMethods = false)
class CalendarPageParts {

    @Bean
    PagePart<ConsultationDetails> publishedUpdates(ContentCalendarService calendar) {
        return PagePart.of(ConsultationPage.UPDATES, 0, c -> {
            UI ui = UI.getCurrent();
            return Optional.of(UpdatesPanel.of(ui, calendar, c.id(), ui.getLocale()));
        });
    }
}

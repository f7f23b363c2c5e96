package org.inspraak.notification.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import org.inspraak.consultation.ConsultationPage;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.idea.IdeaPage;
import org.inspraak.notification.NotificationService;
import org.inspraak.security.CurrentUser;
import org.inspraak.ui.PagePart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signed-in visitors follow an idea or a whole consultation from its page. */
@Configuration(proxyBeanMethods = false)
class FollowPageParts {

    @Bean
    PagePart<IdeaPage.Context> followIdea(NotificationService notifications, CurrentUser currentUser) {
        return PagePart.of(
                IdeaPage.ACTIONS,
                20,
                c -> currentUser.get().isEmpty()
                        ? Optional.empty()
                        : Optional.<Component>of(
                                FollowButton.idea(notifications, c.idea().id())));
    }

    @Bean
    PagePart<ConsultationDetails> followConsultation(NotificationService notifications, CurrentUser currentUser) {
        return PagePart.of(
                ConsultationPage.ACTIONS,
                20,
                c -> currentUser.get().isEmpty()
                        ? Optional.empty()
                        : Optional.<Component>of(FollowButton.consultation(notifications, c.id())));
    }
}

package org.inspraak.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;

/** Errors during a click or other event: the log gets the cause, the person a short message with an incident code. */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        if (DisconnectedClientHelper.isClientDisconnectedException(event.getThrowable())) {
            // The browser left (a closed tab, a lost phone signal) while its answer was written: nobody to tell.
            log.debug("Client gone while its response was written", event.getThrowable());
            return;
        }
        String incident = InternalErrorView.incident();
        log.error("Incident {} while handling a request", incident, event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification n =
                    Notification.show(ui.getTranslation("error.event", incident), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}

package org.inspraak.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Errors during a click or other event: the log gets the cause, the person a short message with an incident code. */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
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

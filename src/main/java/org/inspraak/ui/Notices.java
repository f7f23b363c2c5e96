package org.inspraak.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.inspraak.InspraakException;
import org.springframework.security.access.AccessDeniedException;

/** Shows the outcome of an action as a toast in the user's language. */
public final class Notices {

    private Notices() {}

    public static void success(Component owner, String key, Object... args) {
        Notification n = Notification.show(owner.getTranslation(key, args), 4000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(Component owner, String key, Object... args) {
        Notification n = Notification.show(owner.getTranslation(key, args), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** The translated message of a rule violation. */
    public static String message(Component owner, RuntimeException e) {
        if (e instanceof InspraakException ie) {
            return owner.getTranslation(ie.key(), ie.args());
        }
        if (e instanceof AccessDeniedException) {
            return owner.getTranslation("error.forbidden");
        }
        throw e;
    }

    /** Runs an action; a rule violation becomes an error toast instead of an error page. */
    public static boolean attempt(Component owner, Runnable action) {
        try {
            action.run();
            return true;
        } catch (InspraakException | AccessDeniedException e) {
            Notification n = Notification.show(message(owner, e), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}

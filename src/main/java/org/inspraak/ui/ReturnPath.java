package org.inspraak.ui;

import java.util.Set;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.VaadinSession;
import org.jspecify.annotations.Nullable;

/**
 * Where a visitor last was on the public site, so that registering and confirming the address brings them back
 * there instead of to the home page. Kept in their own session only.
 */
public final class ReturnPath {

    private static final String KEY = "inspraak.return-path";
    /** Pages about the account itself, never a place to return to. */
    private static final Set<String> ACCOUNT_PAGES =
            Set.of("login", "registreren", "bevestigen", "wachtwoord-vergeten", "wachtwoord-herstellen", "afmelden");

    private ReturnPath() {}

    static void remember(Location location) {
        String path = location.getPath();
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && !ACCOUNT_PAGES.contains(first)) {
            session.setAttribute(KEY, "/" + path);
        }
    }

    public static @Nullable String current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : (String) session.getAttribute(KEY);
    }
}

package org.inspraak.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.inspraak.InspraakProperties;
import org.inspraak.Messages;
import org.inspraak.security.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Dutch by default. A visitor's choice is remembered in a cookie, a signed-in user's also in the account,
 * and the municipality's primary colour is applied to every page.
 */
@Component
public class LocaleSupport implements VaadinServiceInitListener {

    static final String COOKIE = "inspraak-lang";

    private final ObjectProvider<LocalePreference> preferences;
    private final CurrentUser currentUser;
    private final InspraakProperties properties;

    LocaleSupport(
            ObjectProvider<LocalePreference> preferences, CurrentUser currentUser, InspraakProperties properties) {
        this.preferences = preferences;
        this.currentUser = currentUser;
        this.properties = properties;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new FriendlyErrorHandler()));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(initialLocale());
            String color = properties.municipality().primaryColor();
            if (color != null && color.matches("#[0-9a-fA-F]{3,8}")) {
                ui.getElement().getStyle().set("--lumo-primary-color", color);
                ui.getElement().getStyle().set("--lumo-primary-text-color", color);
                ui.getElement().getStyle().set("--inspraak-brand", color);
            }
        });
    }

    private Locale initialLocale() {
        VaadinSession session = VaadinSession.getCurrent();
        Locale fromUser = currentUser
                .get()
                .flatMap(u -> preferences.getObject().preferredLocale(u.id()))
                .orElse(null);
        if (fromUser != null) {
            return fromUser;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    return Messages.fromTag(c.getValue());
                }
            }
        }
        return session != null && session.getAttribute(Locale.class) != null
                ? session.getAttribute(Locale.class)
                : Messages.DUTCH;
    }

    /** Switches the language, remembers it and reloads so every text is rendered again. */
    public void switchTo(UI ui, Locale locale) {
        Locale chosen = Messages.supported(locale);
        VaadinSession.getCurrent().setAttribute(Locale.class, chosen);
        preferences.getObject().rememberLocale(chosen);
        ui.getPage()
                .executeJs(
                        "document.cookie = $0 + '=' + $1 + ';path=/;max-age=31536000;SameSite=Lax'; location.reload();",
                        COOKIE,
                        chosen.getLanguage());
    }
}

package org.inspraak.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.theme.lumo.Lumo;
import org.inspraak.InspraakProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Page-level settings: Lumo and our stylesheet (no frontend bundle needed), Push for live updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/inspraak.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@Component
public class AppShell implements AppShellConfigurator {

    private final InspraakProperties properties;

    public AppShell(InspraakProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Inspraak · " + properties.municipality().name());
        settings.addFavIcon("icon", properties.municipality().logo(), "any");
        // Vaadin's login form posts a plain HTML form and sends Spring Security's CSRF token when these meta tags
        // are present, so /login and /logout need the token and a cross-site form can do neither.
        if (settings.getRequest() instanceof VaadinServletRequest request
                && request.getHttpServletRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            settings.addMetaTag("_csrf_parameter", token.getParameterName());
            settings.addMetaTag("_csrf_header", token.getHeaderName());
            settings.addMetaTag("_csrf", token.getToken());
        }
    }
}

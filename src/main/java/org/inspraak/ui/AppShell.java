package org.inspraak.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.inspraak.InspraakProperties;
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
    }
}

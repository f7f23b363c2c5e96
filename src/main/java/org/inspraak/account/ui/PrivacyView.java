package org.inspraak.account.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Explains in plain language what Inspraak stores about a person, why, and who sees it. */
@Route("privacy")
@AnonymousAllowed
class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    PrivacyView() {
        addClassNames("page", "narrow-page");
        add(new H1(getTranslation("privacy.title")));
        for (String section : new String[] {"account", "statistics", "contributions", "ip", "rights"}) {
            add(
                    new H2(getTranslation("privacy." + section + ".title")),
                    new Paragraph(getTranslation("privacy." + section + ".text")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title");
    }
}

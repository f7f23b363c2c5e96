package org.inspraak.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.inspraak.DatabaseErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a page cannot be built (the database or index is down, a bug), people see a calm explanation and an
 * incident code; the log has the cause under the same code. Transactions roll back, so nothing is half-written.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    public InternalErrorView() {
        addClassNames("page", "narrow-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = incident();
        log.error(
                "Incident {} while opening /{}",
                incident,
                event.getLocation().getPath(),
                parameter.getCaughtException());
        removeAll();
        Paragraph code = new Paragraph(getTranslation("error.page.internal.code", incident));
        code.setId("incident-code");
        add(
                new H1(getTranslation("error.page.internal.title")),
                new Paragraph(getTranslation("error.page.internal.text")),
                code,
                new Anchor("/", getTranslation("error.page.to-home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    static String incident() {
        return DatabaseErrors.incidentCode();
    }
}

package org.inspraak.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteAccessDeniedError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a signed-in user opens a page their role does not allow. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends RouteAccessDeniedError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        getElement().removeAllChildren();
        getElement().getClassList().add("page");
        getElement()
                .appendChild(
                        new H1(getTranslation("error.page.denied.title")).getElement(),
                        new Paragraph(getTranslation("error.page.denied.text")).getElement(),
                        new Anchor("/", getTranslation("error.page.to-home")).getElement());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}

package org.inspraak.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** The 404 page, in the app's own style. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        getElement().getClassList().add("page");
        getElement()
                .appendChild(
                        new H1(getTranslation("error.page.not-found.title")).getElement(),
                        new Paragraph(getTranslation("error.page.not-found.text")).getElement(),
                        new Anchor("/", getTranslation("error.page.to-home")).getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

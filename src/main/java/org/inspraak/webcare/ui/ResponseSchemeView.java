package org.inspraak.webcare.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Markdown;
import org.inspraak.webcare.WebcareService;

/** The reactieschema: which posts get which response from whom. Staff read it; admins edit it. */
@Route("reactieschema")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class ResponseSchemeView extends VerticalLayout implements HasDynamicTitle {

    ResponseSchemeView(WebcareService webcare, CurrentUser currentUser) {
        addClassNames("page", "wide-page");
        Div body = new Div(new Html("<div>" + Markdown.staffHtml(webcare.responseScheme()) + "</div>"));
        body.addClassName("response-scheme");
        add(new H1(getTranslation("scheme.title")), body);
        if (currentUser.has(Role.ADMIN)) {
            TextArea editor = new TextArea(getTranslation("scheme.edit"));
            editor.setValue(webcare.responseScheme());
            editor.setWidthFull();
            editor.setMaxLength(20_000);
            FormMessage message = new FormMessage();
            Button save = new Button(getTranslation("action.save"), e -> {
                if (message.attempt(() -> webcare.updateResponseScheme(editor.getValue()))) {
                    body.removeAll();
                    body.add(new Html("<div>" + Markdown.staffHtml(webcare.responseScheme()) + "</div>"));
                    message.success(getTranslation("guidelines.saved"));
                }
            });
            add(new Details(getTranslation("scheme.edit"), new VerticalLayout(editor, save, message)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheme.title");
    }
}

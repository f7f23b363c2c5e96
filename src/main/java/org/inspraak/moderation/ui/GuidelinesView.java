package org.inspraak.moderation.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.inspraak.moderation.ModerationService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Markdown;

/** The community guidelines, public; admins edit them here in Markdown. */
@Route("richtlijnen")
@AnonymousAllowed
class GuidelinesView extends VerticalLayout implements HasDynamicTitle {

    GuidelinesView(ModerationService moderation, CurrentUser currentUser) {
        addClassNames("page", "narrow-page");
        Div body = new Div();
        body.setId("guidelines-body");
        body.add(new Html("<div>" + Markdown.staffHtml(moderation.guidelines()) + "</div>"));
        add(new H1(getTranslation("guidelines.title")), body);
        if (currentUser.has(Role.ADMIN)) {
            TextArea editor = new TextArea(getTranslation("guidelines.edit"));
            editor.setValue(moderation.guidelines());
            editor.setWidthFull();
            editor.setMaxLength(20_000);
            editor.setId("guidelines-editor");
            FormMessage message = new FormMessage();
            Button save = new Button(getTranslation("action.save"), e -> {
                if (message.attempt(() -> moderation.updateGuidelines(editor.getValue()))) {
                    body.removeAll();
                    body.add(new Html("<div>" + Markdown.staffHtml(moderation.guidelines()) + "</div>"));
                    message.success(getTranslation("guidelines.saved"));
                }
            });
            save.setId("guidelines-save");
            add(new Details(getTranslation("guidelines.edit"), new VerticalLayout(editor, save, message)));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidelines.title");
    }
}

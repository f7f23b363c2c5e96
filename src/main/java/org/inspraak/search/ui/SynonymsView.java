package org.inspraak.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.search.SynonymService;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;

/** Admins keep the words that mean the same to residents; search applies them at once, without re-indexing. */
@Route("beheer/zoekwoorden")
@RolesAllowed(Role.ADMIN_NAME)
class SynonymsView extends VerticalLayout implements HasDynamicTitle {

    private final transient SynonymService synonyms;
    private final Div list = new Div();
    private final TextField newGroup = new TextField();
    private final FormMessage message = new FormMessage();

    SynonymsView(SynonymService synonyms) {
        this.synonyms = synonyms;
        addClassName("page");
        newGroup.setLabel(getTranslation("synonyms.new"));
        newGroup.setHelperText(getTranslation("synonyms.help"));
        newGroup.setMaxLength(SynonymService.MAX_TEXT);
        newGroup.setWidthFull();
        newGroup.setId("new-synonyms");
        Button add = new Button(getTranslation("synonyms.add"), e -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        HorizontalLayout form = new HorizontalLayout(newGroup, add);
        form.setWidthFull();
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.expand(newGroup);
        form.addClassName("wrap-on-phone");
        list.addClassName("synonym-groups");
        add(
                new H1(getTranslation("synonyms.title")),
                new Paragraph(getTranslation("synonyms.explain")),
                form,
                message,
                new H2(getTranslation("synonyms.list")),
                list);
        render();
    }

    private void add() {
        if (message.attempt(() -> synonyms.save(null, newGroup.getValue()))) {
            message.success(getTranslation("synonyms.saved"));
            newGroup.clear();
            render();
        }
    }

    private void render() {
        list.removeAll();
        var groups = synonyms.list();
        if (groups.isEmpty()) {
            list.add(new Paragraph(getTranslation("synonyms.none")));
        }
        for (SynonymService.Group g : groups) {
            list.add(row(g));
        }
    }

    private Div row(SynonymService.Group g) {
        Div row = new Div();
        row.addClassNames("card", "synonym-group");
        Span terms = new Span(String.join(", ", g.terms()));
        terms.addClassName("synonym-terms");
        TextField edit = new TextField();
        edit.setAriaLabel(getTranslation("synonyms.edit-label"));
        edit.setMaxLength(SynonymService.MAX_TEXT);
        edit.setWidthFull();
        edit.setVisible(false);
        FormMessage rowMessage = new FormMessage();
        Button change = new Button(getTranslation("synonyms.edit"));
        Button save = new Button(getTranslation("synonyms.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(false);
        Button delete = new Button(getTranslation("synonyms.delete"), e -> {
            synonyms.delete(g.id());
            message.success(getTranslation("synonyms.deleted", String.join(", ", g.terms())));
            render();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        change.addClickListener(e -> {
            edit.setValue(String.join(", ", g.terms()));
            edit.setVisible(true);
            save.setVisible(true);
            terms.setVisible(false);
            change.setVisible(false);
            edit.focus();
        });
        save.addClickListener(e -> {
            if (rowMessage.attempt(() -> synonyms.save(g.id(), edit.getValue()))) {
                message.success(getTranslation("synonyms.saved"));
                render();
            }
        });
        HorizontalLayout actions = new HorizontalLayout(change, save, delete);
        actions.setSpacing(true);
        row.add(terms, edit, rowMessage, actions);
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("synonyms.title");
    }
}

package org.inspraak.idea.ui;

import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ThemeRef;
import org.inspraak.idea.AmountKind;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaService.IdeaForm;
import org.inspraak.idea.SimilarIdeas;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.ui.Amounts;
import org.inspraak.ui.FormMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The dialog in which a resident posts a new idea. */
public class IdeaEditor extends Dialog {

    /** Creates editors with the services they need, so views only say "open one". */
    @Component
    public static class Factory {
        private final IdeaService ideas;
        private final ConsultationService consultations;
        private final NeighbourhoodService neighbourhoods;
        private final ObjectProvider<SimilarIdeas> similar;

        Factory(
                IdeaService ideas,
                ConsultationService consultations,
                NeighbourhoodService neighbourhoods,
                ObjectProvider<SimilarIdeas> similar) {
            this.similar = similar;
            this.ideas = ideas;
            this.consultations = consultations;
            this.neighbourhoods = neighbourhoods;
        }

        public IdeaEditor open(long consultationId, LongConsumer onPosted) {
            IdeaEditor editor = new IdeaEditor(this, consultationId, null, onPosted);
            editor.open();
            return editor;
        }

        /** Opens the author's own idea for editing (allowed for 15 minutes and until the first reaction). */
        public IdeaEditor openEdit(long consultationId, long ideaId, LongConsumer onSaved) {
            IdeaEditor editor = new IdeaEditor(this, consultationId, ideaId, onSaved);
            editor.open();
            return editor;
        }
    }

    final TextField title = new TextField();
    final TextArea description = new TextArea();
    final ComboBox<ThemeRef> theme = new ComboBox<>();
    final ComboBox<NeighbourhoodRef> neighbourhood = new ComboBox<>();
    final RadioButtonGroup<AmountKind> amountKind = new RadioButtonGroup<>();
    final IntegerField amount = new IntegerField();
    final FormMessage message = new FormMessage();
    final Button submit = new Button();

    IdeaEditor(Factory f, long consultationId, Long editedIdeaId, LongConsumer onPosted) {
        setHeaderTitle(getTranslation(editedIdeaId == null ? "idea.new" : "idea.edit"));
        setWidth("min(40rem, 100vw)");
        title.setLabel(getTranslation("idea.title"));
        title.setMaxLength(IdeaService.MAX_TITLE);
        title.setRequiredIndicatorVisible(true);
        title.setValueChangeMode(ValueChangeMode.EAGER);
        title.setId("idea-title");
        title.addValueChangeListener(e -> title.setHelperText(getTranslation(
                "common.chars-left", IdeaService.MAX_TITLE - e.getValue().length())));
        description.setLabel(getTranslation("idea.description"));
        description.setHelperText(getTranslation("idea.description.help"));
        description.setMaxLength(IdeaService.MAX_DESCRIPTION);
        description.setRequiredIndicatorVisible(true);
        description.setMinHeight("8rem");
        description.setId("idea-description");
        theme.setLabel(getTranslation("idea.theme"));
        theme.setItems(f.consultations.themes(consultationId));
        theme.setItemLabelGenerator(ThemeRef::name);
        theme.setId("idea-theme");
        neighbourhood.setLabel(getTranslation("idea.neighbourhood"));
        neighbourhood.setItems(f.neighbourhoods.all());
        neighbourhood.setItemLabelGenerator(NeighbourhoodRef::name);
        neighbourhood.setClearButtonVisible(true);
        amountKind.setLabel(getTranslation("idea.amount-kind"));
        amountKind.setItems(AmountKind.values());
        amountKind.setItemLabelGenerator(k -> getTranslation("idea.amount-kind." + k.name()));
        amountKind.setValue(AmountKind.SAVING);
        amount.setLabel(getTranslation("idea.amount"));
        amount.setHelperText(getTranslation("idea.amount.help"));
        amount.setMin(1);
        amount.setMax((int) Math.min(Integer.MAX_VALUE, IdeaService.MAX_AMOUNT));
        amount.setId("idea-amount");

        Div similar = new Div();
        similar.addClassName("similar-ideas");
        similar.getElement().setAttribute("aria-live", "polite");
        similar.setId("similar-ideas");
        // Right under the title, where the resident is typing: on a phone, below the form would be out of sight.
        FormLayout form = new FormLayout(title, similar, description, theme, neighbourhood, amountKind, amount);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(title, 2);
        form.setColspan(similar, 2);
        form.setColspan(description, 2);
        Paragraph guidelines = new Paragraph(new Anchor("/richtlijnen", getTranslation("idea.guidelines")));
        if (editedIdeaId == null) {
            // Suggest existing ideas while typing, so residents vote on a twin instead of posting a duplicate.
            title.setValueChangeMode(ValueChangeMode.LAZY);
            title.addValueChangeListener(e -> showSimilar(f, consultationId, similar));
        }
        add(form, guidelines, message);

        submit.setText(getTranslation("idea.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("idea-submit");
        submit.addClickListener(e -> {
            if (amount.isInvalid()) {
                message.error(getTranslation("error.amount.range"));
                return;
            }
            Long[] euros = new Long[1];
            if (!message.attempt(() -> euros[0] = Amounts.wholeEuros(amount.getValue()))) {
                return;
            }
            long[] id = new long[1];
            IdeaForm values = new IdeaForm(
                    title.getValue(),
                    description.getValue(),
                    theme.getValue() == null ? null : theme.getValue().id(),
                    neighbourhood.getValue() == null
                            ? null
                            : neighbourhood.getValue().id(),
                    amountKind.getValue(),
                    euros[0]);
            boolean ok = editedIdeaId == null
                    ? message.attempt(() -> id[0] = f.ideas.post(consultationId, values))
                    : message.attempt(() -> {
                        f.ideas.edit(editedIdeaId, values);
                        id[0] = editedIdeaId;
                    });
            if (ok) {
                close();
                onPosted.accept(id[0]);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), submit);
        if (editedIdeaId != null) {
            IdeaForm current = f.ideas.editForm(editedIdeaId);
            title.setValue(current.title());
            description.setValue(current.description());
            theme.getListDataView()
                    .getItems()
                    .filter(t -> current.themeId() != null && t.id() == current.themeId())
                    .findFirst()
                    .ifPresent(theme::setValue);
            neighbourhood
                    .getListDataView()
                    .getItems()
                    .filter(n -> current.neighbourhoodId() != null && n.id() == current.neighbourhoodId())
                    .findFirst()
                    .ifPresent(neighbourhood::setValue);
            if (current.amountKind() != null) {
                amountKind.setValue(current.amountKind());
            }
            if (current.amountEuros() != null) {
                amount.setValue((int) Math.min(Integer.MAX_VALUE, current.amountEuros()));
            }
            submit.setText(getTranslation("action.save"));
        }
    }

    private void showSimilar(Factory f, long consultationId, Div target) {
        target.removeAll();
        SimilarIdeas finder = f.similar.getIfAvailable();
        List<Long> ids = finder == null ? List.of() : finder.similarIdeas(consultationId, title.getValue(), 3);
        if (ids.isEmpty()) {
            return;
        }
        target.add(new Paragraph(getTranslation("idea.similar")));
        UnorderedList list = new UnorderedList();
        for (long id : ids) {
            f.ideas.find(id).ifPresent(s -> {
                Anchor link = new Anchor("/ideeen/" + s.id(), s.title());
                link.setTarget("_blank");
                list.add(new ListItem(link));
            });
        }
        target.add(list);
    }
}

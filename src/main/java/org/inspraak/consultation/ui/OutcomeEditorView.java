package org.inspraak.consultation.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.OutcomePage;
import org.inspraak.consultation.OutcomeService;
import org.inspraak.consultation.OutcomeService.NextStep;
import org.inspraak.consultation.OutcomeService.OutcomeView;
import org.inspraak.consultation.Phase;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.PageParts;

/**
 * Where staff write a consultation's outcome: the decision in words, the next steps with dates, and the decision on
 * each idea (from the ideas module). Saved as a draft, previewed as residents will see it, then published.
 */
@Route("gesprekken/:id(\\d{1,18})/uitkomst/bewerken")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class OutcomeEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient OutcomeService outcomes;
    private final transient PageParts parts;
    private final List<StepRow> rows = new ArrayList<>();
    private final VerticalLayout stepList = new VerticalLayout();
    private String title = "";

    OutcomeEditorView(ConsultationService consultations, OutcomeService outcomes, PageParts parts) {
        this.consultations = consultations;
        this.outcomes = outcomes;
        this.parts = parts;
        addClassNames("page", "outcome-editor");
    }

    /** One next step being edited. */
    private final class StepRow extends HorizontalLayout {
        final DatePicker date = new DatePicker(getTranslation("outcome.editor.step-date"));
        final TextField text = new TextField(getTranslation("outcome.editor.step-text"));

        StepRow(NextStep step) {
            text.setMaxLength(OutcomeService.MAX_STEP);
            text.addClassName("outcome-step-text");
            date.setRequiredIndicatorVisible(true);
            if (step != null) {
                date.setValue(step.dueOn());
                text.setValue(step.description());
            }
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(this);
                stepList.remove(this);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("outcome.editor.step-remove"));
            setWidthFull();
            setWrap(true);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(date, text, remove);
            setFlexGrow(1, text);
            addClassName("outcome-step-row");
        }

        NextStep value() {
            return new NextStep(date.getValue(), text.getValue());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElseThrow(NotFoundException::new);
        ConsultationDetails c = consultations.find(id).orElseThrow(NotFoundException::new);
        removeAll();
        rows.clear();
        stepList.removeAll();
        title = getTranslation("outcome.editor.title", c.title());
        Anchor back = new Anchor("/gesprekken/" + id + "/uitkomst", "← " + getTranslation("outcome.editor.preview"));
        back.addClassName("back-link");
        add(back, new H1(title));
        if (c.phase() != Phase.SUMMARISING && c.phase() != Phase.CLOSED) {
            add(new Paragraph(getTranslation("error.outcome.too-early")));
            return;
        }
        OutcomeView existing = outcomes.draft(id).orElse(null);
        Paragraph state = new Paragraph(getTranslation(
                existing == null
                        ? "outcome.editor.state.new"
                        : existing.published() ? "outcome.editor.state.published" : "outcome.editor.state.draft"));
        state.setId("outcome-state");
        add(state);

        TextArea text = new TextArea(getTranslation("outcome.editor.text"));
        text.setHelperText(getTranslation("outcome.editor.text-help"));
        text.setMaxLength(OutcomeService.MAX_TEXT);
        text.setMinHeight("12rem");
        text.setWidthFull();
        text.setId("outcome-text-field");
        if (existing != null) {
            text.setValue(existing.decisionText());
            existing.steps().forEach(s -> addRow(s));
        }
        stepList.setPadding(false);
        stepList.setSpacing(false);
        Button addStep =
                new Button(getTranslation("outcome.editor.step-add"), VaadinIcon.PLUS.create(), e -> addRow(null));
        addStep.setId("outcome-step-add");
        addStep.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("outcome.editor.save"), e -> {
            if (message.attempt(() -> outcomes.save(id, text.getValue(), values()))) {
                message.success(getTranslation("outcome.editor.saved"));
            }
        });
        save.setId("outcome-save");
        Button publish = new Button(getTranslation("outcome.editor.publish"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    getTranslation("outcome.editor.publish.title"),
                    getTranslation("outcome.editor.publish.text"),
                    getTranslation("outcome.editor.publish"),
                    ok -> {
                        if (message.attempt(() -> {
                            outcomes.save(id, text.getValue(), values());
                            outcomes.publish(id);
                        })) {
                            getUI().ifPresent(ui -> ui.navigate("gesprekken/" + id + "/uitkomst"));
                        }
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("primary");
            confirm.open();
        });
        publish.setId("outcome-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save, publish);
        actions.setWrap(true);
        if (existing != null && existing.published()) {
            // Already public: saving shows the change at once, so there is nothing left to publish.
            publish.setVisible(false);
            save.setText(getTranslation("outcome.editor.save-published"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button withdraw = new Button(getTranslation("outcome.editor.withdraw"), e -> {
                if (message.attempt(() -> outcomes.withdraw(id))) {
                    getUI().ifPresent(ui -> ui.getPage().reload());
                }
            });
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            withdraw.setId("outcome-withdraw");
            actions.add(withdraw);
        }
        add(
                text,
                new H2(getTranslation("outcome.next-steps")),
                new Paragraph(getTranslation("outcome.editor.steps-help")),
                stepList,
                addStep,
                actions,
                message);
        Div tools = new Div();
        tools.setWidthFull();
        parts.create(OutcomePage.DECISION_TOOLS, c).forEach(tools::add);
        add(tools);
    }

    private void addRow(NextStep step) {
        StepRow row = new StepRow(step);
        rows.add(row);
        stepList.add(row);
    }

    private List<NextStep> values() {
        return rows.stream().map(StepRow::value).toList();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

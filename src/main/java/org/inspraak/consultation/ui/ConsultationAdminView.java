package org.inspraak.consultation.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.consultation.BudgetKind;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.ConsultationService.ConsultationDetails;
import org.inspraak.consultation.ConsultationService.ConsultationForm;
import org.inspraak.consultation.ConsultationService.ConsultationSummary;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.security.Role;
import org.inspraak.ui.Amounts;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;

/** Admins create and edit consultations: the question, background, money target, themes, neighbourhoods and phases. */
@Route("beheer/gesprekken")
@RolesAllowed(Role.ADMIN_NAME)
class ConsultationAdminView extends VerticalLayout implements HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient NeighbourhoodService neighbourhoods;
    private final Grid<ConsultationSummary> grid = new Grid<>();

    ConsultationAdminView(ConsultationService consultations, NeighbourhoodService neighbourhoods) {
        this.consultations = consultations;
        this.neighbourhoods = neighbourhoods;
        addClassName("page");
        setSizeFull();
        Button create = new Button(getTranslation("admin.consultation.new"), e -> edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-consultation");
        grid.addColumn(ConsultationSummary::title)
                .setHeader(getTranslation("admin.consultation.title"))
                .setFlexGrow(3);
        grid.addColumn(c -> getTranslation("phase." + c.phase().name()))
                .setHeader(getTranslation("admin.consultation.phase"));
        grid.addColumn(c ->
                        Formats.date(c.ideasFrom(), getLocale()) + " – " + Formats.date(c.closedFrom(), getLocale()))
                .setHeader(getTranslation("admin.consultation.period"))
                .setAutoWidth(true);
        grid.addComponentColumn(c -> new Button(getTranslation("admin.consultation.edit"), e -> edit(c.id())));
        grid.setItems(
                q -> consultations.forHome(q.getOffset(), q.getLimit()).stream(), q -> (int) consultations.count());
        add(new H1(getTranslation("admin.consultation.heading")), create, grid);
        expand(grid);
    }

    private void edit(Long id) {
        ConsultationDetails existing =
                id == null ? null : consultations.find(id).orElse(null);
        Dialog dialog = new Dialog(getTranslation(id == null ? "admin.consultation.new" : "admin.consultation.edit"));
        dialog.setWidth("min(52rem, 100vw)");
        TextField title = new TextField(getTranslation("admin.consultation.title"));
        title.setMaxLength(ConsultationService.MAX_TITLE);
        title.setId("consultation-title");
        TextArea question = new TextArea(getTranslation("admin.consultation.question"));
        question.setMaxLength(ConsultationService.MAX_QUESTION);
        question.setId("consultation-question");
        TextArea background = new TextArea(getTranslation("admin.consultation.background"));
        background.setMaxLength(ConsultationService.MAX_BACKGROUND);
        background.setHelperText(getTranslation("admin.consultation.background.help"));
        background.setMinHeight("10rem");
        background.setValueChangeMode(ValueChangeMode.LAZY);
        Div preview = new Div();
        preview.addClassName("markdown-preview");
        background.addValueChangeListener(e -> {
            preview.removeAll();
            preview.add(new Html("<div>" + Markdown.staffHtml(e.getValue()) + "</div>"));
        });
        Select<BudgetKind> budgetKind = new Select<>();
        budgetKind.setLabel(getTranslation("admin.consultation.budget-kind"));
        budgetKind.setItems(BudgetKind.values());
        budgetKind.setEmptySelectionAllowed(true);
        budgetKind.setEmptySelectionCaption(getTranslation("admin.consultation.budget-none"));
        budgetKind.setItemLabelGenerator(k -> k == null
                ? getTranslation("admin.consultation.budget-none")
                : getTranslation("admin.consultation.budget-kind." + k.name()));
        BigDecimalField amount = new BigDecimalField(getTranslation("admin.consultation.budget-amount"));
        DatePicker ideasFrom = new DatePicker(getTranslation("phase.IDEAS"));
        DatePicker votingFrom = new DatePicker(getTranslation("phase.VOTING"));
        DatePicker summarisingFrom = new DatePicker(getTranslation("phase.SUMMARISING"));
        DatePicker closedFrom = new DatePicker(getTranslation("phase.CLOSED"));
        List.of(ideasFrom, votingFrom, summarisingFrom, closedFrom).forEach(d -> {
            d.setLocale(getLocale());
            d.setHelperText(getTranslation("admin.consultation.phase-start"));
        });
        TextArea themes = new TextArea(getTranslation("admin.consultation.themes"));
        themes.setHelperText(getTranslation("admin.consultation.themes.help"));
        themes.setId("consultation-themes");
        TextArea targetGroups = new TextArea(getTranslation("admin.consultation.target-groups"));
        targetGroups.setHelperText(getTranslation("admin.consultation.target-groups.help"));
        targetGroups.setId("consultation-target-groups");
        Checkbox preModeration = new Checkbox(getTranslation("admin.consultation.pre-moderation"));
        preModeration.setTooltipText(getTranslation("admin.consultation.pre-moderation.help"));
        preModeration.setId("consultation-pre-moderation");
        MultiSelectComboBox<NeighbourhoodRef> wijken =
                new MultiSelectComboBox<>(getTranslation("admin.consultation.neighbourhoods"));
        List<NeighbourhoodRef> allWijken = neighbourhoods.all();
        wijken.setItems(allWijken);
        wijken.setItemLabelGenerator(NeighbourhoodRef::name);

        if (existing != null) {
            title.setValue(existing.title());
            question.setValue(existing.question());
            background.setValue(existing.background());
            budgetKind.setValue(existing.budgetKind());
            if (existing.budgetAmountEuros() != null) {
                amount.setValue(BigDecimal.valueOf(existing.budgetAmountEuros()));
            }
            ideasFrom.setValue(existing.ideasFrom());
            votingFrom.setValue(existing.votingFrom());
            summarisingFrom.setValue(existing.summarisingFrom());
            closedFrom.setValue(existing.closedFrom());
            themes.setValue(existing.themes().stream()
                    .map(ConsultationService.ThemeRef::name)
                    .collect(Collectors.joining("\n")));
            targetGroups.setValue(String.join("\n", existing.targetGroups()));
            preModeration.setValue(existing.preModeration());
            wijken.setValue(allWijken.stream()
                    .filter(n -> existing.neighbourhoodIds().contains(n.id()))
                    .collect(Collectors.toSet()));
        } else {
            LocalDate today = LocalDate.now();
            ideasFrom.setValue(today);
            votingFrom.setValue(today.plusWeeks(3));
            summarisingFrom.setValue(today.plusWeeks(5));
            closedFrom.setValue(today.plusWeeks(7));
            wijken.setValue(new LinkedHashSet<>(allWijken));
        }

        FormLayout form = new FormLayout(
                title,
                question,
                background,
                preview,
                budgetKind,
                amount,
                ideasFrom,
                votingFrom,
                summarisingFrom,
                closedFrom,
                themes,
                targetGroups,
                wijken,
                preModeration);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36rem", 2));
        List.of(title, question, background, preview, themes, targetGroups, wijken)
                .forEach(c -> form.setColspan(c, 2));
        FormMessage message = new FormMessage();
        Button save = new Button(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("consultation-save");
        save.addClickListener(e -> {
            if (amount.isInvalid()
                    || (amount.getValue() != null
                            && amount.getValue().scale() > 0
                            && amount.getValue().stripTrailingZeros().scale() > 0)) {
                message.error(getTranslation("error.amount.whole-euros"));
                return;
            }
            Long[] euros = new Long[1];
            if (!message.attempt(() -> euros[0] = Amounts.wholeEuros(amount.getValue()))) {
                return;
            }
            List<String> themeNames = lines(themes.getValue());
            Set<Long> wijkIds =
                    wijken.getValue().stream().map(NeighbourhoodRef::id).collect(Collectors.toSet());
            ConsultationForm f = new ConsultationForm(
                    title.getValue(),
                    question.getValue(),
                    background.getValue(),
                    budgetKind.getValue(),
                    euros[0],
                    ideasFrom.getValue(),
                    votingFrom.getValue(),
                    summarisingFrom.getValue(),
                    closedFrom.getValue(),
                    themeNames,
                    wijkIds,
                    lines(targetGroups.getValue()),
                    preModeration.getValue());
            if (message.attempt(() -> {
                if (id == null) {
                    consultations.create(f);
                } else {
                    consultations.update(id, f);
                }
            })) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.add(new VerticalLayout(form, message));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.consultation.heading");
    }
}

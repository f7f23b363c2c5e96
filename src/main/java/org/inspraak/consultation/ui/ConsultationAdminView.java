package org.inspraak.consultation.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import org.inspraak.consultation.PublicationCheck;
import org.inspraak.neighbourhood.NeighbourhoodService;
import org.inspraak.neighbourhood.NeighbourhoodService.NeighbourhoodRef;
import org.inspraak.security.Role;
import org.inspraak.ui.Amounts;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Markdown;
import org.inspraak.ui.Notices;
import org.inspraak.ui.PhoneColumns;

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
        grid.addComponentColumn(c -> {
                    Span meta = new Span(publicationState(c) + " · "
                            + getTranslation("phase." + c.phase().name()) + " · " + period(c));
                    meta.addClassNames("phone-only", "grid-meta");
                    return new Div(new Span(c.title()), meta);
                })
                .setHeader(getTranslation("admin.consultation.title"))
                .setWidth("9rem")
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grid.Column<ConsultationSummary> publication = grid.addColumn(this::publicationState)
                .setHeader(getTranslation("admin.publication.column"))
                .setAutoWidth(true);
        Grid.Column<ConsultationSummary> phase = grid.addColumn(
                        c -> getTranslation("phase." + c.phase().name()))
                .setHeader(getTranslation("admin.consultation.phase"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<ConsultationSummary> period = grid.addColumn(this::period)
                .setHeader(getTranslation("admin.consultation.period"))
                .setAutoWidth(true);
        PhoneColumns.fold(grid, List.of(publication, phase, period));
        grid.addComponentColumn(c -> {
                    Button edit = new Button(getTranslation("admin.consultation.edit"), e -> edit(c.id()));
                    HorizontalLayout buttons = new HorizontalLayout(edit);
                    if (!c.published()) {
                        Button publish = new Button(getTranslation("admin.publication.open"), e -> publication(c.id()));
                        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                        publish.setId("publication-" + c.id());
                        buttons.add(publish);
                    }
                    buttons.setWrap(true);
                    return buttons;
                })
                // Two buttons side by side on a wide screen, one above the other on a phone.
                .setWidth("min(19rem, 38vw)")
                .setFlexGrow(0)
                .setKey("actions");
        grid.setItems(
                q -> consultations.forStaff(q.getOffset(), q.getLimit()).stream(), q -> (int) consultations.countAll());
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
            long[] created = new long[1];
            if (message.attempt(() -> {
                if (id == null) {
                    created[0] = consultations.create(f);
                } else {
                    consultations.update(id, f);
                }
            })) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                if (id == null) {
                    // A new consultation is a draft: go straight on to what is missing and when to publish.
                    publication(created[0]);
                }
            }
        });
        dialog.add(new VerticalLayout(form, message));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private String period(ConsultationSummary c) {
        return Formats.mediumDate(c.ideasFrom(), getLocale()) + " – " + Formats.mediumDate(c.closedFrom(), getLocale());
    }

    private String publicationState(ConsultationSummary c) {
        if (c.published()) {
            return getTranslation("admin.publication.state.public");
        }
        return c.publishedFrom() == null
                ? getTranslation("admin.publication.state.draft")
                : getTranslation("admin.publication.state.planned", Formats.dateTime(c.publishedFrom(), getLocale()));
    }

    /** The checklist, a preview, and publication now or at a planned moment. */
    private void publication(long id) {
        ConsultationDetails c = consultations.find(id).orElseThrow();
        Dialog dialog = new Dialog(getTranslation("admin.publication.title", c.title()));
        dialog.setWidth("min(40rem, 100vw)");
        dialog.setId("publication-dialog");
        Paragraph state = new Paragraph(
                c.publishedFrom() == null
                        ? getTranslation("admin.publication.is-draft")
                        : getTranslation(
                                "admin.publication.is-planned", Formats.dateTime(c.publishedFrom(), getLocale())));
        List<PublicationCheck.CheckItem> items = consultations.checklist(id);
        UnorderedList list = new UnorderedList();
        list.addClassName("checklist");
        list.setId("publication-checklist");
        items.forEach(item -> {
            Icon icon = item.done() ? VaadinIcon.CHECK.create() : VaadinIcon.EXCLAMATION_CIRCLE_O.create();
            icon.addClassName(item.done() ? "check-done" : "check-open");
            icon.getElement()
                    .setAttribute(
                            "aria-label",
                            getTranslation(item.done() ? "admin.publication.done" : "admin.publication.open-item"));
            ListItem li = new ListItem(icon, new Span(getTranslation(item.key())));
            li.addClassName(item.done() ? "done" : "open");
            list.add(li);
        });
        long open = items.stream().filter(i -> !i.done()).count();
        Paragraph summary = new Paragraph(getTranslation("admin.publication.summary", open));
        summary.setId("publication-summary");
        Anchor preview = new Anchor("/gesprekken/" + id, getTranslation("admin.publication.preview"));
        preview.setTarget("_blank");
        preview.setId("publication-preview");

        FormMessage message = new FormMessage();
        Button now = new Button(getTranslation("admin.publication.now"));
        now.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        now.setId("publication-now");
        now.addClickListener(e -> {
            if (message.attempt(() -> consultations.publish(id, null))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notices.success(grid, "admin.publication.published");
            }
        });
        DateTimePicker at = new DateTimePicker(getTranslation("admin.publication.at"));
        at.setLocale(getLocale());
        at.setStep(java.time.Duration.ofMinutes(15));
        at.setMin(LocalDateTime.now(Formats.ZONE));
        at.setValue(
                c.publishedFrom() != null
                        ? LocalDateTime.ofInstant(c.publishedFrom(), Formats.ZONE)
                        : nextWorkingMorning());
        at.setId("publication-at");
        Button plan = new Button(getTranslation("admin.publication.plan"));
        plan.setId("publication-plan");
        plan.addClickListener(e -> {
            if (at.getValue() == null) {
                message.error(getTranslation("error.publication.moment"));
                return;
            }
            if (message.attempt(() ->
                    consultations.publish(id, at.getValue().atZone(Formats.ZONE).toInstant()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notices.success(grid, "admin.publication.planned");
            }
        });
        HorizontalLayout planRow = new HorizontalLayout(at, plan);
        planRow.setAlignItems(Alignment.BASELINE);
        planRow.setWrap(true);
        VerticalLayout body = new VerticalLayout(
                state,
                list,
                summary,
                preview,
                new Paragraph(getTranslation("admin.publication.final")),
                planRow,
                message);
        body.setPadding(false);
        if (c.publishedFrom() != null) {
            Button cancel = new Button(getTranslation("admin.publication.cancel-plan"), e -> {
                if (message.attempt(() -> consultations.cancelPlannedPublication(id))) {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                }
            });
            cancel.setId("publication-cancel-plan");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            body.add(cancel);
        }
        dialog.add(body);
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        close.setId("publication-close");
        dialog.getFooter().add(close, now);
        dialog.open();
    }

    /** Planned publications default to working hours: the next weekday at nine. */
    private static LocalDateTime nextWorkingMorning() {
        LocalDate day = LocalDate.now(Formats.ZONE).plusDays(1);
        while (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(9, 0);
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

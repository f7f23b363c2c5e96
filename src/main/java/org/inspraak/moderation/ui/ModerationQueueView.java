package org.inspraak.moderation.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.InspraakException;
import org.inspraak.moderation.ModerationService;
import org.inspraak.moderation.ModerationService.QueueItem;
import org.inspraak.moderation.ModerationService.Target;
import org.inspraak.moderation.TargetType;
import org.inspraak.security.Role;
import org.inspraak.ui.FormMessage;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Live;
import org.inspraak.ui.PhoneColumns;

/**
 * One queue across all consultations, most flagged and newest first. Moderators select one or many items and
 * act; every action needs a reason, which the public sees on hidden content and the audit log keeps.
 */
@Route("moderatie")
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
class ModerationQueueView extends VerticalLayout implements HasDynamicTitle {

    private final transient ModerationService moderation;
    private final Grid<QueueItem> grid = new Grid<>();
    private final TextField reason = new TextField();
    private final FormMessage message = new FormMessage();
    private final List<HasEnabled> anySelected;
    private final List<HasEnabled> oneSelected;
    private final List<HasEnabled> oneIdeaSelected;
    private final Paragraph empty;
    private final List<Component> workArea;

    ModerationQueueView(ModerationService moderation, Live live) {
        this.moderation = moderation;
        addClassName("page");
        addClassName("wide-page");
        setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // A click on a row (or Space on the focused row) selects it, not only a click on its small checkbox.
        grid.addAttachListener(
                e -> grid.getElement()
                        .executeJs(
                                "const c = this.querySelector('vaadin-grid-flow-selection-column'); if (c) { c.autoSelect = true; }"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setDetailsVisibleOnClick(false);
        grid.addComponentColumn(this::contribution)
                .setHeader(getTranslation("moderation.col.text"))
                .setFlexGrow(1);
        Grid.Column<QueueItem> flagsColumn = grid.addColumn(this::flags)
                .setHeader(getTranslation("moderation.col.flags"))
                .setWidth("10rem")
                .setFlexGrow(0);
        Grid.Column<QueueItem> author = grid.addColumn(this::author)
                .setHeader(getTranslation("moderation.col.author"))
                .setWidth("10rem")
                .setFlexGrow(0);
        Grid.Column<QueueItem> latest = grid.addColumn(i -> Formats.dateTime(i.latestFlag(), getLocale()))
                .setHeader(getTranslation("moderation.col.latest"))
                .setWidth("9rem")
                .setFlexGrow(0);
        // Kind and state stand above each text; on a phone the other columns' facts join them there.
        List<Grid.Column<QueueItem>> wideOnly = List.of(flagsColumn, author, latest);
        PhoneColumns.fold(grid, wideOnly);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        // The context of what is selected opens under its row; a moderator judges with the thread and history in view.
        grid.asMultiSelect().addSelectionListener(e -> {
            e.getAddedSelection().forEach(i -> grid.setDetailsVisible(i, true));
            e.getRemovedSelection().forEach(i -> grid.setDetailsVisible(i, false));
            enableActions();
        });
        grid.setItems(
                q -> moderation.queue(q.getOffset(), q.getLimit()).stream(), q -> (int) moderation.pendingCount());
        grid.setId("moderation-grid");

        reason.setLabel(getTranslation("moderation.reason"));
        reason.setHelperText(getTranslation("moderation.reason.help"));
        reason.setMaxLength(ModerationService.MAX_REASON);
        reason.setWidth("min(30rem, 100%)");
        reason.setId("moderation-reason");
        Button keep = action("moderation.keep", "keep", () -> moderation.keep(selected()));
        Button hide = action("moderation.hide", "hide", () -> moderation.hide(selected(), reason.getValue()));
        hide.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button restore = action(
                "moderation.restore",
                "restore",
                () -> selected().forEach(t -> moderation.restore(t, reason.getValue())));
        Button correct = new Button(getTranslation("moderation.correct"), e -> single().ifPresent(this::correct));
        correct.setId("moderation-correct");
        Button merge = new Button(getTranslation("moderation.merge"), e -> {
            if (message.attempt(() -> singleIdea(t -> mergeDialog(t.id())))) {
                message.clear();
            }
        });
        merge.setId("moderation-merge");
        Button lock = action(
                "moderation.lock", "lock", () -> singleIdea(t -> moderation.lock(t.id(), true, reason.getValue())));
        Button pin =
                action("moderation.pin", "pin", () -> singleIdea(t -> moderation.pin(t.id(), true, reason.getValue())));
        Button warn = action(
                "moderation.warn",
                "warn",
                () -> single().ifPresent(i -> moderation.warn(i.authorId(), reason.getValue())));
        DatePicker until = new DatePicker(getTranslation("moderation.suspend-until"));
        until.setMin(LocalDate.now().plusDays(1));
        until.setValue(LocalDate.now().plusDays(7));
        Button suspend = action(
                "moderation.suspend",
                "suspend",
                () -> single().ifPresent(i -> moderation.suspend(
                        i.authorId(),
                        until.getValue() == null
                                ? null
                                : until.getValue()
                                        .atStartOfDay(ZoneId.of("Europe/Amsterdam"))
                                        .toInstant(),
                        reason.getValue())));
        anySelected = List.of(keep, hide, restore);
        oneSelected = List.of(correct, warn, until, suspend);
        oneIdeaSelected = List.of(merge, lock, pin);
        enableActions();
        FlexLayout actions = new FlexLayout(keep, hide, restore, correct, merge, lock, pin, warn, until, suspend);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("moderation-actions");
        Paragraph empty = new Paragraph(getTranslation("moderation.empty"));
        empty.setId("moderation-empty");
        add(
                new H1(getTranslation("moderation.title")),
                new Paragraph(getTranslation("moderation.intro")),
                reason,
                actions,
                message,
                empty,
                grid);
        expand(grid);
        this.empty = empty;
        this.workArea = List.of(reason, actions, grid);
        showWhetherEmpty();
        live.subscribe(grid, ModerationService.QueueChanged.class, e -> {
            grid.getDataProvider().refreshAll();
            showWhetherEmpty();
        });
    }

    /** Nothing to decide: say so, instead of an empty grid under a row of buttons that cannot act. */
    private void showWhetherEmpty() {
        boolean nothing = moderation.pendingCount() == 0;
        empty.setVisible(nothing);
        workArea.forEach(c -> c.setVisible(!nothing));
    }

    /** Actions that cannot apply to the current selection are disabled, not refused after a click. */
    private void enableActions() {
        Set<QueueItem> items = grid.getSelectedItems();
        anySelected.forEach(b -> b.setEnabled(!items.isEmpty()));
        oneSelected.forEach(b -> b.setEnabled(items.size() == 1));
        boolean oneIdea = items.size() == 1 && items.iterator().next().target().type() == TargetType.IDEA;
        oneIdeaSelected.forEach(b -> b.setEnabled(oneIdea));
    }

    private Button action(String key, String id, Runnable action) {
        Button b = new Button(getTranslation(key), e -> {
            if (grid.getSelectedItems().isEmpty()) {
                message.error(getTranslation("moderation.select-first"));
                return;
            }
            if (message.attempt(action)) {
                message.success(getTranslation("moderation.done"));
                grid.deselectAll();
                grid.getDataProvider().refreshAll();
            }
        });
        b.setId("moderation-" + id);
        return b;
    }

    private List<Target> selected() {
        return grid.getSelectedItems().stream().map(QueueItem::target).toList();
    }

    private Optional<QueueItem> single() {
        Set<QueueItem> items = grid.getSelectedItems();
        if (items.size() != 1) {
            throw new InspraakException("error.moderation.select-one");
        }
        return items.stream().findFirst();
    }

    private void singleIdea(Consumer<Target> action) {
        QueueItem item = single().orElseThrow();
        if (item.target().type() != TargetType.IDEA) {
            throw new InspraakException("error.moderation.ideas-only");
        }
        action.accept(item.target());
    }

    private void mergeDialog(long duplicateId) {
        Dialog dialog = new Dialog(getTranslation("moderation.merge"));
        IntegerField into = new IntegerField(getTranslation("moderation.merge.into"));
        into.setHelperText(getTranslation("moderation.merge.help"));
        into.setMin(1);
        FormMessage m = new FormMessage();
        Button save = new Button(getTranslation("moderation.merge"), e -> {
            if (into.getValue() == null) {
                m.error(getTranslation("moderation.merge.into"));
                return;
            }
            if (m.attempt(() -> moderation.merge(duplicateId, into.getValue(), reason.getValue()))) {
                dialog.close();
                grid.deselectAll();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.add(new VerticalLayout(into, m));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void correct(QueueItem item) {
        Dialog dialog = new Dialog(getTranslation("moderation.correct"));
        boolean idea = item.target().type() == TargetType.IDEA;
        String[] parts = idea ? item.text().split("\n\n", 2) : new String[] {"", item.text()};
        TextField title = new TextField(getTranslation("idea.title"));
        title.setValue(parts[0]);
        title.setVisible(idea);
        title.setWidthFull();
        TextArea text = new TextArea(getTranslation("moderation.text"));
        text.setValue(parts.length > 1 ? parts[1] : "");
        text.setWidthFull();
        FormMessage m = new FormMessage();
        Button save = new Button(getTranslation("action.save"), e -> {
            if (m.attempt(
                    () -> moderation.correct(item.target(), title.getValue(), text.getValue(), reason.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        dialog.setWidth("min(40rem, 100vw)");
        dialog.add(new VerticalLayout(title, text, m));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Div details(QueueItem i) {
        ModerationService.QueueContext ctx = moderation.context(i.target());
        Div box = new Div();
        box.addClassName("moderation-context");
        Paragraph where = new Paragraph(getTranslation("moderation.context.idea") + " ");
        where.add(new Anchor("/ideeen/" + ctx.ideaId(), ctx.ideaTitle()));
        box.add(where);
        if (!ctx.thread().isEmpty()) {
            Div thread = new Div();
            thread.addClassName("moderation-thread");
            thread.add(new Paragraph(getTranslation("moderation.context.thread")));
            ctx.thread().forEach(line -> {
                Paragraph p = new Paragraph(line.authorName() + ": "
                        + (line.hidden() ? getTranslation("moderation.context.hidden") + " " : "")
                        + line.body());
                p.addClassName("moderation-thread-line");
                thread.add(p);
            });
            box.add(thread);
        }
        Div text = new Div(i.text());
        text.addClassName("moderation-text");
        box.add(text);
        if (!i.explanations().isEmpty()) {
            box.add(new Paragraph(
                    getTranslation("moderation.explanations") + " " + String.join(" · ", i.explanations())));
        }
        Paragraph history = new Paragraph(getTranslation("moderation.context.reported", ctx.earlierReported()));
        history.addClassName("moderation-history");
        box.add(history);
        ctx.sanctions()
                .forEach(sanction -> box.add(new Paragraph(
                        sanction.suspension() && sanction.until() != null
                                ? getTranslation(
                                        "moderation.context.suspended",
                                        Formats.dateTime(sanction.at(), getLocale()),
                                        Formats.dateTime(sanction.until(), getLocale()),
                                        sanction.reason())
                                : getTranslation(
                                        sanction.suspension()
                                                ? "moderation.context.suspended-open"
                                                : "moderation.context.warned",
                                        Formats.dateTime(sanction.at(), getLocale()),
                                        sanction.reason()))));
        return box;
    }

    private String type(QueueItem i) {
        return getTranslation("moderation.type." + i.target().type().name());
    }

    private String flags(QueueItem i) {
        return i.openFlags() + " · "
                + i.reasons().stream()
                        .map(r -> getTranslation("flag.reason." + r.name()))
                        .collect(Collectors.joining(", "));
    }

    private String author(QueueItem i) {
        return i.authorName()
                + (i.authorSanctions() > 0
                        ? " (" + getTranslation("moderation.sanctions", i.authorSanctions()) + ")"
                        : "");
    }

    private String state(QueueItem i) {
        return i.hidden() ? getTranslation("moderation.state.hidden") : getTranslation("moderation.state.visible");
    }

    /** The excerpt under a line with its kind and state, and on a phone also the reports and the author. */
    private Div contribution(QueueItem i) {
        Span phoneOnly = new Span(" · " + flags(i) + " · " + author(i));
        phoneOnly.addClassName("phone-only");
        Div meta = new Div(new Span(type(i) + " · " + state(i)), phoneOnly);
        meta.addClassName("moderation-meta");
        return new Div(meta, new Span(excerpt(i.text())));
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title");
    }
}

package org.inspraak.audit.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.audit.AuditEntry;
import org.inspraak.audit.AuditService;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PhoneColumns;

/** Who did what, when and why; filterable and exportable, never editable. */
@Route("beheer/audit")
@RolesAllowed({Role.ADMIN_NAME, Role.MODERATOR_NAME})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    AuditView(AuditService audit) {
        addClassNames("page", "wide-page");
        setSizeFull();
        TextField action = new TextField(getTranslation("audit.action"));
        action.setValueChangeMode(ValueChangeMode.LAZY);
        action.setMaxLength(40);
        TextField actor = new TextField(getTranslation("audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setMaxLength(60);
        Grid<AuditEntry> grid = new Grid<>();
        Grid.Column<AuditEntry> when = grid.addColumn(e -> Formats.dateTime(e.getCreatedAt(), getLocale()))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true);
        Grid.Column<AuditEntry> who = grid.addColumn(AuditEntry::getActorName)
                .setHeader(getTranslation("audit.actor"))
                .setAutoWidth(true);
        // On a phone the action is the one column, and says when, who, on what and why underneath.
        grid.addComponentColumn(e -> {
                    Span meta = new Span(String.join(
                            " · ",
                            Formats.dateTime(e.getCreatedAt(), getLocale()),
                            e.getActorName() == null ? "" : e.getActorName(),
                            target(e)));
                    meta.addClassNames("phone-only", "grid-meta");
                    Div cell = new Div(new Span(e.getAction()), meta);
                    if (e.getReason() != null && !e.getReason().isBlank()) {
                        Span why = new Span(e.getReason());
                        why.addClassNames("phone-only", "grid-meta");
                        cell.add(why);
                    }
                    return cell;
                })
                .setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        Grid.Column<AuditEntry> onWhat = grid.addColumn(AuditView::target).setHeader(getTranslation("audit.target"));
        Grid.Column<AuditEntry> why = grid.addColumn(AuditEntry::getReason)
                .setHeader(getTranslation("audit.reason"))
                .setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneColumns.fold(grid, List.of(when, who, onWhat, why));
        grid.setItems(
                q ->
                        audit
                                .find(
                                        action.getValue().trim().toUpperCase(),
                                        actor.getValue(),
                                        q.getOffset(),
                                        q.getLimit())
                                .stream(),
                q -> (int) audit.count(action.getValue().trim().toUpperCase(), actor.getValue()));
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        actor.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Anchor csv = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = audit.csv(action.getValue().trim().toUpperCase(), actor.getValue())
                            .getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), "auditlog.csv", "text/csv", bytes.length);
                }),
                getTranslation("audit.csv"));
        csv.setId("audit-csv");
        HorizontalLayout filters = new HorizontalLayout(action, actor, csv);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        add(new H1(getTranslation("audit.title")), filters, grid);
        expand(grid);
    }

    private static String target(AuditEntry e) {
        return e.getTargetType() == null ? "" : e.getTargetType() + " " + e.getTargetId();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}

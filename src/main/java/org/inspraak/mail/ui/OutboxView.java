package org.inspraak.mail.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.mail.MailService;
import org.inspraak.mail.OutboxMail;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;
import org.inspraak.ui.PhoneColumns;

/** Every mail the site sent or, without an SMTP server, only logged: the demo works offline. */
@Route("beheer/mail")
@RolesAllowed(Role.ADMIN_NAME)
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    OutboxView(MailService mail) {
        addClassName("page");
        setSizeFull();
        Grid<OutboxMail> grid = new Grid<>();
        Grid.Column<OutboxMail> when = grid.addColumn(m -> Formats.dateTime(m.getCreatedAt(), getLocale()))
                .setHeader(getTranslation("outbox.when"))
                .setAutoWidth(true);
        Grid.Column<OutboxMail> to = grid.addColumn(OutboxMail::getRecipient)
                .setHeader(getTranslation("outbox.to"))
                .setAutoWidth(true);
        // On a phone the subject is the one column, with when, to whom and how it went underneath.
        grid.addComponentColumn(m -> {
                    Span meta = new Span(String.join(
                            " · ",
                            Formats.dateTime(m.getCreatedAt(), getLocale()),
                            m.getRecipient(),
                            getTranslation("outbox.status." + m.getStatus().name())));
                    meta.addClassNames("phone-only", "grid-meta");
                    return new Div(new Span(m.getSubject()), meta);
                })
                .setHeader(getTranslation("outbox.subject"));
        Grid.Column<OutboxMail> status = grid.addColumn(
                        m -> getTranslation("outbox.status." + m.getStatus().name()))
                .setHeader(getTranslation("outbox.status"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneColumns.fold(grid, List.of(when, to, status));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Pre(m.getBody())));
        grid.setItems(q -> mail.recent(q.getOffset(), q.getLimit()).stream(), q -> (int) mail.count());
        add(new H1(getTranslation("outbox.title")), new Paragraph(getTranslation("outbox.intro")), grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title");
    }
}

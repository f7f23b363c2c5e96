package org.inspraak.mail.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.inspraak.mail.MailService;
import org.inspraak.mail.OutboxMail;
import org.inspraak.security.Role;
import org.inspraak.ui.Formats;

/** Every mail the site sent or, without an SMTP server, only logged: the demo works offline. */
@Route("beheer/mail")
@RolesAllowed(Role.ADMIN_NAME)
class OutboxView extends VerticalLayout implements HasDynamicTitle {

    OutboxView(MailService mail) {
        addClassName("page");
        setSizeFull();
        Grid<OutboxMail> grid = new Grid<>();
        grid.addColumn(m -> Formats.dateTime(m.getCreatedAt(), getLocale()))
                .setHeader(getTranslation("outbox.when"))
                .setAutoWidth(true);
        grid.addColumn(OutboxMail::getRecipient)
                .setHeader(getTranslation("outbox.to"))
                .setAutoWidth(true);
        grid.addColumn(OutboxMail::getSubject).setHeader(getTranslation("outbox.subject"));
        grid.addColumn(m -> getTranslation("outbox.status." + m.getStatus().name()))
                .setHeader(getTranslation("outbox.status"));
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

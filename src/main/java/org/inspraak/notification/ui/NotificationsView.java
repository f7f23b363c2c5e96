package org.inspraak.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.inspraak.notification.NotificationService;
import org.inspraak.notification.NotificationService.NotificationView;
import org.inspraak.ui.Formats;
import org.inspraak.ui.Live;

/** The signed-in user's notifications, newest first, loaded lazily. */
@Route("meldingen")
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private final transient NotificationService notifications;

    NotificationsView(NotificationService notifications, Live live) {
        this.notifications = notifications;
        addClassName("page");
        setHeightFull();
        VirtualList<NotificationView> list = new VirtualList<>();
        list.addClassName("notification-list");
        list.setRenderer(new ComponentRenderer<>(this::item));
        list.setDataProvider(DataProvider.<NotificationView>fromCallbacks(
                q -> notifications.mine(q.getOffset(), q.getLimit()).stream(), q -> (int) notifications.count()));
        list.getElement().setAttribute("aria-label", getTranslation("notifications.title"));
        Button allRead = new Button(getTranslation("notifications.all-read"), e -> {
            notifications.markAllRead();
            list.getDataProvider().refreshAll();
        });
        allRead.setId("mark-all-read");
        Span empty = new Span(getTranslation("notifications.empty"));
        empty.setVisible(notifications.count() == 0);
        add(new H1(getTranslation("notifications.title")), allRead, empty, list);
        setFlexGrow(1, list);
        live.subscribe(
                list,
                NotificationService.NotificationCreated.class,
                e -> list.getDataProvider().refreshAll());
    }

    private Component item(NotificationView n) {
        Anchor link = new Anchor(n.link(), notifications.describe(n, getLocale()));
        link.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
        Span when = new Span(Formats.dateTime(n.createdAt(), getLocale()));
        when.addClassName("muted");
        Div item = new Div(link);
        if (n.excerpt() != null) {
            // What was written, quoted, so the reader sees it before deciding to open the page.
            Paragraph excerpt = new Paragraph(n.excerpt());
            excerpt.addClassName("notification-excerpt");
            item.add(excerpt);
        }
        item.add(new Div(when));
        item.addClassNames("card", "notification", n.read() ? "read" : "unread");
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title");
    }
}

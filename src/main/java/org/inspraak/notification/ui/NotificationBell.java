package org.inspraak.notification.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.notification.NotificationService;
import org.inspraak.security.CurrentUser;
import org.inspraak.security.InspraakUser;
import org.inspraak.ui.Live;
import org.inspraak.ui.NavigationExtensions;

/** The bell in the header with the number of unread notifications, updated live. */
@org.springframework.stereotype.Component
class NotificationBell implements NavigationExtensions.Contributor {

    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final Live live;

    NotificationBell(NotificationService notifications, CurrentUser currentUser, Live live) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.live = live;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<SideNavItem> items(InspraakUser userOrNull) {
        return List.of();
    }

    @Override
    public List<Component> headerItems() {
        InspraakUser user = currentUser.get().orElse(null);
        if (user == null) {
            return List.of();
        }
        Span count = new Span();
        count.addClassName("bell-count");
        count.setId("bell-count");
        Anchor bell = new Anchor("/meldingen", VaadinIcon.BELL.create(), count);
        bell.addClassName("bell");
        bell.setId("bell");
        Runnable refresh = () -> {
            long unread = notifications.unreadCount();
            count.setText(unread == 0 ? "" : Long.toString(unread));
            count.setVisible(unread > 0);
            bell.getElement().setAttribute("aria-label", bell.getTranslation("notifications.bell", unread));
        };
        refresh.run();
        live.subscribe(
                bell, NotificationService.NotificationCreated.class, e -> e.userId() == user.id(), e -> refresh.run());
        return List.of(bell);
    }
}

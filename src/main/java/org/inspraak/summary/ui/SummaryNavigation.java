package org.inspraak.summary.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.ui.NavigationExtensions;
import org.springframework.stereotype.Component;

/** The council's reading room for council members and staff; insight administration for admins. */
@Component
class SummaryNavigation implements NavigationExtensions.Contributor {

    @Override
    public int order() {
        return 25;
    }

    @Override
    public List<SideNavItem> items(InspraakUser user) {
        UI ui = UI.getCurrent();
        List<SideNavItem> items = new ArrayList<>();
        if (user == null) {
            return items;
        }
        if (user.has(Role.COUNCIL_MEMBER) || user.isStaff()) {
            items.add(new SideNavItem(ui.getTranslation("nav.council"), "/raad", VaadinIcon.OPEN_BOOK.create()));
        }
        if (user.has(Role.ADMIN)) {
            items.add(new SideNavItem(
                    ui.getTranslation("nav.insight-admin"), "/beheer/inzichten", VaadinIcon.CHART.create()));
        }
        return items;
    }
}

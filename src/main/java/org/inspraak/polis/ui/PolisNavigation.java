package org.inspraak.polis.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.ui.NavigationExtensions;
import org.springframework.stereotype.Component;

/** Admins find the Polis import next to the insight administration. */
@Component
class PolisNavigation implements NavigationExtensions.Contributor {

    @Override
    public int order() {
        return 26;
    }

    @Override
    public List<SideNavItem> items(InspraakUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem(
                UI.getCurrent().getTranslation("nav.polis-import"), "/beheer/polis", VaadinIcon.UPLOAD.create()));
    }
}

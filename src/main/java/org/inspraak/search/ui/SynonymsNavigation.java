package org.inspraak.search.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.security.InspraakUser;
import org.inspraak.security.Role;
import org.inspraak.ui.NavigationExtensions;
import org.springframework.stereotype.Component;

/** Admins find the search words with the other administration pages. */
@Component
class SynonymsNavigation implements NavigationExtensions.Contributor {

    @Override
    public int order() {
        return 27;
    }

    @Override
    public List<SideNavItem> items(InspraakUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem(
                UI.getCurrent().getTranslation("synonyms.nav"), "/beheer/zoekwoorden", VaadinIcon.BOOK.create()));
    }
}

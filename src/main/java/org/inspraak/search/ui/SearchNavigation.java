package org.inspraak.search.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.security.InspraakUser;
import org.inspraak.ui.NavigationExtensions;
import org.springframework.stereotype.Component;

/** Adds "Zoeken" to the navigation for everyone. */
@Component
class SearchNavigation implements NavigationExtensions.Contributor {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<SideNavItem> items(InspraakUser userOrNull) {
        return List.of(
                new SideNavItem(UI.getCurrent().getTranslation("search.title"), "/zoeken", VaadinIcon.SEARCH.create()));
    }
}

package org.inspraak.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.inspraak.security.InspraakUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Lets features add their own navigation entries (search, moderation, council…) without the shell
 * depending on every feature.
 */
@Service
public class NavigationExtensions {

    /** Implemented by features that add entries to the side navigation or the header. */
    public interface Contributor {
        /** Lower comes first. */
        int order();

        List<SideNavItem> items(InspraakUser userOrNull);

        default List<Component> headerItems() {
            return List.of();
        }
    }

    private final ObjectProvider<Contributor> contributors;

    NavigationExtensions(ObjectProvider<Contributor> contributors) {
        this.contributors = contributors;
    }

    List<SideNavItem> items(InspraakUser user) {
        List<SideNavItem> out = new ArrayList<>();
        contributors
                .orderedStream()
                .sorted(Comparator.comparingInt(Contributor::order))
                .forEach(c -> out.addAll(c.items(user)));
        return out;
    }

    List<Component> headerItems() {
        List<Component> out = new ArrayList<>();
        contributors
                .orderedStream()
                .sorted(Comparator.comparingInt(Contributor::order))
                .forEach(c -> out.addAll(c.headerItems()));
        return out;
    }
}

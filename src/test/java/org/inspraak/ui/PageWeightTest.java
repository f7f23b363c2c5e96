package org.inspraak.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import org.inspraak.KaribuTest;
import org.inspraak.idea.IdeaSort;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server-side element costs an open page about 0.7 KB for as long as it is open (issue 18's heap per
 * session), so the pages residents keep open are held to a number of elements. Read-only parts are one element
 * each (StaticHtml); a change that turns them back into component trees fails here.
 */
class PageWeightTest extends KaribuTest {

    @Autowired
    ReactionService reactions;

    @Test
    void anIdeaPageWithThreeReactionsStaysSmall() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        for (int i = 0; i < 3; i++) {
            reactions.post(idea, null, "Dit plan wordt veel te duur voor de wijk, reactie " + i + ".", false);
        }
        login(data.user());
        navigate("ideeen/" + idea);
        assertThat(pageHtml()).contains("reactie 2.", "Wat gebeurt er met dit idee?", "Ingediend");
        // 99 elements before the read-only parts became one element each.
        assertThat(elements(UI.getCurrent().getElement())).isLessThanOrEqualTo(70);
    }

    /**
     * The cards are drawn in the browser from a template and their values; as components (text, three buttons with
     * icons and labels) they were 14 elements each, more than half of a resident's session on the page.
     */
    @Test
    void ideaCardsInViewAddNoElementsToThePage() {
        long c = data.openConsultation();
        for (int i = 0; i < 9; i++) {
            data.idea(c, data.user());
        }
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("gesprekken/" + c);
        int empty = elements(UI.getCurrent().getElement());
        IdeaCards cards = new IdeaCards(8);
        assertThat(cards.shown(idea)).isTrue();
        assertThat((String) cards.values(idea).get("text")).contains("/ideeen/" + idea, "Ingediend");
        assertThat(elements(UI.getCurrent().getElement())).isEqualTo(empty);
    }

    @Test
    void theConsultationPageBuildsSortAndFiltersOnlyWhenOpenedOrChosenInTheAddress() {
        long c = data.openConsultation();
        data.idea(c, data.user());
        login(data.user());
        navigate("gesprekken/" + c);
        assertThat(_find(Select.class)).isEmpty();
        // 88 elements while the four fields and their items were built for every visitor (the list's cards aside).
        assertThat(elements(UI.getCurrent().getElement())).isLessThanOrEqualTo(55);

        _get(Details.class, s -> s.withId("idea-choices")).setOpened(true);
        Select<?> sort = _get(Select.class, s -> s.withId("idea-sort"));
        assertThat(sort.getValue()).isEqualTo(IdeaSort.NEWEST);

        // A shared link with a selection shows it in the fields, opened.
        navigate("gesprekken/" + c + "?sorteer=most_support");
        Details choices = _get(Details.class, s -> s.withId("idea-choices"));
        assertThat(choices.isOpened()).isTrue();
        assertThat(_get(Select.class, s -> s.withId("idea-sort")).getValue()).isEqualTo(IdeaSort.MOST_SUPPORT);
    }

    @Test
    void theShellOfAResidentsPageIsAFewElementsAndStaffKeepTheirLiveCounters() {
        login(data.user());
        MainLayout resident = ctx.getAutowireCapableBeanFactory().createBean(MainLayout.class);
        UI.getCurrent().add(resident);
        assertThat(resident.getElement().getOuterHTML())
                .contains("vaadin-side-nav-item", "vaadin:search", "Zoeken", "Privacy", "Gemeente");
        assertThat(resident.getChildren().flatMap(Component::getChildren).filter(c -> c instanceof SideNav))
                .isEmpty();
        // 35 elements while the menu and brand were a component per item, icon and text.
        assertThat(elements(resident.getElement())).isLessThanOrEqualTo(20);

        UI.getCurrent().remove(resident);
        login(data.user(Role.MODERATOR));
        MainLayout staff = ctx.getAutowireCapableBeanFactory().createBean(MainLayout.class);
        UI.getCurrent().add(staff);
        assertThat(_get(staff, SideNav.class).getElement().getOuterHTML()).contains("moderation-count");
    }

    private static int elements(Element e) {
        int n = 1;
        for (Element child : e.getChildren().toList()) {
            n += elements(child);
        }
        if (e.getNode().hasFeature(VirtualChildrenList.class)) {
            VirtualChildrenList virtual = e.getNode().getFeature(VirtualChildrenList.class);
            for (int i = 0; i < virtual.size(); i++) {
                n += elements(Element.get(virtual.get(i)));
            }
        }
        return n;
    }
}

package org.inspraak.ui;

import java.time.Instant;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v23.VirtualListsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.consultation.Phase;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.notification.NotificationService;
import org.inspraak.search.SearchService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffAndSearchViewsTest extends KaribuTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    ConsultationService consultations;

    @Autowired
    NotificationService notifications;

    @Autowired
    SearchService search;

    @Test
    void searchShowsHighlightedHitsAndFacets() {
        long c = data.openConsultation();
        data.idea(c, data.user(), "Zonnepanelen op scholen", "Zonnepanelen op alle daken van scholen.");
        navigate("zoeken?q=zonnepaneel&gesprek=" + c);
        assertThat(_get(Paragraph.class, s -> s.withId("search-summary")).getText())
                .isEqualTo("1 idee gevonden voor \"zonnepaneel\".");
        @SuppressWarnings("unchecked")
        VirtualList<SearchService.Hit> results = _get(VirtualList.class, s -> s.withClasses("search-results"));
        assertThat(VirtualListsKt._findAll(results).getFirst().titleHtml()).contains("<mark>Zonnepanelen</mark>");
        assertThat(_find(Button.class).stream().map(Button::getText)).anyMatch(t -> t.startsWith("Gesprek"));
        navigate("zoeken?q=zonnepaneel&gesprek=abc&status=NONSENSE");
        assertThat(_get(Paragraph.class, s -> s.withId("search-summary")).getText())
                .contains("zonnepaneel");
    }

    /** The first page comes with the count; further pages are fetched as the list scrolls, in the same order. */
    @Test
    void aLongResultListReadsOnPastItsFirstPage() {
        long c = data.openConsultation();
        TestData.User u = data.user();
        for (int i = 0; i < 57; i++) {
            data.idea(c, u, "Fietsenstalling " + i, "Een overdekte fietsenstalling bij halte " + i + ".");
        }
        navigate("zoeken?q=fietsenstalling&gesprek=" + c);
        assertThat(_get(Paragraph.class, s -> s.withId("search-summary")).getText())
                .isEqualTo("57 ideeën gevonden voor \"fietsenstalling\".");
        @SuppressWarnings("unchecked")
        VirtualList<SearchService.Hit> results = _get(VirtualList.class, s -> s.withClasses("search-results"));
        List<Long> listed = VirtualListsKt._findAll(results).stream()
                .map(SearchService.Hit::ideaId)
                .toList();
        assertThat(listed).hasSize(57).doesNotHaveDuplicates();
        assertThat(listed)
                .isEqualTo(
                        search
                                .search("fietsenstalling", new SearchService.Filters(c, null, null, null), 0, 100)
                                .hits()
                                .stream()
                                .map(SearchService.Hit::ideaId)
                                .toList());
    }

    /** Issue 15: a misspelt word gets a suggestion from the ideas' own words; nothing found says what to try. */
    @Test
    void searchSuggestsASpellingAndExplainsAnEmptyResult() {
        long c = data.openConsultation();
        data.idea(c, data.user(), "Parkeergarage 's nachts sluiten", "Er rijdt 's nachts bijna niemand in of uit.");
        navigate("zoeken?q=parkeergarrage&gesprek=" + c);
        Anchor suggestion = _get(Anchor.class, s -> s.withId("search-suggestion"));
        assertThat(suggestion.getText()).isEqualTo("parkeergarage");
        assertThat(suggestion.getHref()).contains("q=parkeergarage").contains("gesprek=" + c);
        // Nothing at all for a typo: the results of the nearest word are shown, and the summary says so.
        data.idea(c, data.user(), "Zwembad op zondag langer open", "Gezinnen willen in het weekend zwemmen.");
        navigate("zoeken?q=zwenbad&gesprek=" + c);
        assertThat(_get(Paragraph.class, s -> s.withId("search-summary")).getText())
                .isEqualTo("Niets gevonden voor \"zwenbad\". 1 idee gevonden voor \"zwembad\":");
        navigate("zoeken?q=xylofoonconcert&gesprek=" + c);
        assertThat(_get(Paragraph.class, s -> s.withId("search-summary")).getText())
                .isEqualTo("Geen ideeën gevonden voor \"xylofoonconcert\".");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.contains("Haal een filter weg"));
        navigate("zoeken?q=xylofoonconcert");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("Probeer een ander woord"));
        // A facet group without values is not shown at all.
        assertThat(_find(Div.class, s -> s.withClasses("facet")).stream().filter(Div::isVisible))
                .isEmpty();
    }

    @Test
    void staffChangeTheStatusWithAnExplanation() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user(Role.MODERATOR));
        navigate("ideeen/" + idea);
        @SuppressWarnings("unchecked")
        Select<IdeaStatus> status = _get(Select.class, s -> s.withId("status-select"));
        _setValue(status, IdeaStatus.NOT_SELECTED);
        _click(_get(Button.class, s -> s.withId("status-save")));
        assertThat(_find(FormMessage.class).stream().map(FormMessage::getText))
                .contains("Leg uit waarom dit idee niet gekozen is.");
        _setValue(_get(TextArea.class, s -> s.withId("status-explanation")), "Dit mag wettelijk niet.");
        _click(_get(Button.class, s -> s.withId("status-save")));
        assertThat(ideas.find(idea).orElseThrow().status()).isEqualTo(IdeaStatus.NOT_SELECTED);
    }

    @Test
    void residentsSeeNoStatusPanel() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        login(data.user());
        navigate("ideeen/" + idea);
        assertThat(_find(Select.class, s -> s.withId("status-select"))).isEmpty();
    }

    @Test
    void followingFromTheIdeaPageAndReadingNotifications() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user());
        TestData.User resident = login(data.user());
        navigate("ideeen/" + idea);
        Button follow = _get(Button.class, s -> s.withId("follow-idea"));
        assertThat(follow.getText()).isEqualTo("Volgen");
        _click(follow);
        assertThat(follow.getText()).isEqualTo("Niet meer volgen");
        login(data.user(Role.MODERATOR));
        ideas.setStatus(idea, IdeaStatus.SELECTED, "Gekozen door de raad.");
        awaitEventsHandled();
        login(resident);
        navigate("meldingen");
        VirtualList<?> list = _get(VirtualList.class, s -> s.withClasses("notification-list"));
        assertThat(VirtualListsKt._size(list)).isEqualTo(1);
        _click(_get(Button.class, s -> s.withId("mark-all-read")));
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void aNewConsultationIsADraftWithAChecklistUntilItIsPublished() {
        login(data.user(Role.ADMIN));
        navigate("beheer/gesprekken");
        _click(_get(Button.class, s -> s.withId("new-consultation")));
        _setValue(_get(TextField.class, s -> s.withId("consultation-title")), "Nieuw gesprek over afval");
        _click(_get(Button.class, s -> s.withId("consultation-save")));
        assertThat(_find(FormMessage.class).stream().map(FormMessage::getText))
                .contains("Vul de vraag in, hoogstens 500 tekens.");
        _setValue(_get(TextArea.class, s -> s.withId("consultation-question")), "Hoe scheiden we beter afval?");
        _setValue(_get(TextArea.class, s -> s.withId("consultation-themes")), "Plastic\nGFT\n");
        _setValue(_get(TextArea.class, s -> s.withId("consultation-target-groups")), "Studenten\n\nHuurders");
        _click(_get(Button.class, s -> s.withId("consultation-save")));

        // Saved as a draft: not on the home page, and the publication dialog lists what is missing.
        assertThat(consultations.forHome(0, 100)).noneMatch(x -> x.title().equals("Nieuw gesprek over afval"));
        ConsultationService.ConsultationSummary created = consultations.forStaff(0, 100).stream()
                .filter(x -> x.title().equals("Nieuw gesprek over afval"))
                .findFirst()
                .orElseThrow();
        assertThat(created.published()).isFalse();
        assertThat(created.publishedFrom()).isNull();
        assertThat(_get(UnorderedList.class, s -> s.withId("publication-checklist"))
                        .getChildren()
                        .filter(li -> li.hasClassName("open"))
                        .map(li -> li.getElement().getTextRecursively()))
                .containsExactlyInAnyOrder(
                        "Er is achtergrondinformatie (minstens 100 tekens)",
                        "Er zijn doelen voor bereik en representativiteit (Evaluatie)");
        assertThat(_get(Paragraph.class, s -> s.withId("publication-summary")).getText())
                .startsWith("Nog 2 punten zijn niet in orde.");
        assertThat(consultations.themes(created.id()))
                .extracting(ConsultationService.ThemeRef::name)
                .containsExactly("GFT", "Plastic");

        _click(_get(Button.class, s -> s.withId("publication-close")));

        // Staff preview it as a resident will see it; residents cannot reach it, and cannot take part.
        navigate("gesprekken/" + created.id());
        assertThat(_get(Paragraph.class, s -> s.withId("draft-banner")).getText())
                .startsWith("Concept:");
        assertThat(_get(Paragraph.class, s -> s.withClasses("target-groups")).getText())
                .endsWith("Studenten, Huurders");
        assertThat(consultations.phase(created.id())).isEqualTo(Phase.UPCOMING);
        data.logout();
        navigate("gesprekken/" + created.id());
        assertThat(_find(Paragraph.class, s -> s.withId("draft-banner"))).isEmpty();
        assertThat(pageHtml()).doesNotContain("Hoe scheiden we beter afval?");

        // Planned for later: still hidden; the plan can be taken back; then published now.
        login(data.user(Role.ADMIN));
        assertThatThrownBy(
                        () -> consultations.publish(created.id(), Instant.now().minusSeconds(3600)))
                .hasMessageContaining("error.publication.past");
        consultations.publish(created.id(), Instant.now().plusSeconds(3600));
        assertThat(consultations.find(created.id()).orElseThrow().published()).isFalse();
        consultations.cancelPlannedPublication(created.id());
        assertThat(consultations.find(created.id()).orElseThrow().publishedFrom())
                .isNull();
        navigate("beheer/gesprekken");
        @SuppressWarnings("unchecked")
        Grid<ConsultationService.ConsultationSummary> grid = _get(Grid.class);
        int row = 0;
        while (GridKt._get(grid, row).id() != created.id()) {
            row++;
        }
        _click(_get(
                GridKt._getCellComponent(grid, row, "actions"),
                Button.class,
                s -> s.withId("publication-" + created.id())));
        _click(_get(Button.class, s -> s.withId("publication-now")));
        assertThat(consultations.forHome(0, 100)).anyMatch(x -> x.id() == created.id());
        assertThat(consultations.phase(created.id())).isEqualTo(Phase.IDEAS);
        assertThatThrownBy(() -> consultations.publish(created.id(), null))
                .hasMessageContaining("error.publication.already");
        data.logout();
        navigate("gesprekken/" + created.id());
        assertThat(pageHtml()).contains("Hoe scheiden we beter afval?");
    }

    @Test
    void theBellShowsUnreadNotifications() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        login(data.user(Role.MODERATOR));
        ideas.setStatus(idea, IdeaStatus.SELECTED, "Gekozen.");
        awaitEventsHandled();
        login(author);
        // The shell is not applied by Karibu's route registration, so build it directly.
        MainLayout layout = ctx.getAutowireCapableBeanFactory().createBean(MainLayout.class);
        Span count = _get(layout, Span.class, s -> s.withId("bell-count"));
        assertThat(count.getText()).isEqualTo("1");
    }
}

package org.inspraak.ui;

import com.github.mvysny.kaributesting.v23.VirtualListsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.virtuallist.VirtualList;
import org.assertj.core.api.Assertions;
import org.inspraak.KaribuTest;
import org.inspraak.TestData;
import org.inspraak.account.ui.LoginView;
import org.inspraak.account.ui.UsersView;
import org.inspraak.idea.IdeaService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** What an anonymous visitor sees, and where the shell sends people who may not see something. */
class PublicViewsTest extends KaribuTest {

    @Autowired
    IdeaService ideas;

    @Test
    void anonymousVisitorsReadConsultationsAndIdeas() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Bankjes in het park", "Meer bankjes in het stadspark voor ouderen.");
        navigate("");
        assertThat(_get(H1.class, s -> s.withText("Stadsgesprekken"))).isNotNull();
        VirtualList<?> list = _get(VirtualList.class, s -> s.withClasses("consultation-list"));
        assertThat(VirtualListsKt._findAll(list).toString()).contains("Waar besparen we op?");

        navigate("gesprekken/" + c);
        VirtualList<?> ideas = _get(VirtualList.class, s -> s.withClasses("idea-list"));
        assertThat(VirtualListsKt._findAll(ideas).toString()).contains("Bankjes in het park");
        assertThat(_get(Anchor.class, s -> s.withText("Log in om een idee te plaatsen")))
                .isNotNull();
        _assertNone(Button.class, s -> s.withId("new-idea"));

        navigate("ideeen/" + idea);
        assertThat(_get(H1.class, s -> s.withText("Bankjes in het park"))).isNotNull();
        assertThat(_get(Button.class, s -> s.withId("vote-agree")).isEnabled()).isFalse();
        assertThat(_get(Anchor.class, s -> s.withText("Log in om te stemmen"))).isNotNull();
    }

    @Test
    void protectedPagesSendAnonymousVisitorsToLogin() {
        navigate("account");
        assertThat(_find(LoginView.class)).hasSize(1);
    }

    @Test
    void residentsCannotOpenAdminPages() {
        login(data.user(Role.RESIDENT));
        Assertions.assertThatThrownBy(() -> navigate("beheer/gebruikers")).hasMessageContaining("Access is denied");
        assertThat(_find(UsersView.class)).isEmpty();
    }

    @Test
    void englishIsAvailable() {
        english();
        navigate("privacy");
        assertThat(_get(H1.class, s -> s.withText("Privacy: what we store and why")))
                .isNotNull();
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("en");
    }

    @Test
    void publicPagesNeverShowEmailAddresses() {
        long c = data.openConsultation();
        TestData.User author = data.user();
        long idea = data.idea(c, author);
        navigate("ideeen/" + idea);
        String page = pageHtml();
        assertThat(page).contains(author.name()).doesNotContain(author.email());
    }

    /** Red-team finding 3: a hidden idea's title stays out of the page and the browser tab. */
    @Test
    void hiddenTitlesDoNotLeak() {
        long c = data.openConsultation();
        long idea = data.idea(c, data.user(), "Geheime titel die weg moet", "Tekst die niemand mag zien.");
        ideas.hideUnchecked(idea, "Scheldwoorden");
        navigate("ideeen/" + idea);
        assertThat(UI.getCurrent().getInternals().getTitle()).doesNotContain("Geheime");
        assertThat(pageHtml()).doesNotContain("Geheime");
    }

    /** A background question (a Polis metadata statement) says on its card and page why it is not in the groups. */
    @Test
    void backgroundQuestionsSayWhatTheyAreFor() {
        long c = data.openConsultation();
        long idea =
                ideas.importIdea(data.user().id(), c, "Ik woon in de binnenstad", java.time.Instant.now(), false, true);
        long opinion = data.idea(c, data.user(), "Meer bomen in de binnenstad", "Bomen geven schaduw en koelte.");
        navigate("ideeen/" + idea);
        assertThat(_get(Paragraph.class, s -> s.withId("background-explained")).getText())
                .contains("achtergrondvraag", "niet bij het bepalen van de meningsgroepen");
        assertThat(pageHtml()).contains(">Achtergrondvraag<");
        navigate("ideeen/" + opinion);
        _assertNone(Paragraph.class, s -> s.withId("background-explained"));
        assertThat(pageHtml()).doesNotContain(">Achtergrondvraag<");
    }
}

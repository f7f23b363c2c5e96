package org.inspraak.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: filter the ideas, vote from the list, open one, and come Back to the same selection. */
class IdeaListBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPhoneFiltersVotesFromTheListAndComesBackToTheSameFilter() {
        BrowserContext phone = newContext(360, 800);
        try {
            Page p = phone.newPage();
            login(p, "bewoner4@example.org", "inspraak-demo");
            p.navigate(url("/gesprekken/1"));
            // Sorting and filters are folded away until opened.
            assertThat(p.locator("#filter-theme")).hasCount(0);
            p.locator("#idea-choices").getByText("Sorteren en filteren").click();
            p.locator("#filter-theme").click();
            p.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Verkeer en parkeren"))
                    .first()
                    .click();
            p.waitForURL(u -> u.contains("thema="));
            long inTheme = jdbc.queryForObject(
                    "select count(*) from idea i join theme t on t.id = i.theme_id "
                            + "where t.name = 'Verkeer en parkeren' and i.hidden = false and i.consultation_id = 1",
                    Long.class);
            assertThat(p.locator("h2", new Page.LocatorOptions().setHasText(inTheme + " ideeën van de")))
                    .isVisible();
            assertThat(p.locator(".idea-card .labels").first()).containsText("Verkeer en parkeren");

            // Vote from the card, without opening the idea.
            Locator card = p.locator(".idea-card").first();
            String title = card.locator("h3 a").textContent();
            long idea = jdbc.queryForObject(
                    "select id from idea where title = ? and consultation_id = 1", Long.class, title);
            card.locator("#vote-agree-" + idea).click();
            assertThat(card.locator("#vote-agree-" + idea)).hasAttribute("aria-pressed", "true");
            long userId =
                    jdbc.queryForObject("select id from user_account where email = 'bewoner4@example.org'", Long.class);
            assertThat(jdbc.queryForObject(
                            "select choice from vote where idea_id = ? and user_id = ?", String.class, idea, userId))
                    .isEqualTo("AGREE");

            card.locator("h3 a").click();
            assertThat(p.locator("h1")).hasText(title);
            settled(p);
            p.goBack();
            assertThat(p.locator("#filter-theme")).containsText("Verkeer en parkeren");
            assertThat(p.locator("h2", new Page.LocatorOptions().setHasText(inTheme + " ideeën van de")))
                    .isVisible();
            assertThat(p.url()).contains("thema=");
        } finally {
            phone.close();
        }
    }

    @Test
    void backFromAnIdeaShowsItsCardAgainAndANewVisitStartsAtTheTop() {
        BrowserContext phone = newContext(360, 800);
        try {
            Page p = phone.newPage();
            p.navigate(url("/gesprekken/1"));
            assertThat(p.locator(".idea-card").first()).isVisible();
            // The thirteenth idea in the default order (newest first, pinned on top), far down a phone's list.
            String title = jdbc.queryForObject(
                    "select title from idea where consultation_id = 1 and hidden = false "
                            + "order by pinned desc, created_at desc, id desc offset 12 rows fetch next 1 rows only",
                    String.class);
            p.locator(".idea-list").evaluate("list => list.scrollToIndex(12)");
            Locator card = p.locator(
                    ".idea-card",
                    new Page.LocatorOptions().setHas(p.locator("h3 a", new Page.LocatorOptions().setHasText(title))));
            card.locator("h3 a").click();
            assertThat(p.locator("h1")).hasText(title);

            settled(p);
            p.goBack();
            assertThat(p.locator("h1")).not().hasText(title);
            assertThat(card).isInViewport();

            // Coming to the consultation another way starts at the top of the list.
            card.locator("h3 a").click();
            assertThat(p.locator("h1")).hasText(title);
            p.navigate(url("/"));
            p.navigate(url("/gesprekken/1"));
            assertThat(p.locator(".idea-card").first()).isVisible();
            assertThat(card).not().isInViewport();
        } finally {
            phone.close();
        }
    }
}

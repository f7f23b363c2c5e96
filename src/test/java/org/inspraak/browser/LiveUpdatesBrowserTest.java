package org.inspraak.browser;

import java.nio.file.Paths;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * One resident posts an idea; a second, in another browser, votes and reacts; the first sees the vote and the
 * reaction appear without reloading (Vaadin Push).
 */
class LiveUpdatesBrowserTest extends BrowserTest {

    @Test
    void votesAndReactionsAppearLiveForOthers() {
        login(page, "bewoner@example.org", "inspraak-demo");
        page.navigate(url("/"));
        page.getByText("Stadsgesprek: samen slim bezuinigen").first().click();
        page.locator("#new-idea").click();
        fill(page, "idea-title", "Deelauto's voor de gemeente");
        fill(
                page,
                "idea-description",
                "Vervang de eigen wagens van de gemeente door deelauto's die ook bewoners kunnen huren.");
        page.locator("#idea-submit").click();
        assertThat(page.locator("h1")).hasText("Deelauto's voor de gemeente");
        // Vaadin updates the address with pushState after rendering; wait for it before sharing the link.
        page.waitForURL(u -> u.contains("/ideeen/"));
        String ideaUrl = page.url();
        assertThat(page.locator("#vote-agree")).containsText("0");

        BrowserContext other = newContext(390, 844);
        try {
            Page second = other.newPage();
            login(second, "bewoner1@example.org", "inspraak-demo");
            second.navigate(ideaUrl);
            try {
                second.locator("#vote-agree").click();
            } catch (RuntimeException e) {
                second.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/live-second.png")));
                throw e;
            }
            assertThat(second.locator("#vote-agree")).containsText("Eens · 1");
            fill(second, "reaction-text", "Goed plan, dan kan ik er ook een huren!");
            second.locator("#reaction-post").click();
            assertThat(second.getByText("Goed plan, dan kan ik er ook een huren!"))
                    .isVisible();
        } finally {
            other.close();
        }

        // No reload on the first page: Push delivers both changes.
        assertThat(page.locator("#vote-agree")).containsText("Eens · 1");
        assertThat(page.getByText("Goed plan, dan kan ik er ook een huren!")).isVisible();
        assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("1 reactie")))
                .isVisible();
    }
}

package org.inspraak.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Three residents report a reaction; it disappears for everyone without a reload; a moderator restores it
 * from the queue and it comes back.
 */
class ModerationBrowserTest extends BrowserTest {

    static final String TEXT = "Wie dit voorstelt, snapt er helemaal niets van, sukkels.";

    @Test
    void threeFlagsHideAReactionLiveAndAModeratorRestoresIt() {
        login(page, "bewoner@example.org", "inspraak-demo");
        page.navigate(url("/ideeen/3"));
        fill(page, "reaction-text", TEXT);
        page.locator("#reaction-post").click();
        Locator reaction = page.locator(".reaction", new Page.LocatorOptions().setHasText(TEXT));
        assertThat(reaction).isVisible();
        String id = reaction.getAttribute("data-reaction-id");

        // The first resident keeps the page open, as does an anonymous reader.
        BrowserContext anonymous = newContext(1024, 800);
        Page reader = anonymous.newPage();
        reader.navigate(url("/ideeen/3"));
        assertThat(reader.getByText(TEXT)).isVisible();

        for (int i = 1; i <= 3; i++) {
            BrowserContext flaggerContext = newContext(1024, 800);
            try {
                Page flagger = flaggerContext.newPage();
                login(flagger, "bewoner" + (10 + i) + "@example.org", "inspraak-demo");
                flagger.navigate(url("/ideeen/3"));
                flagger.locator("#flag-reaction-" + id).click();
                flagger.locator("#flag-reason vaadin-radio-button").nth(0).click();
                flagger.locator("#flag-send").click();
                // The dialog closes once the report is stored (the third report also hides the reaction).
                assertThat(flagger.locator("#flag-send")).hasCount(0);
            } finally {
                flaggerContext.close();
            }
        }

        // Gone for everyone, without reloading.
        assertThat(reader.getByText(TEXT)).hasCount(0);
        assertThat(reader.getByText("Tijdelijk verborgen na meldingen van bewoners")
                        .first())
                .isVisible();
        assertThat(page.getByText(TEXT)).hasCount(0);

        BrowserContext staffContext = newContext(1280, 900);
        try {
            Page staff = staffContext.newPage();
            login(staff, "moderator@example.org", "inspraak-demo");
            staff.navigate(url("/moderatie"));
            Locator row = staff.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("sukkels"))
                    .first();
            assertThat(row).isVisible();
            // Nothing selected: the actions cannot be used yet.
            assertThat(staff.locator("#moderation-restore")).isDisabled();
            // A click on the row itself selects it and opens its context: the idea and the author's history.
            row.click();
            assertThat(staff.locator("#moderation-restore")).isEnabled();
            assertThat(staff.locator(".moderation-context").first()).containsText("Bij het idee:");
            assertThat(staff.locator(".moderation-history").first()).isVisible();
            // Acting on one contribution only (merge) stays off for a reaction.
            assertThat(staff.locator("#moderation-merge")).isDisabled();
            fill(staff, "moderation-reason", "Scherp, maar binnen de richtlijnen");
            staff.locator("#moderation-restore").click();
            assertThat(staff.getByText("Gedaan.")).isVisible();
        } finally {
            staffContext.close();
        }
        assertThat(reader.getByText(TEXT)).isVisible();
        anonymous.close();
    }

    @Test
    void aModeratorSelectsAReportWithTheKeyboard() {
        login(page, "moderator@example.org", "inspraak-demo");
        page.navigate(url("/moderatie"));
        assertThat(page.locator("#moderation-grid vaadin-grid-cell-content").first())
                .isVisible();
        assertThat(page.locator("#moderation-hide")).isDisabled();
        // From the reason field, Tab reaches the grid (disabled buttons are skipped), Tab again its rows.
        page.locator("#moderation-reason input").focus();
        for (int i = 0; i < 30 && !"moderation-grid".equals(page.evaluate("() => document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.locator("#moderation-grid")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Space");
        assertThat(page.locator("#moderation-hide")).isEnabled();
        assertThat(page.locator(".moderation-context").first()).containsText("Bij het idee:");
    }
}

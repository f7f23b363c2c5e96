package org.inspraak.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A resident logs in, posts an idea and votes with the keyboard alone: no mouse click anywhere. */
class KeyboardOnlyBrowserTest extends BrowserTest {

    /** The id of the element (or its nearest ancestor with an id) that has keyboard focus, through shadow roots. */
    static final String FOCUSED = """
            () => { let a = document.activeElement;
                    while (a && a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; }
                    let n = a;
                    while (n && (!n.id || n.tagName === 'INPUT' || n.tagName === 'TEXTAREA')) {
                        n = n.parentElement || (n.getRootNode && n.getRootNode().host); }
                    return n ? n.id : ''; }""";

    private void tabTo(Page p, String id) {
        for (int i = 0; i < 120; i++) {
            if (id.equals(p.evaluate(FOCUSED))) {
                return;
            }
            p.keyboard().press("Tab");
        }
        throw new AssertionError("could not reach #" + id + " with the Tab key");
    }

    @Test
    void postAnIdeaAndVoteWithTheKeyboardOnly() {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").focus();
        page.keyboard().type("bewoner@example.org");
        page.keyboard().press("Tab");
        page.keyboard().type("inspraak-demo");
        page.keyboard().press("Enter");
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(url("/gesprekken/1"));
        // Tab only once the page has rendered its list (cards with vote buttons come in after the first response).
        assertThat(page.locator("#new-idea")).isVisible();
        assertThat(page.locator(".idea-card").first()).isVisible();
        tabTo(page, "new-idea");
        page.keyboard().press("Enter");
        assertThat(page.locator("#idea-title")).isVisible();
        tabTo(page, "idea-title");
        page.keyboard().type("Fietsenstalling bij het station met toetsenbord");
        tabTo(page, "idea-description");
        page.keyboard().type("Een overdekte stalling scheelt fietsendiefstal en rommel op de stoep.");
        tabTo(page, "idea-submit");
        page.keyboard().press("Enter");
        page.waitForURL(u -> u.contains("/ideeen/"));
        assertThat(page.locator("h1")).hasText("Fietsenstalling bij het station met toetsenbord");

        tabTo(page, "vote-agree");
        page.keyboard().press("Space");
        assertThat(page.locator("#vote-agree")).hasAttribute("aria-pressed", "true");
    }
}

package org.inspraak.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A resident composes and saves a budget ballot on a 360 px wide phone screen. */
class BallotBrowserTest extends BrowserTest {

    @Test
    void castABallotOnAPhone() {
        BrowserContext phone = newContext(360, 740);
        try {
            Page p = phone.newPage();
            login(p, "bewoner@example.org", "inspraak-demo");
            p.navigate(url("/"));
            p.getByText("Begroting 2027: kies mee waar we besparen").first().click();
            p.waitForURL(u -> u.matches(".*/gesprekken/\\d+$"));
            p.locator(".ballot-link").click();
            p.waitForURL(u -> u.endsWith("/begroting"));
            assertThat(p.locator("#ballot-status")).containsText("Kies minstens één idee");
            p.getByText("Parkeertarieven in het centrum verhogen").click();
            assertThat(p.locator("#ballot-status")).containsText("U bespaart nog");
            p.getByText("Gemeentelijke gebouwen delen met scholen").click();
            p.getByText("Bibliotheekfilialen samenvoegen").click();
            p.getByText("Papieren gemeentegids afschaffen").click();
            p.getByText("Straatverlichting dimmen na middernacht").click();
            assertThat(p.locator("#ballot-status")).hasText("Uw keuze klopt. Sla haar op.");
            assertThat(p.locator("#ballot-total"))
                    .containsText(java.util.regex.Pattern.compile("€[\\s\\u00a0]3,25[\\s\\u00a0]miljoen"));
            // Nothing overflows the phone's width.
            Object overflow = p.evaluate("document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            p.locator("#ballot-save").click();
            assertThat(p.getByText("Uw begroting is opgeslagen.")).isVisible();
            p.reload();
            assertThat(p.locator("#ballot-total"))
                    .containsText(java.util.regex.Pattern.compile("€[\\s\\u00a0]3,25[\\s\\u00a0]miljoen"));
        } finally {
            phone.close();
        }
    }
}

package org.inspraak.browser;

import java.nio.file.Files;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator computes insights (progress pushed), drafts a summary from them, edits and offers it for review;
 * a second staff member approves and publishes; a council member opens it and downloads the PDF.
 */
class SummaryBrowserTest extends BrowserTest {

    @Test
    void draftApprovePublishReadAndDownload() throws Exception {
        login(page, "moderator@example.org", "inspraak-demo");
        page.navigate(url("/gesprekken/1/inzichten"));
        assertThat(page.getByText("Inzichten bijgewerkt.")).isVisible();
        assertThat(page.locator(".insights svg[role=img]").first()).isVisible();

        page.navigate(url("/gesprekken/1/samenvatting"));
        fill(page, "summary-title", "Helmond bezuinigt: wat inwoners zeggen");
        page.locator("#summary-draft").click();
        assertThat(page.locator("#summary-text textarea")).hasValue(Pattern.compile("## De vraag", Pattern.DOTALL));
        String text = page.locator("#summary-text textarea").inputValue();
        page.locator("#summary-text textarea").fill(text + "\nDe moderator voegt een conclusie toe.");
        assertThat(page.locator(".summary-preview")).containsText("De moderator voegt een conclusie toe.");
        page.locator("#summary-submit").click();
        assertThat(page.getByText("Aangeboden; een tweede moderator kan nu goedkeuren."))
                .isVisible();

        BrowserContext adminContext = newContext(1280, 900);
        try {
            Page admin = adminContext.newPage();
            login(admin, "beheerder@example.org", "inspraak-demo");
            admin.navigate(url("/gesprekken/1/samenvatting"));
            admin.locator("#summary-approve").click();
            assertThat(admin.getByText("Gepubliceerd voor de raad.")).isVisible();
        } finally {
            adminContext.close();
        }

        BrowserContext councilContext = newContext(1280, 900);
        try {
            Page council = councilContext.newPage();
            login(council, "raadslid@example.org", "inspraak-demo");
            council.navigate(url("/raad"));
            council.getByText("Helmond bezuinigt: wat inwoners zeggen").click();
            council.waitForURL(u -> u.contains("/raad/samenvattingen/"));
            assertThat(council.getByText("De moderator voegt een conclusie toe."))
                    .isVisible();
            assertThat(council.locator(".summary-text a[href^='ideeen/']").first())
                    .isVisible();
            Download download = council.waitForDownload(
                    () -> council.locator(".download-pdf").click());
            byte[] pdf = Files.readAllBytes(download.path());
            assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
            council.locator(".mark-read").click();
            assertThat(council.locator(".mark-read")).hasText("Gelezen");
            // A citation leads to the idea and its reactions.
            council.locator(".summary-text a[href^='ideeen/']").first().click();
            council.waitForURL(u -> u.contains("/ideeen/"));
        } finally {
            councilContext.close();
        }
    }
}

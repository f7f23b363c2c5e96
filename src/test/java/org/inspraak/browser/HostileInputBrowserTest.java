package org.inspraak.browser;

import java.time.Instant;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.inspraak.InspraakException;
import org.inspraak.consultation.ConsultationService;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.inspraak.security.HostileInputTestCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The whole payload corpus, as reactions and idea texts, opened in real Chromium: nothing executes. */
class HostileInputBrowserTest extends BrowserTest {

    @Autowired
    ReactionService reactions;

    @Autowired
    IdeaService ideas;

    @Autowired
    ConsultationService consultations;

    @Test
    void noPayloadExecutesInTheBrowser() throws Exception {
        List<String> payloads = HostileInputTestCorpus.payloads();
        long consultation = consultations.forHome(0, 1).getFirst().id();
        long idea = ideas.postAs(
                1L,
                consultation,
                new IdeaService.IdeaForm("Onschadelijke tekst", "Alle aanvallen als reacties.", null, null, null, null),
                Instant.now());
        for (String p : payloads) {
            try {
                reactions.postAs(1L, false, idea, null, p, Instant.now());
            } catch (InspraakException refusedWithMessage) {
                // e.g. right-to-left overrides: refused with a clear message, never stored
            }
        }
        page.navigate(url("/ideeen/" + idea));
        page.locator("text=Meer reacties laden").click();
        page.locator("text=Meer reacties laden").click();
        page.locator("text=Meer reacties laden").click();
        assertThat(page.getByText("<script>window.__xss=1</script>").first()).isVisible();
        // Hover and focus everything that could carry a handler, then check that nothing ran.
        // Dispatched in the page rather than with the pointer, so an overlay cannot block any of them.
        page.evaluate(
                "() => document.querySelectorAll('.reaction .body, .reaction .body *').forEach(e => {"
                        + " ['mouseover', 'mouseenter', 'focus'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true}))); })");
        Object xss = page.evaluate("() => window.__xss");
        Assertions.assertThat(xss).isNull();
        Assertions.assertThat(
                        page.evaluate(
                                "() => document.querySelectorAll('.reactions script, .reactions img, .reactions iframe, .reactions svg, .reactions object').length"))
                .isEqualTo(0);
    }
}

package org.inspraak.browser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Red-team finding 1: every payload as an idea title, found by a word only its description holds. A title that
     * does not match comes back unhighlighted (Lucene's no-match fragment), the path that once went out unencoded.
     */
    @Test
    void noPayloadInATitleExecutesInSearchResults() throws Exception {
        List<String> words = List.of(
                "kastanjeboom",
                "lindeboom",
                "eikenboom",
                "beukenboom",
                "berkenboom",
                "iepenboom",
                "esdoorn",
                "plataan",
                "wilgenboom",
                "populier",
                "notenboom",
                "kersenboom");
        List<String> payloads = HostileInputTestCorpus.payloads();
        int perWord = (payloads.size() + words.size() - 1) / words.size();
        long consultation = consultations.forHome(0, 1).getFirst().id();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < payloads.size(); i++) {
            String word = words.get(i / perWord);
            String title = payloads.get(i).length() > IdeaService.MAX_TITLE
                    ? payloads.get(i).substring(0, IdeaService.MAX_TITLE)
                    : payloads.get(i);
            try {
                ideas.postAs(
                        1L,
                        consultation,
                        new IdeaService.IdeaForm(title, "Meer " + word + " in het stadspark.", null, null, null, null),
                        Instant.now());
                expected.merge(word, 1, Integer::sum);
            } catch (InspraakException refusedWithMessage) {
                // e.g. right-to-left overrides or a title that shows nothing: refused, never stored
            }
        }
        Assertions.assertThat(
                        expected.values().stream().mapToInt(Integer::intValue).sum())
                .as("most payloads are stored as titles")
                .isGreaterThan(payloads.size() * 3 / 4);
        List<String> dialogs = new ArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.setViewportSize(1280, 4000);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            page.navigate(url("/zoeken?q=" + e.getKey()));
            assertThat(page.locator(".search-hit").nth(e.getValue() - 1)).isAttached();
            page.evaluate("() => document.querySelectorAll('.search-hit, .search-hit *').forEach(el => {"
                    + " ['mouseover', 'mouseenter', 'focus', 'animationstart'].forEach(t =>"
                    + " el.dispatchEvent(new Event(t, {bubbles: true}))); })");
            Assertions.assertThat(page.evaluate("() => window.__xss"))
                    .as(e.getKey())
                    .isNull();
            Assertions.assertThat(page.evaluate("() => document.querySelectorAll('.search-hit script, .search-hit img,"
                            + " .search-hit iframe, .search-hit svg, .search-hit object, .search-hit [onload],"
                            + " .search-hit [onerror], .search-hit [onbegin]').length"))
                    .as(e.getKey())
                    .isEqualTo(0);
        }
        Assertions.assertThat(dialogs).isEmpty();
    }
}

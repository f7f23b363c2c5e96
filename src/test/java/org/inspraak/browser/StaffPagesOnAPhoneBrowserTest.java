package org.inspraak.browser;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff page at 360 px: nothing sticks out of the page or its main regions. Grids may scroll sideways
 * inside their own box; the page around them may not.
 */
class StaffPagesOnAPhoneBrowserTest extends BrowserTest {

    static final List<String> STAFF_PAGES = List.of(
            "/moderatie",
            "/vragen",
            "/reactieschema",
            "/raad",
            "/gesprekken/1/inzichten",
            "/gesprekken/1/samenvatting",
            "/gesprekken/1/agenda",
            "/gesprekken/1/evaluatie",
            "/gesprekken/2/uitkomst/bewerken",
            "/beheer/gesprekken",
            "/beheer/gebruikers",
            "/beheer/inzichten",
            "/beheer/zoekwoorden",
            "/beheer/polis",
            "/beheer/mail",
            "/beheer/backup",
            "/beheer/audit");

    /** What sticks out to the right of a 360 px window; empty when the page fits. */
    static final String OVERFLOW = """
            () => {
              const out = [];
              const root = document.documentElement;
              if (root.scrollWidth > root.clientWidth) out.push('page ' + root.scrollWidth + 'px');
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
              if (content && content.scrollWidth > content.clientWidth) out.push('content ' + content.scrollWidth + 'px');
              const edge = window.innerWidth + 1;
              for (const el of document.querySelectorAll('.page *')) {
                if (el.closest('vaadin-grid')) continue;
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.right <= edge) continue;
                let clipped = false;
                for (let a = el.parentElement; a && !clipped; a = a.parentElement) {
                  const s = getComputedStyle(a);
                  clipped = s.overflowX !== 'visible' && a.getBoundingClientRect().right <= edge;
                }
                if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' to ' + Math.round(box.right) + 'px');
              }
              return out.slice(0, 8);
            }""";

    @Test
    void everyStaffPageFitsA360PixelPhone() {
        BrowserContext phone = newContext(360, 800);
        List<String> problems = new ArrayList<>();
        try {
            Page p = phone.newPage();
            login(p, "beheerder@example.org", "inspraak-demo");
            // The workbench with a summary open: its editor is the widest part of the staff pages.
            p.navigate(url("/gesprekken/1/samenvatting"));
            fill(p, "summary-title", "Wat inwoners zeggen, gelezen op een telefoon");
            p.locator("#summary-draft").click();
            assertThat(p.locator("#summary-text textarea")).isVisible();
            for (String path : STAFF_PAGES) {
                p.navigate(url(path));
                assertThat(p.locator("h1").first()).isVisible();
                try {
                    // Layout settles over a few round trips (grids fold their columns once the width is known).
                    p.waitForFunction(
                            "() => (" + OVERFLOW + ")().length === 0",
                            null,
                            new Page.WaitForFunctionOptions().setTimeout(20_000));
                } catch (PlaywrightException timedOut) {
                    problems.add(path + ": " + p.evaluate(OVERFLOW));
                }
            }
        } finally {
            phone.close();
        }
        assertThat(problems).isEmpty();
    }
}

package org.inspraak.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every main page, as anonymous visitor and in each role, on a desktop
 * and a 360 px phone: no serious or critical violations.
 */
class AccessibilityBrowserTest extends BrowserTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Pages per role; ids follow the demo data (1 Stadsgesprek, 3 the ballot consultation, idea 3). */
    static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put(
                "anonymous",
                List.of(
                        "/",
                        "/gesprekken/1",
                        "/ideeen/3",
                        "/zoeken?q=afval",
                        "/gesprekken/3/begroting",
                        "/gesprekken/2/uitkomst",
                        "/login",
                        "/registreren"));
        PAGES.put(
                "bewoner@example.org",
                List.of("/", "/gesprekken/1", "/ideeen/3", "/gesprekken/3/begroting", "/account"));
        PAGES.put(
                "moderator@example.org",
                List.of("/moderatie", "/gesprekken/1/inzichten", "/gesprekken/1/samenvatting", "/ideeen/3", "/raad"));
        PAGES.put("raadslid@example.org", List.of("/raad", "/gesprekken/1/inzichten", "/gesprekken/1", "/account"));
        PAGES.put(
                "beheerder@example.org",
                List.of(
                        "/beheer/gesprekken",
                        "/moderatie",
                        "/gesprekken/3/begroting",
                        "/beheer/inzichten",
                        "/beheer/polis",
                        "/beheer/zoekwoorden",
                        "/gesprekken/2/uitkomst/bewerken"));
    }

    @Test
    void desktop() {
        check(1280, 900);
    }

    @Test
    void phone() {
        check(360, 740);
    }

    private void check(int width, int height) {
        List<String> problems = new ArrayList<>();
        PAGES.forEach((who, paths) -> {
            BrowserContext ctx = newContext(width, height);
            try {
                Page p = ctx.newPage();
                if (!who.equals("anonymous")) {
                    login(p, who, "inspraak-demo");
                }
                for (String path : paths) {
                    p.navigate(url(path));
                    p.waitForLoadState(LoadState.NETWORKIDLE);
                    p.locator("h1").first().waitFor();
                    AxeResults results = new AxeBuilder(p).withTags(TAGS).analyze();
                    for (Rule r : results.getViolations()) {
                        if ("serious".equals(r.getImpact()) || "critical".equals(r.getImpact())) {
                            problems.add(width + "px " + who + " " + path + ": " + r.getId() + " (" + r.getImpact()
                                    + ") "
                                    + r.getNodes().stream()
                                            .limit(3)
                                            .map(n -> String.valueOf(n.getTarget()))
                                            .toList());
                        }
                    }
                }
            } finally {
                ctx.close();
            }
        });
        assertThat(problems).isEmpty();
    }
}

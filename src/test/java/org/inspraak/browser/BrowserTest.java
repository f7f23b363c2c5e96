package org.inspraak.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real headless Chromium (Debian's package) against the application on a random port. Playwright never
 * downloads a browser here: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "inspraak.demo-data=true")
@ActiveProfiles("test")
public abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Debian's chromium at " + CHROMIUM
                    + " (apt-get install chromium); .ci/run installs it.");
        }
        // Background work (insights, vote counts, pushes) takes longer on a busy 2-core machine: every assertion
        // waits for its condition, with the same generous bound as actions, instead of Playwright's 5 seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
        playwright = Playwright.create();
        browser = chromium(playwright);
    }

    /** Debian's Chromium, headless, with what this machine's closed network and sandbox need. */
    public static Browser chromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** What the browser refused under the Content-Security-Policy: Vaadin must work without inline-script leeway. */
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        context = newContext(1280, 900);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                policyViolations.add(page.url() + ": " + m.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
        Assertions.assertThat(policyViolations).isEmpty();
    }

    protected BrowserContext newContext(int width, int height) {
        BrowserContext c = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setLocale("nl-NL"));
        c.setDefaultTimeout(45_000);
        return c;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Vaadin text fields render a native input in their light DOM. */
    protected void fill(Page p, String fieldId, String value) {
        p.locator("#" + fieldId + " input, #" + fieldId + " textarea").first().fill(value);
    }

    /**
     * Waits until the page's Vaadin client has no request in flight and no navigation under way, as TestBench
     * does. A Back pressed before the client has finished the previous navigation can be swallowed by its
     * router; a person never presses Back within those milliseconds, a test does.
     */
    protected void settled(Page p) {
        p.waitForFunction("() => { const f = window.Vaadin && window.Vaadin.Flow;"
                + " if (!f || !f.clients || f.navigation) return false;"
                + " return Object.values(f.clients).every(c => !c.isActive || !c.isActive()); }");
    }

    protected void login(Page p, String email, String password) {
        p.navigate(url("/login"));
        p.locator("vaadin-login-form input[name='username']").fill(email);
        p.locator("vaadin-login-form input[name='password']").fill(password);
        p.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form button[type='submit']")
                .first()
                .click();
        p.waitForURL(u -> !u.contains("/login"));
    }
}

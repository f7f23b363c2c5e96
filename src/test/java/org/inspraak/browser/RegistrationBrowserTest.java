package org.inspraak.browser;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer registers, confirms the e-mail from the mailbox, logs in and sees the Stadsgesprek. */
class RegistrationBrowserTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void registerConfirmLoginAndSeeTheStadsgesprek() throws Exception {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("Stadsgesprekken");
        assertThat(page.getByText("Stadsgesprek: samen slim bezuinigen").first())
                .isVisible();

        // A visitor reads a consultation, decides to join, and registers from there.
        page.getByText("Stadsgesprek: samen slim bezuinigen").first().click();
        assertThat(page.locator("h1")).hasText("Stadsgesprek: samen slim bezuinigen");
        page.waitForURL(u -> u.contains("/gesprekken/"));
        String consultationUrl = page.url();
        page.locator("#first-visit-done").click();
        assertThat(page.locator("#first-visit")).isHidden();
        page.locator("a[href='/registreren']:visible").first().click();
        String email = "browser-" + System.nanoTime() + "@example.org";
        fill(page, "register-email", email);
        fill(page, "register-name", "Bea uit Brandevoort");
        fill(page, "register-password", "mijn fiets is blauw");
        page.locator("#register-submit").click();
        assertThat(page.locator("#register-done")).containsText(email);
        MimeMessage first = mailTo(email, 1);
        // "Bijna klaar" can send the mail again.
        page.locator("#register-resend").click();
        assertThat(page.getByText("We hebben een nieuwe link gestuurd naar " + email))
                .isVisible();
        MimeMessage mail = mailTo(email, 2);
        assertThat(first).isNotNull();
        Matcher link = Pattern.compile("/bevestigen\\?token=([A-Za-z0-9_-]+)(&terug=[^\\s]*)?")
                .matcher(org.inspraak.MailText.of(mail));
        assertThat(link.find()).isTrue();
        assertThat(link.group(2)).as("the link knows where the visitor was").isNotNull();
        assertThat(org.inspraak.MailText.of(first))
                .contains("/bevestigen?token=")
                .doesNotContain(link.group(1));

        // Confirming signs the visitor in and brings them back to the consultation, ready to post an idea.
        page.navigate(url(link.group(0)));
        page.waitForURL(consultationUrl);
        assertThat(page.locator("h1")).hasText("Stadsgesprek: samen slim bezuinigen");
        assertThat(page.getByText("Bea uit Brandevoort").first()).isVisible();
        assertThat(page.locator("#new-idea")).isVisible();
        assertThat(page.locator("#first-visit")).isHidden();
    }

    /** Waits until this address has received {@code count} mails (delivery follows the commit), and returns the last. */
    private static MimeMessage mailTo(String email, int count) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            List<MimeMessage> to = Arrays.stream(greenMail.getReceivedMessages())
                                    .filter(m -> {
                                        try {
                                            return m.getAllRecipients()[0]
                                                    .toString()
                                                    .equals(email);
                                        } catch (MessagingException e) {
                                            return false;
                                        }
                                    })
                                    .toList();
                            return to.size() >= count ? to.get(count - 1) : null;
                        },
                        Objects::nonNull);
    }

    @Test
    void demoAccountsLogInAndUnknownPagesGetA404() {
        login(page, "moderator@example.org", "inspraak-demo");
        assertThat(page.getByText("Sanne (gemeente)").first()).isVisible();

        page.navigate(url("/bestaat-niet"));
        assertThat(page.locator("h1")).hasText("Pagina niet gevonden");
        context.clearCookies();
        page.navigate(url("/ideeen/987654321"));
        assertThat(page.locator("h1")).hasText("Pagina niet gevonden");
        // Red-team finding 10: malformed ids are "not found", not an error with a stack trace in the log.
        for (String path : List.of(
                "/ideeen/abc",
                "/ideeen/99999999999999999999",
                "/gesprekken/abc",
                "/gesprekken/1x/inzichten",
                "/raad/samenvattingen/abc")) {
            page.navigate(url(path));
            assertThat(page.locator("h1")).hasText("Pagina niet gevonden");
        }
    }

    @Test
    void wrongPasswordShowsOneGenericMessage() {
        page.navigate(url("/login"));
        page.locator("vaadin-login-form input[name='username']").fill("bewoner@example.org");
        page.locator("vaadin-login-form input[name='password']").fill("niet het wachtwoord");
        page.locator("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form button[type='submit']")
                .first()
                .click();
        assertThat(page.getByText("Het e-mailadres of wachtwoord klopt niet").first())
                .isVisible();
    }
}

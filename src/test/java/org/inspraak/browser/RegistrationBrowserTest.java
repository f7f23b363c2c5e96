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

        page.navigate(url("/registreren"));
        String email = "browser-" + System.nanoTime() + "@example.org";
        fill(page, "register-email", email);
        fill(page, "register-name", "Bea uit Brandevoort");
        fill(page, "register-password", "mijn fiets is blauw");
        page.locator("#register-submit").click();
        assertThat(page.locator("#register-done")).containsText(email);

        // Delivery follows the commit on another thread: wait for the mail to this address, not for any mail.
        MimeMessage mail = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(greenMail.getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getAllRecipients()[0]
                                                .toString()
                                                .equals(email);
                                    } catch (MessagingException e) {
                                        return false;
                                    }
                                })
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        Matcher link = Pattern.compile("/bevestigen\\?token=([A-Za-z0-9_-]+)").matcher(org.inspraak.MailText.of(mail));
        assertThat(link.find()).isTrue();

        page.navigate(url("/bevestigen?token=" + link.group(1)));
        assertThat(page.locator("#verify-success")).isVisible();

        login(page, email, "mijn fiets is blauw");
        assertThat(page.getByText("Bea uit Brandevoort").first()).isVisible();
        page.getByText("Stadsgesprek: samen slim bezuinigen").first().click();
        assertThat(page.locator("h1")).hasText("Stadsgesprek: samen slim bezuinigen");
        assertThat(page.locator("#new-idea")).isVisible();
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

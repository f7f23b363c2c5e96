package org.inspraak.browser;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.inspraak.MailText;
import org.inspraak.account.AccountService;
import org.inspraak.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Volgen" keeps its promise: a resident posts an idea (and so follows it), another resident reacts, and the author
 * sees who reacted and what they wrote, in the bell at once and in a real mail with a one-click way out.
 */
class NotificationBrowserTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    AccountService accounts;

    private String newResident(String name) {
        String email = "melding-" + System.nanoTime() + "@example.org";
        accounts.createVerified(
                email, name, accounts.encodePassword("inspraak-demo"), EnumSet.of(Role.RESIDENT), null, null, false);
        return email;
    }

    @Test
    void theAuthorSeesWhoReactedAndWhatTheyWroteInTheBellAndByMail() throws Exception {
        String author = newResident("Fenna uit Stiphout");
        String reactor = newResident("Joris van de Heuvel");
        login(page, author, "inspraak-demo");
        page.navigate(url("/"));
        page.getByText("Stadsgesprek: samen slim bezuinigen").first().click();
        page.locator("#new-idea").click();
        fill(page, "idea-title", "Fietsenstalling bij het station gratis");
        fill(
                page,
                "idea-description",
                "Een gratis bewaakte stalling haalt fietsen van de stoep en scheelt handhaving.");
        page.locator("#idea-submit").click();
        assertThat(page.locator("h1")).hasText("Fietsenstalling bij het station gratis");
        page.waitForURL(u -> u.contains("/ideeen/"));
        String ideaUrl = page.url();
        // Posting an idea follows it.
        assertThat(page.locator("#follow-idea")).hasText("Niet meer volgen");
        assertThat(page.locator("#bell-count")).isHidden();

        BrowserContext other = newContext(390, 844);
        try {
            Page second = other.newPage();
            login(second, reactor, "inspraak-demo");
            second.navigate(ideaUrl);
            fill(second, "reaction-text", "Goed idee, dan stal ik mijn fiets daar ook.");
            second.locator("#reaction-post").click();
            assertThat(second.getByText("Goed idee, dan stal ik mijn fiets daar ook."))
                    .isVisible();
        } finally {
            other.close();
        }

        // Pushed to the author's open page, without a reload.
        assertThat(page.locator("#bell-count")).hasText("1");
        page.locator("#bell").click();
        assertThat(page.locator("h1")).hasText("Meldingen");
        assertThat(page.getByText(
                        "Joris van de Heuvel reageerde op het idee \"Fietsenstalling bij het station gratis\""))
                .isVisible();
        assertThat(page.getByText("Goed idee, dan stal ik mijn fiets daar ook."))
                .isVisible();
        page.getByText("Joris van de Heuvel reageerde op het idee").click();
        assertThat(page.locator("h1")).hasText("Fietsenstalling bij het station gratis");
        // Opening it marked it read: the badge is gone at once.
        assertThat(page.locator("#bell-count")).isHidden();

        MimeMessage mail = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> Arrays.stream(greenMail.getReceivedMessages())
                                .filter(m -> recipient(m).equals(author))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        assertThat(mail.getSubject()).contains("Joris van de Heuvel reageerde op het idee");
        String text = MailText.of(mail);
        assertThat(text)
                .contains("Joris van de Heuvel schreef:")
                .contains("Goed idee, dan stal ik mijn fiets daar ook.")
                .contains("omdat u dit idee heeft ingediend")
                .contains("/afmelden/");
        assertThat(MailText.html(mail)).contains("Joris van de Heuvel schreef:").contains("<a href=");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/mail/afmelden/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // The link in the mail turns mail off in one click, for whoever opens it.
        String unsubscribe = text.replaceAll("(?s).*(/afmelden/[A-Za-z0-9_-]+).*", "$1");
        context.clearCookies();
        page.navigate(url(unsubscribe));
        assertThat(page.locator("#unsubscribe-done")).containsText("U bent afgemeld, Fenna uit Stiphout");
        page.locator("#unsubscribe-undo").click();
        assertThat(page.getByText("U krijgt weer e-mails")).isVisible();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            return "";
        }
    }
}

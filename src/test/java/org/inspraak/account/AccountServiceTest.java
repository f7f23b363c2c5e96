package org.inspraak.account;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpSessionEvent;
import org.awaitility.Awaitility;
import org.inspraak.InspraakException;
import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.inspraak.security.Role;
import org.inspraak.security.SignedInSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    AccountService accounts;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    UserAccountRepository users;

    @Autowired
    AuthenticationConfiguration authConfig;

    private AccountService.Registration registration(String email) {
        return new AccountService.Registration(
                email, "Jan uit Stiphout", "drie losse woorden", 1980, null, Locale.ENGLISH);
    }

    /** Waits for the mail to this address (delivery follows the commit on another thread) and reads its link. */
    private String linkFromMail(String to, String path) throws Exception {
        MimeMessage mail = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> mailTo(to), Objects::nonNull);
        Matcher matcher = Pattern.compile("http://localhost:8080" + Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)")
                .matcher(org.inspraak.MailText.of(mail));
        assertThat(matcher.find()).as("mail contains a link").isTrue();
        return matcher.group(1);
    }

    private MimeMessage mailTo(String to) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                return m;
            }
        }
        return null;
    }

    private void authenticate(String email, String password) throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        manager.authenticate(new UsernamePasswordAuthenticationToken(email, password));
    }

    @Test
    void registrationSendsVerificationMailAndOnlyVerifiedAccountsLogIn() throws Exception {
        String email = "nieuw" + TestData.next() + "@example.org";
        accounts.register(registration("  " + email.toUpperCase(Locale.ROOT) + " "));
        String token = linkFromMail(email, "/bevestigen");
        assertThat(org.inspraak.MailText.of(mailTo(email))).contains("Dear Jan uit Stiphout");
        assertThat(org.inspraak.MailText.html(mailTo(email)))
                .as("an HTML alternative with the same, clickable link")
                .contains("<a href=\"http://localhost:8080/bevestigen?token=" + token + "\">");

        assertThatThrownBy(() -> authenticate(email, "drie losse woorden")).isInstanceOf(DisabledException.class);
        accounts.verifyEmail(token);
        authenticate(email, "drie losse woorden");
        assertThatThrownBy(() -> authenticate(email, "wrong password here"))
                .isInstanceOf(BadCredentialsException.class);
        // Unknown users get the same exception as a wrong password, so login cannot probe for accounts.
        assertThatThrownBy(() -> authenticate("nobody@example.org", "wrong password here"))
                .isInstanceOf(BadCredentialsException.class);

        assertThatThrownBy(() -> accounts.verifyEmail(token)).hasMessageContaining("error.token.used");
        UserAccount stored = users.findByEmail(email).orElseThrow();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("drie losse woorden");
        assertThat(stored.getRoles()).containsExactly(Role.RESIDENT);
        assertThat(stored.getBirthYear()).isEqualTo(1980);
    }

    @Test
    void badRegistrationsAreRejectedWithAReasonAndChangeNothing() {
        long before = users.count();
        assertRejected(registration("geen-adres"), "error.email.invalid");
        assertRejected(registration(""), "error.email.required");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "J", "drie losse woorden", null, null, null),
                "error.display-name.short");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "x".repeat(61), "drie losse woorden", null, null, null),
                "error.display-name.long");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "Jan", "kort", null, null, null),
                "error.password.short");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "Jan", "wachtwoord123", null, null, null),
                "error.password.weak");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "Jan", "aaaaaaaaaaaa", null, null, null),
                "error.password.weak");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "Jan", "drie losse woorden", 1850, null, null),
                "error.birth-year.range");
        assertRejected(
                new AccountService.Registration(
                        "a" + TestData.next() + "@example.org", "Jan", "drie losse woorden", null, 999_999L, null),
                "error.neighbourhood.unknown");
        assertThat(users.count()).isEqualTo(before);
    }

    /** Red-team finding 6: a taken address gets the same answer as a new one; its owner gets a mail. */
    @Test
    void aTakenAddressGetsTheSameAnswerAndItsOwnerAMail() {
        String email = "bezet" + TestData.next() + "@example.org";
        long id = accounts.register(registration(email));
        long before = users.count();
        assertThat(accounts.register(registration(email.toUpperCase(Locale.ROOT))))
                .isEqualTo(id);
        assertThat(users.count()).isEqualTo(before);
        assertThat(jdbc.queryForList("select subject from outbox_mail where recipient = ?", String.class, email))
                .anyMatch(subject -> subject.startsWith("Registration with your e-mail address"));
        // Mail bombing the owner through the form stops after a few mails an hour.
        for (int i = 0; i < 10; i++) {
            accounts.register(registration(email));
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_mail where recipient = ? and subject like 'Registration with%'",
                        Long.class, email))
                .isBetween(1L, 3L);
    }

    /** Red-team finding 6: reset requests are limited per address (silently) and per source. */
    @Test
    void passwordResetMailsAreLimited() {
        String email = "vergeten" + TestData.next() + "@example.org";
        accounts.register(registration(email));
        for (int i = 0; i < 10; i++) {
            accounts.requestPasswordReset(email);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_mail where recipient = ? and subject like 'New password%'",
                        Long.class, email))
                .isBetween(1L, 3L);
    }

    @Test
    void parallelRegistrationsWithOneAddressCreateOneAccount() throws Exception {
        String email = "tegelijk" + TestData.next() + "@example.org";
        long accountsBefore = users.count();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 6)
                    .<Callable<Boolean>>mapToObj(i -> () -> {
                        try {
                            accounts.register(registration(email));
                            return true;
                        } catch (InspraakException e) {
                            assertThat(e.key()).isEqualTo("error.register.try-again");
                            return false;
                        }
                    })
                    .toList();
            long succeeded = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                succeeded += f.get() ? 1 : 0;
            }
            assertThat(succeeded).isPositive();
            assertThat(users.findByEmail(email)).isPresent();
            assertThat(users.count()).isEqualTo(accountsBefore + 1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void forgedTokensAreRejected() {
        assertThatThrownBy(() -> accounts.verifyEmail("forged-token")).hasMessageContaining("error.token.invalid");
        assertThatThrownBy(() -> accounts.verifyEmail(null)).hasMessageContaining("error.token.invalid");
        assertThatThrownBy(() -> accounts.resetPassword("x".repeat(43), "drie losse woorden"))
                .hasMessageContaining("error.token.invalid");
    }

    @Test
    void passwordResetIsSingleUseAndAWeakPasswordDoesNotBurnTheLink() throws Exception {
        TestData.User user = data.user();
        accounts.requestPasswordReset(user.email());
        accounts.requestPasswordReset("onbekend" + TestData.next() + "@example.org"); // silently ignored
        String token = linkFromMail(user.email(), "/wachtwoord-herstellen");
        assertThatThrownBy(() -> accounts.resetPassword(token, "kort")).hasMessageContaining("error.password.short");
        accounts.resetPassword(token, "een nieuw lang wachtwoord");
        authenticate(user.email(), "een nieuw lang wachtwoord");
        assertThatThrownBy(() -> accounts.resetPassword(token, "nog een ander wachtwoord"))
                .hasMessageContaining("error.token.used");
    }

    /** Red-team finding 12: whoever knew the old password is signed out everywhere once it is replaced. */
    @Test
    void aNewPasswordEndsTheSessionsSignedInWithTheOldOne() throws Exception {
        TestData.User user = data.user();
        TestData.User other = data.user();
        MockHttpSession phone = signedInSession(user);
        MockHttpSession laptop = signedInSession(user);
        MockHttpSession someoneElse = signedInSession(other);
        assertThat(sessions.count(user.id())).isEqualTo(2);

        accounts.requestPasswordReset(user.email());
        accounts.resetPassword(linkFromMail(user.email(), "/wachtwoord-herstellen"), "een nieuw lang wachtwoord");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(laptop.isInvalid()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
        assertThat(sessions.count(user.id())).isZero();

        // Changing the password while signed in ends the other sessions as well.
        MockHttpSession tablet = signedInSession(other);
        data.authenticate(other);
        accounts.changePassword(TestData.PASSWORD, "een nieuw lang wachtwoord");
        assertThat(someoneElse.isInvalid()).isTrue();
        assertThat(tablet.isInvalid()).isTrue();
    }

    private MockHttpSession signedInSession(TestData.User user) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        user.principal(), null, user.principal().getAuthorities())));
        sessions.sessionCreated(new HttpSessionEvent(session));
        return session;
    }

    @Test
    void changePasswordNeedsTheCurrentOne() throws Exception {
        TestData.User user = loginNew();
        assertThatThrownBy(() -> accounts.changePassword("fout wachtwoord", "een nieuw lang wachtwoord"))
                .hasMessageContaining("error.password.current-wrong");
        accounts.changePassword(TestData.PASSWORD, "een nieuw lang wachtwoord");
        authenticate(user.email(), "een nieuw lang wachtwoord");
    }

    @Test
    void onlyAdminsAssignRolesAndAnAdminCannotDropTheirOwnAdminRole() {
        TestData.User resident = data.user();
        loginNew(Role.RESIDENT);
        assertThatThrownBy(() -> accounts.assignRoles(resident.id(), EnumSet.of(Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        TestData.User admin = loginNew(Role.ADMIN);
        accounts.assignRoles(resident.id(), EnumSet.of(Role.RESIDENT, Role.MODERATOR));
        assertThat(accounts.roles(resident.id())).containsExactlyInAnyOrder(Role.RESIDENT, Role.MODERATOR);
        assertThatThrownBy(() -> accounts.assignRoles(admin.id(), EnumSet.of(Role.RESIDENT)))
                .hasMessageContaining("error.roles.self-admin");
        assertThatThrownBy(() -> accounts.assignRoles(resident.id(), EnumSet.noneOf(Role.class)))
                .hasMessageContaining("error.roles.empty");
    }

    @Test
    void publicNamesNeverIncludeTheEmailAddress() {
        TestData.User user = data.user();
        assertThat(accounts.publicProfile(user.id()).orElseThrow().toString()).doesNotContain(user.email());
        assertThat(accounts.displayNames(List.of(user.id()))).containsEntry(user.id(), user.name());
    }

    @Test
    void aChangedOrErasedNameIsShownAtOnceAlthoughNamesAreKept() {
        TestData.User user = login(data.user());
        assertThat(accounts.displayNames(List.of(user.id()))).containsEntry(user.id(), user.name());
        accounts.updateProfile(new AccountService.Profile("Nieuwe Naam", null, null, EmailPreference.INSTANT, "nl"));
        assertThat(accounts.displayNames(List.of(user.id()))).containsEntry(user.id(), "Nieuwe Naam");
        accounts.anonymise(user.id());
        assertThat(accounts.displayNames(List.of(user.id())).get(user.id()))
                .isEqualTo(AccountService.FORMER_PARTICIPANT)
                .isNotEqualTo("Nieuwe Naam");
    }

    private void assertRejected(AccountService.Registration r, String key) {
        assertThatThrownBy(() -> accounts.register(r))
                .isInstanceOfSatisfying(
                        InspraakException.class, e -> assertThat(e.key()).isEqualTo(key));
    }
}

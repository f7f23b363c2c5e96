package org.inspraak.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.inspraak.IntegrationTest;
import org.inspraak.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An expired verification link is refused with its own message. */
class TokenExpiryTest extends IntegrationTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AccountTokenRepository tokens;

    @Test
    void expiredVerificationLinkIsRefused() throws Exception {
        String email = "laat" + TestData.next() + "@example.org";
        long userId = accounts.register(
                new AccountService.Registration(email, "Laatkomer", "drie losse woorden", null, null, Locale.ROOT));
        // Re-issue a token we know, then move its expiry into the past.
        String token = "known-token-" + TestData.next();
        Instant past = Instant.now().minusSeconds(60);
        AccountToken t = new AccountToken(
                userId, AccountToken.Purpose.VERIFY_EMAIL, sha256(token), past.minusSeconds(3600), past);
        tokens.save(t);
        assertThatThrownBy(() -> accounts.verifyEmail(token)).hasMessageContaining("error.token.expired");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

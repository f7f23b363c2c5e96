package org.inspraak.security;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Red-team finding 2: the login throttle can be neither reset by a flood nor used to lock someone out. */
class LoginThrottleTest {

    private final RateLimits limits = new RateLimits();
    private final LoginThrottleFilter filter = new LoginThrottleFilter(limits);

    /** Whether a login attempt reaches the password check. */
    private boolean attempt(String username, String source) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr(source);
        request.setParameter("username", username);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return response.getRedirectedUrl() == null;
    }

    @Test
    void guessingSomeonesPasswordDoesNotLockTheOwnerOut() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(attempt("raadslid@example.org", "203.0.113.9")).isTrue();
        }
        assertThat(attempt("raadslid@example.org", "203.0.113.9"))
                .as("the guesser is stopped")
                .isFalse();
        assertThat(attempt("raadslid@example.org", "198.51.100.20"))
                .as("the owner still signs in")
                .isTrue();
    }

    @Test
    void aFloodOfMadeUpNamesNeitherResetsLimitsNorGrowsMemory() throws Exception {
        for (int i = 0; i < 10; i++) {
            attempt("raadslid@example.org", "203.0.113.9");
        }
        assertThat(attempt("raadslid@example.org", "203.0.113.9")).isFalse();
        for (int i = 0; i < 150_000; i++) {
            attempt("junk" + i + "@example.org", "203.0.113.9");
        }
        assertThat(attempt("raadslid@example.org", "203.0.113.9"))
                .as("still limited after the flood")
                .isFalse();
        assertThat(limits.keys()).as("blocked attempts create no keys").isLessThan(200);
    }
}

package org.inspraak;

import org.inspraak.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Spring tests on an in-memory database and index. Tests create their own data, so they never depend on each other. */
@SpringBootTest
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired
    protected TestData data;

    protected TestData.User login(TestData.User user) {
        data.authenticate(user);
        return user;
    }

    protected TestData.User loginNew(Role... roles) {
        return login(data.user(roles));
    }

    @Autowired
    private org.inspraak.security.RateLimits rateLimits;

    /** Every test starts with fresh rate limits; RateLimitsTest covers the limits themselves. */
    @org.junit.jupiter.api.BeforeEach
    void freshRateLimits() {
        rateLimits.reset();
    }

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate registry;

    /**
     * Module listeners (notifications and their mails) run after the commit, on another thread. Waits until the
     * event publication registry holds no unfinished event, that is until every listener has committed its work.
     */
    protected void awaitEventsHandled() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> registry.queryForObject("select count(*) from event_publication", Long.class) == 0);
    }

    @AfterEach
    void clearSecurityContext() {
        data.logout();
    }
}

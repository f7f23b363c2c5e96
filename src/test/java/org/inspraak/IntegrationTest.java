package org.inspraak;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.inspraak.security.RateLimits;
import org.inspraak.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private RateLimits rateLimits;

    /** Every test starts with fresh rate limits; RateLimitsTest covers the limits themselves. */
    @BeforeEach
    void freshRateLimits() {
        rateLimits.reset();
    }

    @Autowired
    private JdbcTemplate registry;

    /**
     * Module listeners (notifications and their mails) run after the commit, on another thread. Waits until the
     * event publication registry holds no unfinished event, that is until every listener has committed its work.
     */
    protected void awaitEventsHandled() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> registry.queryForObject("select count(*) from event_publication", Long.class) == 0);
    }

    @AfterEach
    void clearSecurityContext() {
        data.logout();
    }
}

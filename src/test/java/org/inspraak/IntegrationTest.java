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

    @AfterEach
    void clearSecurityContext() {
        data.logout();
    }
}

package org.inspraak.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.inspraak.InspraakException;
import org.springframework.stereotype.Service;

/**
 * Token-bucket limits per account and per IP address for actions people can abuse. Limits are generous
 * for real residents and stop scripts; a refusal tells the person to wait a moment.
 */
@Service
public class RateLimits {

    /** The limited actions, each with a capacity refilled over a period. */
    public enum Action {
        POST_IDEA(5, Duration.ofMinutes(10)),
        POST_REACTION(20, Duration.ofMinutes(10)),
        VOTE(120, Duration.ofMinutes(1)),
        FLAG(20, Duration.ofHours(1)),
        LOGIN(10, Duration.ofMinutes(15)),
        REGISTER(5, Duration.ofHours(1)),
        PASSWORD_RESET(5, Duration.ofHours(1)),
        /** Mails about an account (reset links, "you already have an account") to one address. */
        ACCOUNT_MAIL(3, Duration.ofHours(1));

        final long capacity;
        final Duration period;

        Action(long capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }
    }

    private static final int MAX_KEYS = 200_000;
    private static final int IP_FACTOR = 10;
    /**
     * Bounded: under a flood of distinct keys the cache evicts the least used ones, never all, so a flood cannot
     * reset the limit of a key that is being hammered. Idle buckets expire once they would have refilled anyway.
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    /** Consumes one token for the key, or refuses with a clear message. */
    public void check(Action action, String key) {
        if (!tryConsume(action, key)) {
            throw new InspraakException("error.rate-limited");
        }
    }

    /**
     * Limits per IP address allow several times the per-account rate, because many residents can share one
     * address (a library, a care home, a mobile network). Unknown addresses (internal calls) are not limited.
     */
    public void checkIp(Action action, String ip) {
        if (ip == null || ip.equals("unknown")) {
            return;
        }
        if (!tryConsume(action, "ip:" + ip, IP_FACTOR)) {
            throw new InspraakException("error.rate-limited");
        }
    }

    public boolean tryConsume(Action action, String key) {
        return tryConsume(action, key, 1);
    }

    public boolean tryConsumeIp(Action action, String ip) {
        return tryConsume(action, "ip:" + ip, IP_FACTOR);
    }

    private boolean tryConsume(Action action, String key, int factor) {
        Bucket bucket = buckets.get(
                action.name() + ":" + key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(action.capacity * factor)
                                .refillGreedy(action.capacity * factor, action.period)
                                .build())
                        .build());
        return bucket.tryConsume(1);
    }

    /** For tests: start with fresh limits. */
    public void reset() {
        buckets.invalidateAll();
    }

    /** How many keys are kept now (bounded by {@link #MAX_KEYS}). */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}

package org.inspraak.security;

import java.time.Duration;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.inspraak.InspraakException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
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

    /**
     * In cluster mode the buckets live in PostgreSQL (bucket4j's select-for-update proxy), so a script spreading its
     * requests over the nodes meets the same limit; otherwise they live in this node's memory.
     */
    private final @Nullable ProxyManager<String> shared;

    @Autowired
    RateLimits(ObjectProvider<DataSource> dataSource, @Value("${inspraak.cluster.enabled:false}") boolean cluster) {
        this.shared = cluster
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource.getObject())
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("bucket")
                        .idColumn("id")
                        .stateColumn("state")
                        .expiresAtColumn("expires_at")
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofMinutes(1)))
                        .build()
                : null;
    }

    /** A node-local instance, for tests and tools that construct one themselves. */
    public RateLimits() {
        this.shared = null;
    }

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
        Bandwidth limit = Bandwidth.builder()
                .capacity(action.capacity * factor)
                .refillGreedy(action.capacity * factor, action.period)
                .build();
        String id = action.name() + ":" + key;
        if (shared != null) {
            // Keys are bounded by the column; a longer key (an e-mail address) is hashed, still one bucket each.
            String column = id.length() <= 200 ? id : action.name() + ":#" + Integer.toHexString(id.hashCode());
            return shared.builder()
                    .build(
                            column,
                            () -> BucketConfiguration.builder().addLimit(limit).build())
                    .tryConsume(1);
        }
        return buckets.get(id, k -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
    }

    /** For tests: start with fresh limits. */
    public void reset() {
        buckets.invalidateAll();
    }

    /** Shared buckets that have refilled are deleted, so the table holds only keys that are being limited. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    @SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void removeRefilled() {
        if (shared instanceof ExpiredEntriesCleaner cleaner) {
            while (cleaner.removeExpired(1000) == 1000) {
                // another batch
            }
        }
    }

    /** How many keys are kept now (bounded by {@link #MAX_KEYS}). */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}

package org.inspraak.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.inspraak.idea.IdeaService;
import org.inspraak.reaction.ReactionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** IP addresses are kept for moderation only, and erased after the retention period (default 90 days). */
@Component
class IpRetention {

    private static final Logger log = LoggerFactory.getLogger(IpRetention.class);

    private final IdeaService ideas;
    private final ReactionService reactions;
    private final Duration retention;
    private final Clock clock;

    IpRetention(
            IdeaService ideas,
            ReactionService reactions,
            @Value("${inspraak.moderation.ip-retention:90d}") Duration retention,
            Clock clock) {
        this.ideas = ideas;
        this.reactions = reactions;
        this.retention = retention;
        this.clock = clock;
    }

    // ShedLock only locks methods without a result (it refuses the others at every run), hence this wrapper.
    @Scheduled(initialDelayString = "5m", fixedDelayString = "6h")
    @SchedulerLock(name = "ip-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
    public void purgeOnSchedule() {
        purge();
    }

    public int purge() {
        Instant before = Instant.now(clock).minus(retention);
        int purged = ideas.purgeClientIps(before) + reactions.purgeClientIps(before);
        if (purged > 0) {
            log.info("Erased {} client IP address(es) older than {}", purged, retention);
        }
        return purged;
    }
}

package org.inspraak.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Cluster readiness: this node hears the other nodes' page events, so its open pages stay live. */
@Component("pageEvents")
@ConditionalOnProperty(name = "inspraak.cluster.enabled", havingValue = "true")
class PageEventsHealth extends AbstractHealthIndicator {

    private final ClusterChannel channel;

    PageEventsHealth(ClusterChannel channel) {
        this.channel = channel;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (channel.isListening()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}

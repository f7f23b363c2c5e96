package org.inspraak.ui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import org.inspraak.AfterTransaction;
import org.inspraak.PageEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Fans domain events out to open browser pages through Vaadin Push. Services publish plain events;
 * this delivers them only after their transaction commits, so a page never shows a rolled-back vote.
 */
@Service
public class Live {

    private static final Logger log = LoggerFactory.getLogger(Live.class);

    /** Compared by identity (a record would hash its UI and lambdas for every event). */
    private static final class Listener {
        private final UI ui;
        private final Predicate<Object> concerns;
        private final Consumer<Object> action;

        Listener(UI ui, Predicate<Object> concerns, Consumer<Object> action) {
            this.ui = ui;
            this.concerns = concerns;
            this.action = action;
        }

        UI ui() {
            return ui;
        }

        Predicate<Object> concerns() {
            return concerns;
        }

        Consumer<Object> action() {
            return action;
        }
    }

    private final Map<Class<?>, Set<Listener>> listeners = new ConcurrentHashMap<>();

    /** Subscribes a component for as long as it is attached to a page. */
    public <T> void subscribe(Component owner, Class<T> type, Consumer<T> action) {
        subscribe(owner, type, e -> true, action);
    }

    /**
     * Subscribes a component to the events it {@code concerns} (for example the counts of its own idea). The test
     * runs on the publishing thread, without the page's lock, so a page is only woken up, and pushed to, for events
     * that change it: with thousands of open pages, waking every page for every count was what limited the node.
     */
    public <T> void subscribe(Component owner, Class<T> type, Predicate<T> concerns, Consumer<T> action) {
        owner.addAttachListener(attach -> {
            Listener listener =
                    new Listener(attach.getUI(), e -> concerns.test(type.cast(e)), e -> action.accept(type.cast(e)));
            // A concurrent set: cards come and go as lists scroll, and a copy-on-write set copied all on each.
            Set<Listener> set = listeners.computeIfAbsent(type, k -> ConcurrentHashMap.newKeySet());
            set.add(listener);
            Registration[] detach = new Registration[1];
            detach[0] = owner.addDetachListener(d -> {
                set.remove(listener);
                detach[0].remove();
            });
        });
    }

    private final @Nullable ClusterChannel cluster;
    /**
     * Frequent events waiting for their page's next update: per page, the latest event for each of its listeners.
     * A later count supersedes an earlier one, so a page waiting 10 s on a busy evening holds one event per part
     * instead of one per recount (50 recounts for each of the list's cards), and gets each part updated once.
     */
    private final Map<UI, Map<Listener, Object>> waiting = new ConcurrentHashMap<>();

    private final ScheduledExecutorService flusher;
    private final long intervalMillis;

    /**
     * Frequent updates take at most this share of the time: a round that took 300 ms waits at least 3 s before the
     * next. Every open page follows the counts, so with twice the residents a round updates twice the pages, and
     * twice the residents vote twice as often: at a fixed interval the work grew with the square of the residents.
     * The load test showed it (a seventh of the server's work at 800 residents). Now counts come more slowly on a
     * busy evening, every 2 s while quiet; a resident's own vote still shows at once.
     */
    static final double MOST_TIME = 0.1;

    /** However busy: counts are at most this late. */
    static final long LONGEST_INTERVAL_MILLIS = 30_000;

    Live(
            ObjectProvider<ClusterChannel> cluster,
            @Value("${inspraak.live.frequent-interval:2s}") Duration frequentInterval) {
        this.cluster = cluster.getIfAvailable();
        if (this.cluster != null) {
            this.cluster.onReceive(this::deliver);
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-frequent").daemon().factory());
        this.intervalMillis = Math.max(10, frequentInterval.toMillis());
        flusher.schedule(this::flushRound, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void flushRound() {
        long start = System.nanoTime();
        flushQuietly();
        long took = System.nanoTime() - start;
        try {
            flusher.schedule(
                    this::flushRound,
                    nextInterval(intervalMillis, TimeUnit.NANOSECONDS.toMillis(took)),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // shutting down
        }
    }

    /** The wait before the next round of frequent updates, after a round that took {@code tookMillis}. */
    static long nextInterval(long intervalMillis, long tookMillis) {
        long share = (long) Math.ceil(tookMillis / MOST_TIME);
        return Math.min(LONGEST_INTERVAL_MILLIS, Math.max(intervalMillis, share));
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
    }

    /**
     * Pages hear of an event only once its transaction has committed (at once when there is none). A plain
     * listener that defers itself, rather than a transactional one, so the event publication registry does not
     * keep a durable record of every push: a page that was open when the process died is gone anyway. In cluster
     * mode the event goes to every node (this one included) through the database.
     */
    @EventListener
    public void onEvent(PageEvent event) {
        AfterTransaction.commit(() -> {
            if (cluster != null) {
                cluster.send(event);
            } else {
                deliver(event);
            }
        });
    }

    /** To the pages open on this node that listen for this kind of event. */
    void deliver(Object event) {
        Set<Listener> set = listeners.get(event.getClass());
        if (set == null) {
            return;
        }
        for (Listener l : set) {
            if (l.concerns().test(event)) {
                if (event instanceof PageEvent.Frequent) {
                    // Atomic per page with the removal in flush(), so no event lands in a map already taken.
                    waiting.compute(l.ui(), (ui, events) -> {
                        Map<Listener, Object> map = events != null ? events : new LinkedHashMap<>();
                        map.put(l, event);
                        return map;
                    });
                } else {
                    l.ui().access(() -> l.action().accept(event));
                }
            }
        }
    }

    /** Each page with frequent events waiting gets them all in one update (one push). */
    void flush() {
        for (UI ui : List.copyOf(waiting.keySet())) {
            Map<Listener, Object> events = waiting.remove(ui);
            if (events == null || events.isEmpty()) {
                continue;
            }
            try {
                ui.access(() -> events.forEach((l, e) -> l.action().accept(e)));
            } catch (UIDetachedException gone) {
                // The page was closed meanwhile: nothing to show.
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Live updates could not be delivered; the next round tries again", e);
        }
    }

    int listenerCount() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}

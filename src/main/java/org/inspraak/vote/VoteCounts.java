package org.inspraak.vote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.inspraak.idea.IdeaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each idea's vote counts (and the sort keys derived from them) in step with the vote rows.
 * <p>
 * Updating the idea row in every vote's transaction made a vote cost several times a plain insert: the idea row
 * and its sort indexes had to be written at each commit. Instead a vote only marks its idea, and one background
 * thread recounts the marked ideas from their rows every {@value #INTERVAL_MS} ms, in one transaction. Counts are
 * recounted, never incremented, so they cannot drift; after an unclean stop (the marks live in memory) the start
 * of the application recounts every idea whose counts differ from its rows, and in cluster mode one node does so
 * every half minute for nodes that died.
 */
@Component
class VoteCounts {

    static final long INTERVAL_MS = 200;
    private static final int CHUNK = 500;
    private static final int TALLY_CHUNK = 50;
    private static final int EVENT_CHUNK = 100;
    private static final String TALLY_SQL = "select idea_id, choice, count(*) from vote where idea_id in ("
            + String.join(", ", Collections.nCopies(TALLY_CHUNK, "?")) + ") group by idea_id, choice";
    private static final Logger LOG = LoggerFactory.getLogger(VoteCounts.class);

    /** Idea id → its consultation, for the event that tells open pages. */
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();

    private final VoteRepository votes;
    private final IdeaService ideas;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vote-counts");
        t.setDaemon(true);
        return t;
    });

    private final JdbcClient jdbc;
    private final boolean cluster;

    VoteCounts(
            VoteRepository votes,
            IdeaService ideas,
            ApplicationEventPublisher events,
            PlatformTransactionManager txManager,
            JdbcClient jdbc,
            @Value("${inspraak.cluster.enabled:false}") boolean cluster) {
        this.cluster = cluster;
        this.votes = votes;
        this.ideas = ideas;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        worker.scheduleWithFixedDelay(this::catchUpQuietly, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** Called after a vote on the idea was committed. */
    void changed(long ideaId, long consultationId) {
        pending.put(ideaId, consultationId);
    }

    /** Recounts the marked ideas now; safe to call from any thread. */
    synchronized void catchUp() {
        while (!pending.isEmpty()) {
            Map<Long, Long> batch = new HashMap<>();
            for (Long id : List.copyOf(pending.keySet())) {
                Long consultation = pending.remove(id);
                if (consultation != null) {
                    batch.put(id, consultation);
                }
                if (batch.size() == CHUNK) {
                    break;
                }
            }
            List<IdeaService.StoredCounts> counted;
            try {
                counted = tx.execute(s -> recount(batch.keySet()));
            } catch (RuntimeException e) {
                // Put them back: the next round tries again, and nothing is counted twice because we recount.
                batch.forEach(pending::putIfAbsent);
                throw e;
            }
            Map<Long, List<IdeaService.StoredCounts>> byConsultation = new HashMap<>();
            for (IdeaService.StoredCounts c : counted) {
                byConsultation
                        .computeIfAbsent(batch.get(c.ideaId()), k -> new ArrayList<>())
                        .add(c);
            }
            // In pieces that fit in one PostgreSQL notification (8,000 bytes) in cluster mode.
            byConsultation.forEach((consultation, all) -> {
                for (int from = 0; from < all.size(); from += EVENT_CHUNK) {
                    events.publishEvent(new IdeaService.VotesCounted(
                            consultation, List.copyOf(all.subList(from, Math.min(all.size(), from + EVENT_CHUNK)))));
                }
            });
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("Vote counts could not be brought up to date; retrying", e);
        }
    }

    private List<IdeaService.StoredCounts> recount(Set<Long> ideaIds) {
        ideas.lockForCounting(ideaIds);
        Map<Long, Map<VoteChoice, Integer>> tallies = new HashMap<>();
        List<Long> ids = List.copyOf(ideaIds);
        for (int from = 0; from < ids.size(); from += TALLY_CHUNK) {
            // Always TALLY_CHUNK parameters (the last id repeated), so the database reuses one plan.
            Object[] params = new Object[TALLY_CHUNK];
            for (int i = 0; i < TALLY_CHUNK; i++) {
                params[i] = ids.get(Math.min(ids.size() - 1, from + i));
            }
            jdbc.sql(TALLY_SQL)
                    .params(params)
                    .query((rs, n) -> {
                        tallies.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(VoteChoice.class))
                                .put(VoteChoice.valueOf(rs.getString(2)), rs.getInt(3));
                        return null;
                    })
                    .list();
        }

        List<IdeaService.StoredCounts> counts = new ArrayList<>();
        for (Long id : ideaIds) {
            Map<VoteChoice, Integer> t = tallies.getOrDefault(id, Map.of());
            counts.add(new IdeaService.StoredCounts(
                    id,
                    t.getOrDefault(VoteChoice.AGREE, 0),
                    t.getOrDefault(VoteChoice.DISAGREE, 0),
                    t.getOrDefault(VoteChoice.PASS, 0)));
        }
        ideas.setVoteCounts(counts);
        return counts;
    }

    /**
     * After a start, compares every idea's stored counts with its rows and repairs those that differ: votes that
     * were committed just before an unclean stop may not have been counted yet. Runs in the background.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reconcileAfterStart() {
        worker.execute(this::reconcileQuietly);
    }

    /**
     * In cluster mode, another node may have died with marks in its memory: votes it stored and acknowledged but had
     * not yet counted. Once a minute one node of the cluster compares all counts with the rows and recounts what such
     * a node left. (A single node needs this only after its own start.)
     */
    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    @SchedulerLock(name = "vote-count-reconcile", lockAtMostFor = "PT2M", lockAtLeastFor = "PT20S")
    public void reconcileInCluster() {
        if (cluster) {
            worker.execute(this::reconcileQuietly);
        }
    }

    /** Recounts every idea whose stored counts differ from its vote rows; returns how many. */
    int reconcile() {
        Map<Long, int[]> counted = new HashMap<>();
        for (Object[] row : votes.allTallies()) {
            int[] c = counted.computeIfAbsent((Long) row[0], k -> new int[3]);
            c[((VoteChoice) row[1]).ordinal()] = ((Long) row[2]).intValue();
        }
        List<Long> wrong = new ArrayList<>();
        for (IdeaService.StoredCounts s : ideas.storedVoteCounts()) {
            int[] c = counted.getOrDefault(s.ideaId(), new int[3]);
            if (c[VoteChoice.AGREE.ordinal()] != s.agree()
                    || c[VoteChoice.DISAGREE.ordinal()] != s.disagree()
                    || c[VoteChoice.PASS.ordinal()] != s.pass()) {
                wrong.add(s.ideaId());
            }
        }
        if (!wrong.isEmpty()) {
            LOG.info("Recounting the votes of {} ideas whose counts lagged behind their votes", wrong.size());
            // Through the marks, so the pages showing these ideas hear of the new counts as after any vote.
            for (Long id : wrong) {
                ideas.consultationOf(id).ifPresent(c -> pending.put(id, c));
            }
            catchUp();
        }
        return wrong.size();
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.warn("Could not compare the vote counts with the votes", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
            catchUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Vote counts not brought up to date at shutdown; the next start repairs them", e);
        }
    }
}

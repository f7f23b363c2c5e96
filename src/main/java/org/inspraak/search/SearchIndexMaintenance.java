package org.inspraak.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.inspraak.InspraakProperties;
import org.inspraak.idea.Idea;
import org.inspraak.reaction.Reaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the Lucene index in step with the database. At start-up it compares document counts with row
 * counts; when they differ (a missing, stale or restored index) it rebuilds in the background while the
 * site already answers, and says so in the log and in the search view.
 */
@Component
@Order(100)
public class SearchIndexMaintenance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

    private final EntityManagerFactory emf;
    private final AtomicBoolean rebuilding = new AtomicBoolean(false);
    private volatile double progress = 1.0;

    private final Path versionMarker;
    private final LockProvider lockProvider;
    private final boolean checkAtStart;
    private final boolean heapIndex;

    SearchIndexMaintenance(
            EntityManagerFactory emf,
            InspraakProperties properties,
            Environment environment,
            LockProvider lockProvider,
            @Value("${inspraak.search.check-at-start:true}") boolean checkAtStart) {
        this.emf = emf;
        this.lockProvider = lockProvider;
        this.checkAtStart = checkAtStart;
        this.versionMarker = properties.dataDir().resolve("index").resolve("analysis-version");
        // A test's in-memory index is built from scratch with the current analyzers.
        this.heapIndex = "local-heap"
                .equals(environment.getProperty("spring.jpa.properties.hibernate.search.backend.directory.type"));
    }

    /** The check counts a million rows on a large site, so it runs beside the start, not in front of it. */
    @Override
    public void run(ApplicationArguments args) {
        if (!checkAtStart) {
            return;
        }
        Thread.ofPlatform().name("search-index-check").daemon().start(() -> {
            try {
                if (onSearchCluster()) {
                    // The cluster's index is shared: the first node to find it out of step rebuilds it, the others
                    // see the lock and leave it. (Its analyzers are checked by Hibernate Search at every start.)
                    if (!inStep()) {
                        lockProvider
                                .lock(new LockConfiguration(
                                        Instant.now(), "search-index-rebuild", Duration.ofHours(6), Duration.ZERO))
                                .ifPresent(lock -> {
                                    try {
                                        if (!inStep()) {
                                            rebuild(p -> {});
                                        }
                                    } finally {
                                        lock.unlock();
                                    }
                                });
                    }
                } else if (!heapIndex && !analysisCurrent()) {
                    log.info(
                            "The search analyzers changed (version {}); the index is rebuilt with them.",
                            SearchAnalysisConfigurer.VERSION);
                    rebuildInBackground();
                } else if (!inStep()) {
                    rebuildInBackground();
                }
            } catch (RuntimeException e) {
                log.warn("Could not compare the search index with the database", e);
            }
        });
    }

    private boolean onSearchCluster() {
        return !(Search.mapping(emf).backend() instanceof LuceneBackend);
    }

    /** Whether the index on disk was built with the analyzers of this version. */
    boolean analysisCurrent() {
        try {
            return Files.exists(versionMarker)
                    && Files.readString(versionMarker).strip().equals(String.valueOf(SearchAnalysisConfigurer.VERSION));
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isRebuilding() {
        return rebuilding.get();
    }

    /** 0..1 while rebuilding. */
    public double progress() {
        return progress;
    }

    boolean inStep() {
        try (EntityManager em = emf.createEntityManager()) {
            SearchSession search = Search.session(em);
            long ideaRows = em.createQuery("select count(i) from Idea i where i.hidden = false", Long.class)
                    .getSingleResult();
            long reactionRows = em.createQuery(
                            "select count(r) from Reaction r where r.hidden = false and r.deleted = false", Long.class)
                    .getSingleResult();
            long ideaDocs = search.search(Idea.class).where(f -> f.matchAll()).fetchTotalHitCount();
            long reactionDocs =
                    search.search(Reaction.class).where(f -> f.matchAll()).fetchTotalHitCount();
            boolean inStep = ideaRows == ideaDocs && reactionRows == reactionDocs;
            if (!inStep) {
                log.warn(
                        "Search index out of step with the database (ideas {}/{}, reactions {}/{}).",
                        ideaDocs,
                        ideaRows,
                        reactionDocs,
                        reactionRows);
            }
            return inStep;
        }
    }

    /** Starts a rebuild unless one is running. Returns false when one was already running. */
    public boolean rebuildInBackground() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        Thread.ofPlatform().name("search-reindex").daemon().start(() -> {
            try {
                runRebuild(p -> {});
            } catch (IllegalStateException logged) {
                // logged by runRebuild
            }
        });
        return true;
    }

    /** How far a rebuild is: documents written of those to write. */
    public record Progress(long done, long total) {}

    /**
     * Rebuilds the index of ideas and reactions from the database, reporting progress as it goes; returns false when
     * a rebuild was running already. Search keeps answering meanwhile, from what is indexed so far.
     */
    public boolean rebuild(Consumer<Progress> listener) {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        return runRebuild(listener);
    }

    private boolean runRebuild(Consumer<Progress> listener) {
        progress = 0;
        log.info("Rebuilding the search index; search results may be incomplete until it finishes.");
        long started = System.nanoTime();
        try (EntityManager em = emf.createEntityManager()) {
            MassIndexer indexer = Search.session(em)
                    .massIndexer(Idea.class, Reaction.class)
                    .threadsToLoadObjects(2)
                    .monitor(new MassIndexingMonitor() {
                        private final LongAdder done = new LongAdder();
                        private volatile long total = 0;

                        @Override
                        public void documentsAdded(long increment) {
                            done.add(increment);
                            progress = Math.min(1.0, done.doubleValue() / Math.max(1, total));
                            listener.accept(new Progress(done.sum(), total));
                        }

                        @Override
                        public void documentsBuilt(long increment) {}

                        @Override
                        public void entitiesLoaded(long increment) {}

                        @Override
                        public void addToTotalCount(long count) {
                            total += count;
                        }

                        @Override
                        public void indexingCompleted() {}
                    });
            indexer.startAndWait();
            if (!heapIndex && !onSearchCluster()) {
                Files.createDirectories(versionMarker.getParent());
                Files.writeString(versionMarker, String.valueOf(SearchAnalysisConfigurer.VERSION));
            }
            log.info("Search index rebuilt in {} ms.", (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (RuntimeException | IOException e) {
            log.error("Rebuilding the search index failed", e);
            throw new IllegalStateException("Rebuilding the search index failed: " + e.getMessage(), e);
        } finally {
            progress = 1.0;
            rebuilding.set(false);
        }
    }
}

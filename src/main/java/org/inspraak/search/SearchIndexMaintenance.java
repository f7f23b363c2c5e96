package org.inspraak.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.inspraak.InspraakProperties;
import org.inspraak.idea.Idea;
import org.inspraak.reaction.Reaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final boolean heapIndex;

    SearchIndexMaintenance(EntityManagerFactory emf, InspraakProperties properties, Environment environment) {
        this.emf = emf;
        this.versionMarker = properties.dataDir().resolve("index").resolve("analysis-version");
        // A test's in-memory index is built from scratch with the current analyzers.
        this.heapIndex = "local-heap"
                .equals(environment.getProperty("spring.jpa.properties.hibernate.search.backend.directory.type"));
    }

    /** The check counts a million rows on a large site, so it runs beside the start, not in front of it. */
    @Override
    public void run(ApplicationArguments args) {
        Thread.ofPlatform().name("search-index-check").daemon().start(() -> {
            try {
                if (!heapIndex && !analysisCurrent()) {
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
        progress = 0;
        log.info("Rebuilding the search index in the background; search results may be incomplete until it finishes.");
        Thread.ofPlatform().name("search-reindex").daemon().start(() -> {
            long started = System.nanoTime();
            try (EntityManager em = emf.createEntityManager()) {
                MassIndexer indexer = Search.session(em)
                        .massIndexer(Idea.class, Reaction.class)
                        .threadsToLoadObjects(2)
                        .monitor(new MassIndexingMonitor() {
                            private final LongAdder done = new LongAdder();
                            private volatile long total = 1;

                            @Override
                            public void documentsAdded(long increment) {
                                done.add(increment);
                                progress = Math.min(1.0, done.doubleValue() / Math.max(1, total));
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
                if (!heapIndex) {
                    Files.createDirectories(versionMarker.getParent());
                    Files.writeString(versionMarker, String.valueOf(SearchAnalysisConfigurer.VERSION));
                }
                log.info("Search index rebuilt in {} ms.", (System.nanoTime() - started) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | IOException e) {
                log.error("Rebuilding the search index failed", e);
            } finally {
                progress = 1.0;
                rebuilding.set(false);
            }
        });
        return true;
    }
}

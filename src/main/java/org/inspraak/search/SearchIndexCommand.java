package org.inspraak.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.inspraak.CommandLineMode;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar inspraak.jar --rebuild-search-index [--spring.profiles.active=postgres,cluster]}: drops the search
 * index, creates it with the current analyzers and fills it from the database, printing progress, without starting
 * the web server. For the search cluster after an upgrade that changed the analyzers (the nodes refuse to start
 * until then), or after restoring a database backup. The application nodes may keep running meanwhile: their
 * searches find what is indexed so far, and their own changes are indexed as usual.
 */
public final class SearchIndexCommand implements CommandLineMode {

    static final String FLAG = "--rebuild-search-index";

    /** For {@link java.util.ServiceLoader}. */
    public SearchIndexCommand() {}

    @Override
    public Optional<Integer> run(String[] args) {
        if (!Arrays.asList(args).contains(FLAG)) {
            return Optional.empty();
        }
        List<String> springArgs =
                new ArrayList<>(Arrays.stream(args).filter(a -> !a.equals(FLAG)).toList());
        springArgs.add("--inspraak.search.check-at-start=false");
        springArgs.add("--spring.jpa.properties.hibernate.search.schema_management.strategy=drop-and-create");
        try (ConfigurableApplicationContext ctx = CommandLineMode.startWithoutWebServer(springArgs)) {
            SearchIndexMaintenance maintenance = ctx.getBean(SearchIndexMaintenance.class);
            long[] lastPercent = {-1};
            maintenance.rebuild(p -> {
                long percent = p.total() == 0 ? 100 : Math.min(100, p.done() * 100 / p.total());
                synchronized (lastPercent) {
                    if (percent / 5 > lastPercent[0] / 5) {
                        lastPercent[0] = percent;
                        System.out.printf("Search index: %d %% (%d of %d documents)%n", percent, p.done(), p.total());
                    }
                }
            });
            System.out.println("Search index rebuilt.");
            return Optional.of(0);
        } catch (RuntimeException e) {
            System.err.println("Rebuilding the search index failed: " + e.getMessage());
            return Optional.of(1);
        }
    }
}

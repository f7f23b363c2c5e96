package org.inspraak.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inspraak.idea.IdeaService;

/**
 * The judged search set (src/test/resources/search): typical resident queries over the demo ideas and ten more, with
 * the ideas a person would expect in the first ten results. Used by {@code SearchQualityTest} and the benchmark.
 */
public final class JudgedSearch {

    private JudgedSearch() {}

    /** Macro-averaged recall in the first ten results, mean reciprocal rank, and the queries that missed something. */
    public record Quality(
            double recallAt10, double meanReciprocalRank, int queries, List<String> misses, double meanTotal) {}

    /** Posts the judged ideas into the consultation; returns their ids by title. */
    public static Map<String, Long> postIdeas(IdeaService ideas, long authorId, long consultationId)
            throws IOException {
        Map<String, Long> ids = new LinkedHashMap<>();
        Instant at = Instant.now();
        for (String[] row : rows("/search/judged-ideas.tsv")) {
            ids.put(
                    row[0],
                    ideas.postAs(
                            authorId,
                            consultationId,
                            new IdeaService.IdeaForm(row[0], row[1], null, null, null, null),
                            at));
        }
        return ids;
    }

    public static Quality evaluate(SearchService search, long consultationId, Map<String, Long> ids)
            throws IOException {
        SearchService.Filters filters = new SearchService.Filters(consultationId, null, null, null);
        double recall = 0;
        double reciprocal = 0;
        double total = 0;
        int queries = 0;
        List<String> misses = new ArrayList<>();
        for (String[] row : rows("/search/judged-queries.tsv")) {
            String query = row[0];
            List<Long> expected = new ArrayList<>();
            for (String title : row[1].split("\\|")) {
                Long id = ids.get(title.strip());
                if (id == null) {
                    throw new IllegalStateException("judged set names an unknown idea: " + title.strip());
                }
                expected.add(id);
            }
            SearchService.Page page = search.search(query, filters, 0, 10);
            total += page.total();
            List<Long> top = page.hits().stream().map(SearchService.Hit::ideaId).toList();
            long found = expected.stream().filter(top::contains).count();
            recall += (double) found / expected.size();
            for (int rank = 0; rank < top.size(); rank++) {
                if (expected.contains(top.get(rank))) {
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
            if (found < expected.size()) {
                misses.add(query + " (" + found + "/" + expected.size() + ")");
            }
            queries++;
        }
        return new Quality(recall / queries, reciprocal / queries, queries, misses, total / queries);
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = JudgedSearch.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2))
                    .toList();
        }
    }
}

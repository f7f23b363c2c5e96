package org.inspraak.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.EntityManagerFactory;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.backend.Backend;
import org.hibernate.search.mapper.orm.Search;
import org.inspraak.idea.Idea;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search needs from the idea index besides queries: a word as the compound-splitting analyzer indexes it, how
 * many ideas hold a term, and the indexed word nearest to a misspelt one. The embedded Lucene index answers from its
 * reader; OpenSearch (cluster mode) over its REST API, with the analyzers defined on the engine, so both answer with
 * the terms their own index holds.
 */
interface IndexTerms {

    /** The word analysed with {@code dutch_parts}: the word and its parts, stemmed; at most 40. */
    List<String> parts(String word);

    /** How many ideas are indexed, and for each term the most ideas holding it in any one of the fields. */
    Counts counts(List<String> fields, Collection<String> terms);

    record Counts(long ideas, Map<String, Long> ideasWithTerm) {}

    /**
     * The same within the ideas the filters leave: how many there are, and for each term how many of them hold it in
     * any of the fields. Where that is not cheap to know, the whole index's counts.
     */
    default Counts countsWithin(List<String> fields, Collection<String> terms, SearchService.Filters filters) {
        return counts(fields, terms);
    }

    /**
     * For a lower-case word that no idea holds in any of the fields, the indexed word within two edits that fits
     * best (then the most frequent); empty when the word is known or nothing is near.
     */
    Optional<String> correction(List<String> fields, String word);

    static IndexTerms of(EntityManagerFactory emf) {
        Backend backend = Search.mapping(emf).backend();
        if (backend instanceof LuceneBackend) {
            return new Lucene(emf);
        }
        return new OpenSearch(backend.unwrap(ElasticsearchBackend.class).client(RestClient.class));
    }

    /** The embedded index, read directly. */
    final class Lucene implements IndexTerms {
        private final EntityManagerFactory emf;
        private final Analyzer parts;

        Lucene(EntityManagerFactory emf) {
            this.emf = emf;
            this.parts = Search.mapping(emf)
                    .backend()
                    .unwrap(LuceneBackend.class)
                    .analyzer(SearchAnalysis.DUTCH_PARTS.name())
                    .orElseThrow();
        }

        private IndexReader reader() {
            return Search.mapping(emf)
                    .scope(Idea.class)
                    .extension(LuceneExtension.get())
                    .openIndexReader();
        }

        @Override
        public List<String> parts(String word) {
            List<String> out = new ArrayList<>();
            try (TokenStream ts = parts.tokenStream("q", word)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken() && out.size() < 40) {
                    out.add(term.toString());
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }

        /**
         * A term's count is a lookup in every segment of the index: for a common word with many parts, 7 % of a
         * search on 100,000 ideas. It changes slowly, so it is kept for a minute, as the cluster keeps it.
         */
        private final Cache<String, Long> ideasWith = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();

        /**
         * Filters that leave at most this many ideas are counted in: a count per term then visits at most this many
         * ideas. Beyond it, the whole index's counts (kept for a minute).
         */
        static final int COUNTED_WITHIN = 10_000;

        @Override
        public Counts countsWithin(List<String> fields, Collection<String> terms, SearchService.Filters filters) {
            Query scope = SearchCounts.scope(filters);
            if (scope == null) {
                return counts(fields, terms);
            }
            try (IndexReader reader = reader()) {
                IndexSearcher searcher = new IndexSearcher(reader);
                long ideas = searcher.count(scope);
                if (ideas > COUNTED_WITHIN) {
                    return counts(fields, terms);
                }
                Map<String, Long> freq = new HashMap<>();
                for (String t : terms) {
                    BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
                    for (String f : fields) {
                        inAnyField.add(new TermQuery(new Term(f, t)), BooleanClause.Occur.SHOULD);
                    }
                    freq.put(t, (long) searcher.count(new BooleanQuery.Builder()
                            .add(scope, BooleanClause.Occur.FILTER)
                            .add(inAnyField.build(), BooleanClause.Occur.FILTER)
                            .build()));
                }
                return new Counts(ideas, freq);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Counts counts(List<String> fields, Collection<String> terms) {
            String prefix = String.join(",", fields) + ":";
            try (IndexReader reader = reader()) {
                Map<String, Long> freq = new HashMap<>();
                for (String t : terms) {
                    freq.put(t, ideasWith.get(prefix + t, key -> {
                        long max = 0;
                        for (String f : fields) {
                            try {
                                max = Math.max(max, reader.docFreq(new Term(f, t)));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return max;
                    }));
                }
                return new Counts(reader.numDocs(), freq);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<String> correction(List<String> fields, String word) {
            DirectSpellChecker checker = new DirectSpellChecker();
            checker.setMaxEdits(2);
            checker.setMinQueryLength(4);
            try (IndexReader reader = reader()) {
                long known = 0;
                for (String f : fields) {
                    known += reader.docFreq(new Term(f, word));
                }
                if (known > 0) {
                    return Optional.empty();
                }
                SuggestWord best = null;
                for (String f : fields) {
                    for (SuggestWord s : checker.suggestSimilar(
                            new Term(f, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                        if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) {
                            best = s;
                        }
                    }
                }
                return Optional.ofNullable(best).map(s -> s.string);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * An OpenSearch or Elasticsearch cluster: {@code _analyze} with the index's own analyzer, counts in one
     * {@code _msearch}, and the term suggester, which like Lucene's spell checker keeps the first letter and allows
     * two edits.
     */
    final class OpenSearch implements IndexTerms {
        /** Hibernate Search's read alias of the idea index. */
        static final String INDEX = "/idea-read";

        private static final JsonMapper JSON = JsonMapper.builder().build();
        private static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");
        private final RestClient client;
        /**
         * Each lookup is a round trip to the cluster, where the embedded index answers in microseconds. A word's
         * parts never change while the analyzers stay the same, and how many ideas hold a part changes slowly, so
         * both are kept for a while: a search for a word seen recently needs only its own query.
         */
        private final Cache<String, List<String>> partsOf = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterWrite(Duration.ofMinutes(30))
                .build();

        private final Cache<String, Long> ideasWith = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();

        OpenSearch(RestClient client) {
            this.client = client;
        }

        private JsonNode call(String method, String path, String body, ContentType type) {
            Request request = new Request(method, path);
            request.setEntity(new NStringEntity(body, type));
            try {
                var response = client.performRequest(request);
                return JSON.readTree(response.getEntity().getContent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<String> parts(String word) {
            return partsOf.get(word, this::analyse);
        }

        private List<String> analyse(String word) {
            Map<String, Object> body = Map.of("analyzer", SearchAnalysis.DUTCH_PARTS.name(), "text", word);
            JsonNode tokens = call(
                            "POST", INDEX + "/_analyze", JSON.writeValueAsString(body), ContentType.APPLICATION_JSON)
                    .path("tokens");
            List<String> out = new ArrayList<>();
            for (JsonNode t : tokens) {
                if (out.size() < 40) {
                    out.add(t.path("token").asString());
                }
            }
            return out;
        }

        @Override
        public Counts counts(List<String> fields, Collection<String> terms) {
            String prefix = String.join(",", fields) + ":";
            Map<String, Long> freq = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (String t : terms) {
                Long known = ideasWith.getIfPresent(prefix + t);
                if (known == null) {
                    missing.add(t);
                } else {
                    freq.put(t, known);
                }
            }
            Long ideas = ideasWith.getIfPresent("");
            if (ideas == null || !missing.isEmpty()) {
                Counts fresh = lookUp(fields, missing);
                ideas = fresh.ideas();
                ideasWith.put("", ideas);
                fresh.ideasWithTerm().forEach((t, n) -> {
                    ideasWith.put(prefix + t, n);
                    freq.put(t, n);
                });
            }
            return new Counts(ideas, freq);
        }

        private Counts lookUp(List<String> fields, Collection<String> terms) {
            List<String> order = List.copyOf(terms);
            StringBuilder ndjson = new StringBuilder();
            addCount(ndjson, Map.of("match_all", Map.of()));
            for (String t : order) {
                for (String f : fields) {
                    addCount(ndjson, Map.of("term", Map.of(f, t)));
                }
            }
            JsonNode responses =
                    call("POST", INDEX + "/_msearch", ndjson.toString(), NDJSON).path("responses");
            long ideas = total(responses.get(0));
            Map<String, Long> freq = new HashMap<>();
            int i = 1;
            for (String t : order) {
                long max = 0;
                for (int k = 0; k < fields.size(); k++) {
                    max = Math.max(max, total(responses.get(i++)));
                }
                freq.put(t, max);
            }
            return new Counts(ideas, freq);
        }

        private static void addCount(StringBuilder ndjson, Map<String, Object> query) {
            ndjson.append("{}\n")
                    .append(JSON.writeValueAsString(Map.of("size", 0, "track_total_hits", true, "query", query)))
                    .append('\n');
        }

        private static long total(JsonNode response) {
            if (response.has("error")) {
                throw new IllegalStateException("The search cluster refused a count: " + response.get("error"));
            }
            return response.path("hits").path("total").path("value").asLong();
        }

        @Override
        public Optional<String> correction(List<String> fields, String word) {
            if (counts(fields, List.of(word)).ideasWithTerm().getOrDefault(word, 0L) > 0) {
                return Optional.empty();
            }
            Map<String, Object> suggest = new HashMap<>();
            for (String f : fields) {
                suggest.put(
                        f,
                        Map.of(
                                "text",
                                word,
                                "term",
                                Map.of(
                                        "field", f,
                                        "suggest_mode", "missing",
                                        "max_edits", 2,
                                        "min_word_length", 4,
                                        "size", 1)));
            }
            JsonNode result = call(
                    "POST",
                    INDEX + "/_search",
                    JSON.writeValueAsString(Map.of("size", 0, "suggest", suggest)),
                    ContentType.APPLICATION_JSON);
            String best = null;
            double bestScore = -1;
            long bestFreq = -1;
            for (String f : fields) {
                for (JsonNode entry : result.path("suggest").path(f)) {
                    for (JsonNode option : entry.path("options")) {
                        double score = option.path("score").asDouble();
                        long freq = option.path("freq").asLong();
                        if (score > bestScore || (score == bestScore && freq > bestFreq)) {
                            best = option.path("text").asString().toLowerCase(Locale.ROOT);
                            bestScore = score;
                            bestFreq = freq;
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        }
    }
}

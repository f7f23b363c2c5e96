package org.inspraak.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryStringPredicateFieldMoreStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.inspraak.idea.Idea;
import org.inspraak.idea.IdeaService;
import org.inspraak.idea.IdeaStatus;
import org.inspraak.idea.SimilarIdeas;
import org.inspraak.reaction.Reaction;
import org.inspraak.reaction.ReactionService;
import org.inspraak.search.SearchCounts.Counted;
import org.jspecify.annotations.Nullable;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * One search box over ideas and reactions. Results are ideas: an idea matches on its own title or text,
 * or because one of its visible reactions matches, so facets (theme, neighbourhood, status, consultation)
 * always describe the same kind of thing. Hidden ideas and hidden or deleted reactions never match.
 */
@Service
public class SearchService implements SimilarIdeas {

    public static final int MAX_QUERY = 200;
    /**
     * How much of a query word's parts a text's parts must share. On the judged query set: 30 % gave the same recall
     * with 5.6 results a query, 40 % recall 0.997 with 4.4, 50 % recall 0.988 with 3.7; any single part (0 %), 18.4.
     */
    static final int PARTS_MATCH_PERCENT = 40;

    /** The fields of whole words a query searches, and their weights. */
    static final Map<String, Float> WORD_FIELDS = orderedMap(
            "title", 3f,
            "description", 1f,
            "title_en", 1.5f,
            "description_en", 0.5f);

    /** The fields of word parts (compounds split). */
    static final List<String> PART_FIELDS = List.of("title_parts", "description_parts");

    /**
     * The weight of a matching part, in the title's parts and the description's alike. Before 2026-12-02 the title's
     * parts weighed 1 (Hibernate Search's {@code boost} after {@code field(...)} weighs only the last field named);
     * on the judged set, both at 0.3 give recall@10 1.000 and MRR 0.994 instead of 0.997 and 0.988.
     */
    static final float PART_WEIGHT = 0.3f;

    static final int COMMON_PART_PERCENT = 1;
    /** The longest parts of a query word that are looked up: 8 gave the same judged-set figures as all of them. */
    static final int MAX_PARTS = 8;

    static final int COMMON_PART_MIN = 100;
    /** How much of a description is shown: the passage with the most matches, or its start. */
    static final int NO_MATCH_SIZE = 160;

    /**
     * How many of the best-matching reactions bring their ideas into the results: two and a half pages. Each costs a
     * stored-field read on every search, which was a third of a search's time at 100.
     */
    private static final int REACTION_IDEAS = 50;

    private static final AggregationKey<Map<Long, Long>> THEMES = AggregationKey.of("themeId");
    private static final AggregationKey<Map<Long, Long>> NEIGHBOURHOODS = AggregationKey.of("neighbourhoodId");
    private static final AggregationKey<Map<IdeaStatus, Long>> STATUSES = AggregationKey.of("status");
    private static final AggregationKey<Map<Long, Long>> CONSULTATIONS = AggregationKey.of("consultationId");

    @PersistenceContext
    private EntityManager em;

    private final SynonymService synonyms;
    private final IdeaService ideas;
    private final ReactionService reactions;
    /** Marks the words of a query in titles, descriptions and reactions, as their whole-word fields analyse them. */
    private final Passages passages = new Passages(SearchAnalysis.lucene(SearchAnalysis.DUTCH));
    /** Marks compounds that hold a query word as a part, where the whole words did not match. */
    private final Passages compounds = new Passages(SearchAnalysis.lucene(SearchAnalysis.DUTCH_PARTS));

    private volatile @Nullable IndexTerms indexTerms;

    SearchService(SynonymService synonyms, IdeaService ideas, ReactionService reactions) {
        this.synonyms = synonyms;
        this.ideas = ideas;
        this.reactions = reactions;
    }

    @PersistenceUnit
    private EntityManagerFactory emf;

    /** Counts on the embedded index; null in cluster mode, where the search engine's aggregations count. */
    private volatile @Nullable SearchCounts nativeCounts;
    /** The best reactions on the embedded index; null in cluster mode. */
    private volatile @Nullable BestReactions nativeReactions;

    private volatile boolean backendChecked;
    /** Counts and facets of a search, beside its page of hits. Bounded: one per core is all that helps. */
    private final ExecutorService counting =
            Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "search-count");
                t.setDaemon(true);
                return t;
            });

    /** Filters chosen from the facets; null means "any". */
    public record Filters(Long consultationId, Long themeId, Long neighbourhoodId, IdeaStatus status) {
        public static final Filters NONE = new Filters(null, null, null, null);
    }

    /** One hit: the idea, with the matching text marked by &lt;mark&gt; (already escaped), and where it matched. */
    public record Hit(long ideaId, String titleHtml, String snippetHtml, boolean matchedInReaction) {}

    public record Facets(
            Map<Long, Long> themes,
            Map<Long, Long> neighbourhoods,
            Map<IdeaStatus, Long> statuses,
            Map<Long, Long> consultations) {
        public static final Facets EMPTY = new Facets(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * A page of results; {@code suggestion} is the query with unknown words replaced by the nearest words the
     * ideas use ("Bedoelde u …?"), when the query found little and such words exist.
     */
    public record Page(
            List<Hit> hits,
            long total,
            Facets facets,
            @Nullable String suggestion) {}

    @Transactional(readOnly = true)
    public Page search(String rawQuery, Filters filters, int offset, int limit) {
        String typed = normalise(rawQuery);
        if (typed.isEmpty()) {
            return new Page(List.of(), 0, Facets.EMPTY, null);
        }
        String q = synonyms.expand(typed);
        List<List<String>> parts = informativeParts(q, filters);
        SearchSession session = Search.session(em);
        // Counting and faceting must visit every match; the page of hits need not (Lucene skips what cannot reach
        // the top). So the count of ideas matching on their own text runs beside the rest, on another core, and
        // the embedded index keeps each unchanged segment's counts (SearchCounts).
        Future<Counted> ownCounted = counting.submit(() -> ownCounts(q, parts, filters));
        Set<Long> viaReactions = reactionMatches(q);
        // The few ideas that match through a reaction only are counted apart, on the other core too, and added.
        Future<Counted> viaOnlyCounted = viaReactions.isEmpty()
                ? null
                : counting.submit(() -> onlyViaReactions(viaReactions, q, parts, filters));
        List<Hit> hits = hits(session, q, parts, viaReactions, filters, offset, limit);
        Counted counted = await(ownCounted).plus(viaOnlyCounted == null ? null : await(viaOnlyCounted));
        long total = counted.total();
        return new Page(hits, total, counted.facets(), total < FEW ? suggestion(typed) : null);
    }

    /** A query as search reads it: trimmed and bounded, with the admins' synonyms added. */
    String expanded(String rawQuery) {
        return synonyms.expand(normalise(rawQuery));
    }

    /**
     * A page of the same results as {@link #search}, without counting or facets: for a list that scrolls on after
     * its first page, which needs neither again.
     */
    @Transactional(readOnly = true)
    public List<Hit> hits(String rawQuery, Filters filters, int offset, int limit) {
        String typed = normalise(rawQuery);
        if (typed.isEmpty()) {
            return List.of();
        }
        String q = synonyms.expand(typed);
        SearchSession session = Search.session(em);
        return hits(session, q, informativeParts(q, filters), reactionMatches(q), filters, offset, limit);
    }

    private List<Hit> hits(
            SearchSession session,
            String q,
            List<List<String>> parts,
            Set<Long> viaReactions,
            Filters filters,
            int offset,
            int limit) {
        List<Long> page = session.search(Idea.class)
                .select(f -> f.id(Long.class))
                .where(f -> withFilters(
                        f,
                        viaReactions.isEmpty()
                                ? ownText(f, q, parts)
                                : f.or(
                                        ownText(f, q, parts),
                                        f.id().matchingAny(viaReactions).boost(0.5f)),
                        filters))
                .totalHitCountThreshold(Math.max(0, offset) + Math.max(1, Math.min(limit, 100)))
                .fetchHits(Math.max(0, offset), Math.max(1, Math.min(limit, 100)));
        // The texts come from the database (the index does not store them) and are marked where the query's words
        // are; an idea on the page whose own text holds none of them was found through a reaction.
        Map<Long, IdeaService.IdeaText> texts = new LinkedHashMap<>();
        for (IdeaService.IdeaText t : ideas.visibleTexts(page)) {
            texts.put(t.id(), t);
        }
        Passages.Marker marker = passages.marker(q);
        Passages.Marker inCompounds = compounds.wordsAsParts(queryWords(q));
        List<IdeaService.IdeaText> shown = new ArrayList<>();
        for (long id : page) {
            IdeaService.IdeaText text = texts.get(id);
            if (text != null) { // else hidden or removed since it was indexed
                shown.add(text);
            }
        }
        // Marking re-analyses every title and description: most of a typical search's own work. The second core is
        // idle by now (it counted while the page was found), so it marks the second half of the page.
        int half = shown.size() / 2;
        CompletableFuture<List<Hit>> secondHalf = half == 0
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(
                        () -> marked(shown.subList(half, shown.size()), marker, inCompounds), counting);
        List<Hit> own = new ArrayList<>(marked(shown.subList(0, half == 0 ? shown.size() : half), marker, inCompounds));
        own.addAll(await(secondHalf));
        List<Long> onlyViaReaction = new ArrayList<>();
        for (Hit hit : own) {
            if (hit.matchedInReaction() && viaReactions.contains(hit.ideaId())) {
                onlyViaReaction.add(hit.ideaId());
            }
        }
        Map<Long, String> reactionSnippets = reactionSnippets(session, q, onlyViaReaction);
        List<Hit> hits = new ArrayList<>();
        for (Hit hit : own) {
            String reaction = reactionSnippets.get(hit.ideaId());
            hits.add(new Hit(
                    hit.ideaId(), hit.titleHtml(), reaction == null ? hit.snippetHtml() : reaction, reaction != null));
        }
        return hits;
    }

    /**
     * The ideas' texts with the query's words marked. A hit whose own text holds none of them comes with
     * {@code matchedInReaction} set, for the caller to look for its reaction.
     */
    private static List<Hit> marked(
            List<IdeaService.IdeaText> texts, Passages.Marker marker, Passages.Marker inCompounds) {
        List<Hit> out = new ArrayList<>(texts.size());
        for (IdeaService.IdeaText text : texts) {
            String wholeInTitle = marker.whole(text.title());
            String title = wholeInTitle != null ? wholeInTitle : inCompounds.whole(text.title());
            String description = marker.best(text.description(), NO_MATCH_SIZE);
            if (description == null && wholeInTitle == null) {
                // A title that holds the query's words whole explains the hit. Looking for them inside the
                // description's compounds as well analysed every such description into its parts: a quarter of a
                // typical search.
                description = inCompounds.best(text.description(), NO_MATCH_SIZE);
            }
            out.add(new Hit(
                    text.id(),
                    safeFragment(title != null ? title : text.title()),
                    safeFragment(description != null ? description : Passages.start(text.description(), NO_MATCH_SIZE)),
                    title == null && description == null));
        }
        return out;
    }

    /**
     * The total and facets of the ideas matching on their own text: counted from the embedded index directly, or by
     * the search cluster's aggregations.
     */
    Counted ownCounts(String q, List<List<String>> parts, Filters filters) {
        SearchCounts direct = nativeCounts();
        if (direct != null) {
            return direct.count(q, parts, filters);
        }
        return ownCountsByAggregations(q, parts, filters);
    }

    /** The same counts through Hibernate Search's aggregations, whichever the backend. */
    Counted ownCountsByAggregations(String q, List<List<String>> parts, Filters filters) {
        try (EntityManager own = emf.createEntityManager()) {
            return counted(Search.session(own), f -> withFilters(f, ownText(f, q, parts), filters));
        }
    }

    /** The ideas among those found through a reaction whose own text does not match, counted. */
    Counted onlyViaReactions(Set<Long> viaReactions, String q, List<List<String>> parts, Filters filters) {
        SearchCounts direct = nativeCounts();
        if (direct != null) {
            return direct.countOnlyThroughReactions(viaReactions, q, parts, filters);
        }
        return onlyViaReactionsByAggregations(viaReactions, q, parts, filters);
    }

    /** The same counts through Hibernate Search's aggregations, whichever the backend. */
    Counted onlyViaReactionsByAggregations(
            Set<Long> viaReactions, String q, List<List<String>> parts, Filters filters) {
        try (EntityManager own = emf.createEntityManager()) {
            return counted(
                    Search.session(own),
                    f -> withFilters(
                            f, f.bool().must(f.id().matchingAny(viaReactions)).mustNot(ownText(f, q, parts)), filters));
        }
    }

    private @Nullable SearchCounts nativeCounts() {
        if (!backendChecked) {
            boolean embedded = Search.mapping(emf).backend() instanceof LuceneBackend;
            nativeCounts = embedded ? new SearchCounts(emf) : null;
            nativeReactions = embedded ? new BestReactions(emf) : null;
            backendChecked = true;
        }
        return nativeCounts;
    }

    private static Counted counted(SearchSession session, Function<SearchPredicateFactory, PredicateFinalStep> where) {
        // A pure filter: counting needs no relevance, and not scoring saves decoding term frequencies.
        SearchResult<Long> result = session.search(Idea.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().filter(where.apply(f)))
                .aggregation(THEMES, f -> f.terms().field("themeId", Long.class).maxTermCount(SearchCounts.MAX_VALUES))
                .aggregation(
                        NEIGHBOURHOODS,
                        f -> f.terms().field("neighbourhoodId", Long.class).maxTermCount(SearchCounts.MAX_VALUES))
                .aggregation(STATUSES, f -> f.terms().field("status", IdeaStatus.class))
                .aggregation(
                        CONSULTATIONS,
                        f -> f.terms().field("consultationId", Long.class).maxTermCount(SearchCounts.MAX_VALUES))
                .fetch(0, 0);
        return new Counted(
                result.total().hitCount(),
                new Facets(
                        result.aggregation(THEMES),
                        result.aggregation(NEIGHBOURHOODS),
                        result.aggregation(STATUSES),
                        result.aggregation(CONSULTATIONS)));
    }

    private PredicateFinalStep ownText(SearchPredicateFactory f, String q, List<List<String>> partsPerWord) {
        SimpleQueryStringPredicateFieldMoreStep<?, ?, ?> fields = null;
        for (Map.Entry<String, Float> field : WORD_FIELDS.entrySet()) {
            fields = (fields == null ? f.simpleQueryString().field(field.getKey()) : fields.field(field.getKey()))
                    .boost(field.getValue());
        }
        var words = fields.matching(q);
        if (partsPerWord.isEmpty()) {
            return words;
        }
        var any = f.bool().should(words);
        for (List<String> parts : partsPerWord) {
            if (parts.isEmpty()) {
                continue;
            }
            // Most of a word's parts (parkeren: park, parkeer, keer, ...) must recur in a text's parts, so that
            // "parkeren" finds the parkeergarage but not every text with "keer" in it. The parts are matched as
            // they are: they come from the same analyzer the index used.
            var all = f.bool();
            for (String part : parts) {
                all.should(f.match()
                        .fields(PART_FIELDS.toArray(String[]::new))
                        .boost(PART_WEIGHT)
                        .matching(part)
                        .skipAnalysis());
            }
            any.should(all.minimumShouldMatchNumber(partsToMatch(parts.size())));
        }
        return any;
    }

    /** How many of a query word's parts a text must hold: {@value #PARTS_MATCH_PERCENT} %, at least one. */
    static int partsToMatch(int parts) {
        return Math.max(1, (parts * PARTS_MATCH_PERCENT + 99) / 100);
    }

    private static <K, V> Map<K, V> orderedMap(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
        Map<K, V> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        m.put(k4, v4);
        return Collections.unmodifiableMap(m);
    }

    /** The terms that more than {@value #COMMON_PART_PERCENT} % of the counted ideas hold, and at least 100. */
    private static Set<String> common(IndexTerms.Counts counts) {
        long common = Math.max(COMMON_PART_MIN, counts.ideas() * COMMON_PART_PERCENT / 100);
        Set<String> out = new LinkedHashSet<>();
        counts.ideasWithTerm().forEach((term, ideas) -> {
            if (ideas > common) {
                out.add(term);
            }
        });
        return out;
    }

    /** The informative parts of each query word in the whole index. */
    List<List<String>> informativeParts(String q) {
        return informativeParts(q, Filters.NONE);
    }

    /**
     * The parts of each query word that say something: a part that more than {@value #COMMON_PART_PERCENT} % of the
     * ideas hold (and at least {@value #COMMON_PART_MIN} of them) is left out, as stop words are. Such parts
     * ("eer", "ren") match most texts anyway and made a search three times slower on 100,000 ideas. A part the whole
     * index finds common is counted again among the ideas the filters leave (on the embedded index, when they are at
     * most 10,000): in a large municipality "parkeer" may be common across all its consultations, but within one
     * consultation it is what finds the parkeergarage (recall@10 of the judged set in its own consultation of the
     * large benchmark index: 0.84 with the whole index's counts, 0.99 with the consultation's).
     */
    List<List<String>> informativeParts(String q, Filters filters) {
        List<String> words = queryWords(q);
        if (words.isEmpty()) {
            return List.of();
        }
        IndexTerms index = indexTerms();
        Map<String, List<String>> partsOf = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (String w : words) {
            List<String> parts = index.parts(w);
            partsOf.put(w, parts);
            all.addAll(parts);
        }
        List<String> fields = List.of("title_parts", "description_parts");
        Set<String> common = common(index.counts(fields, all));
        if (!common.isEmpty() && !filters.equals(Filters.NONE)) {
            // Only parts the whole index finds common are counted again among the filtered ideas: a few lookups.
            common.retainAll(common(index.countsWithin(fields, common, filters)));
        }
        List<List<String>> out = new ArrayList<>();
        for (String w : words) {
            List<String> kept = new ArrayList<>();
            for (String part : partsOf.get(w)) {
                if (!common.contains(part)) {
                    kept.add(part);
                }
            }
            // The longest parts say the most; a handful of them is enough, and each costs a term lookup.
            kept.sort(Comparator.comparingInt(String::length).reversed());
            out.add(kept.subList(0, Math.min(MAX_PARTS, kept.size())));
        }
        return out;
    }

    /** The embedded index or the search cluster, whichever backend this node runs with. */
    private IndexTerms indexTerms() {
        IndexTerms t = indexTerms;
        if (t == null) {
            t = IndexTerms.of(emf);
            indexTerms = t;
        }
        return t;
    }

    /** The words of a query as typed (operators and quotes left out), at most ten. */
    static List<String> queryWords(String q) {
        List<String> out = new ArrayList<>();
        for (String w : q.split("[\\s\"()|+~*]+")) {
            String word = w.replaceAll("^-+", "").strip();
            if (word.length() >= 3 && out.size() < 10 && !out.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** Text decides relevance; the facet choices are filters, which Lucene neither scores nor ranks. */
    private static PredicateFinalStep withFilters(SearchPredicateFactory f, PredicateFinalStep text, Filters filters) {
        var bool = f.bool().must(text);
        if (filters.consultationId() != null) {
            bool.filter(f.match().field("consultationId").matching(filters.consultationId()));
        }
        if (filters.themeId() != null) {
            bool.filter(f.match().field("themeId").matching(filters.themeId()));
        }
        if (filters.neighbourhoodId() != null) {
            bool.filter(f.match().field("neighbourhoodId").matching(filters.neighbourhoodId()));
        }
        if (filters.status() != null) {
            bool.filter(f.match().field("status").matching(filters.status()));
        }
        return bool;
    }

    private static <T> T await(Future<T> counted) {
        try {
            return counted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting search results", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Ideas whose text resembles the given text; used to warn about duplicates before posting. */
    @Transactional(readOnly = true)
    @Override
    public List<Long> similarIdeas(long consultationId, String text, int max) {
        String q = normalise(text);
        if (q.length() < 4) {
            return List.of();
        }
        return Search.session(em)
                .search(Idea.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool()
                        .should(f.match().fields("title", "description").matching(q))
                        // The same compound splitting as the search box, so near-duplicates in other words show.
                        .should(f.match()
                                .fields("title_parts", "description_parts")
                                .matching(q)
                                .boost(0.5f))
                        .minimumShouldMatchNumber(1)
                        .filter(f.match().field("consultationId").matching(consultationId)))
                .fetchHits(max);
    }

    /** Ideas with a matching reaction, best first; ids only, so this stays cheap however many reactions match. */
    Set<Long> reactionMatches(String q) {
        nativeCounts();
        BestReactions direct = nativeReactions;
        if (direct != null) {
            return direct.ideasOf(q, REACTION_IDEAS);
        }
        return reactionMatchesByDsl(q);
    }

    /** The same through Hibernate Search's DSL, whichever the backend. */
    Set<Long> reactionMatchesByDsl(String q) {
        try (EntityManager own = emf.createEntityManager()) {
            return new LinkedHashSet<>(Search.session(own)
                    .search(Reaction.class)
                    .select(f -> f.field("ideaId", Long.class))
                    .where(f -> reactionQuery(f, q))
                    // Only the best hits matter here: no exact count lets Lucene skip blocks that cannot make the top.
                    .totalHitCountThreshold(REACTION_IDEAS)
                    .fetchHits(REACTION_IDEAS));
        }
    }

    /**
     * The matching passage of a reaction, for the few ideas on this page that matched through a reaction only. The
     * index holds no reaction texts (reading them from its stored fields made every search slow, as every search reads
     * the idea of its best reactions there): the best few reactions come from the index, their texts from the database,
     * and Lucene's highlighter marks them with the query as the index analysed it.
     */
    private Map<Long, String> reactionSnippets(SearchSession session, String q, Collection<Long> ideaIds) {
        if (ideaIds.isEmpty()) {
            return Map.of();
        }
        List<Long> best = session.search(Reaction.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool()
                        .must(reactionQuery(f, q))
                        .filter(f.terms().field("ideaId").matchingAny(ideaIds)))
                .fetchHits(ideaIds.size() * 3);
        if (best.isEmpty()) {
            return Map.of();
        }
        Map<Long, ReactionService.ReactionText> texts = new LinkedHashMap<>();
        for (ReactionService.ReactionText t : reactions.visibleTexts(best)) {
            texts.put(t.id(), t);
        }
        Passages.Marker marker = passages.marker(q);
        Map<Long, String> byIdea = new LinkedHashMap<>();
        for (Long reactionId : best) {
            ReactionService.ReactionText text = texts.get(reactionId);
            if (text != null && !byIdea.containsKey(text.ideaId())) {
                String passage = marker.best(text.body(), Passages.SIZE);
                byIdea.put(
                        text.ideaId(),
                        safeFragment(passage != null ? passage : Passages.start(text.body(), Passages.SIZE)));
            }
        }
        return byIdea;
    }

    private static PredicateFinalStep reactionQuery(SearchPredicateFactory f, String q) {
        // Hidden and deleted reactions are not in the index (ReactionIndexRouting). BestReactions.FIELDS likewise.
        return f.simpleQueryString().field("body").boost(2f).field("body_en").matching(q);
    }

    /** The only markup a highlight may carry into a page. */
    private static final PolicyFactory HIGHLIGHT =
            new HtmlPolicyBuilder().allowElements("mark").toFactory();

    /**
     * The highlighter encodes a passage that holds a match, but the start of a text that does not match comes as it
     * was typed. So a fragment without a match is escaped here, and every fragment then passes a sanitizer that lets
     * only {@code <mark>} through: whatever the highlighter does, no resident's markup reaches a page as markup.
     */
    static String safeFragment(String fragment) {
        String html = fragment.contains("<mark>") ? fragment : HtmlUtils.htmlEscape(wholeWords(fragment), "UTF-8");
        return HIGHLIGHT.sanitize(html);
    }

    /**
     * The start of a text that did not match is cut at a fixed length ({@link #NO_MATCH_SIZE}), often inside a word:
     * such a fragment ends at the last whole word instead, with an ellipsis. (A matching fragment is built from whole
     * tokens already.)
     */
    static String wholeWords(String fragment) {
        if (fragment.length() < NO_MATCH_SIZE) {
            return fragment;
        }
        int cut = fragment.stripTrailing().lastIndexOf(' ');
        return cut <= 0 ? fragment : fragment.substring(0, cut).stripTrailing() + " …";
    }

    /** Fewer results than this, and the search suggests other spellings. */
    static final int FEW = 3;

    /**
     * The query with each word that no idea uses replaced by the most frequent indexed word within two edits, or
     * null when nothing changes. Only the ideas' own words are suggested (fields {@code *_words}).
     */
    @Nullable
    String suggestion(String typed) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String word : typed.split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement = word;
            if (lower.length() >= 4 && lower.chars().allMatch(Character::isLetter)) {
                Optional<String> near = indexTerms().correction(List.of("title_words", "description_words"), lower);
                if (near.isPresent()) {
                    replacement = near.get();
                    changed = true;
                }
            }
            out.append(out.isEmpty() ? "" : " ").append(replacement);
        }
        return changed ? out.toString() : null;
    }

    /** Trims and bounds the query; simple-query-string syntax errors cannot occur, it is lenient by design. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String q = raw.replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip();
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }
}

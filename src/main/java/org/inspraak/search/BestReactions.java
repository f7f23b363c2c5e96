package org.inspraak.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.inspraak.reaction.Reaction;

/**
 * The ideas of the reactions that match a search best, found in the embedded index directly.
 *
 * <p>Through Hibernate Search, each of the best reactions had its idea read from the index's stored fields, which
 * decompresses a block of them per hit: a seventh of all a search allocated. Here the idea comes from the doc values
 * the index keeps for {@code ideaId} anyway (it is aggregable). The query is the one {@link SearchService} writes with
 * Hibernate Search's DSL, written with Lucene's own classes (the same parser, the index's own analyzers, the same
 * fields and weights), so it ranks the same; {@code SearchServiceTest} holds both to the same ideas in the same order.
 * The search cluster keeps the DSL.
 */
final class BestReactions {

    /** The fields of a reaction a search looks in, and their weights. */
    static final Map<String, Float> FIELDS = fields();

    private static Map<String, Float> fields() {
        Map<String, Float> fields = new LinkedHashMap<>(); // in the DSL's order: scores add up in it
        fields.put("body", 2f);
        fields.put("body_en", 1f);
        return Collections.unmodifiableMap(fields);
    }

    private final EntityManagerFactory emf;
    private final Analyzer analyzer;

    BestReactions(EntityManagerFactory emf) {
        this.emf = emf;
        LuceneBackend backend = Search.mapping(emf).backend().unwrap(LuceneBackend.class);
        this.analyzer = new PerFieldAnalyzerWrapper(
                backend.analyzer(SearchAnalysis.DUTCH.name()).orElseThrow(),
                Map.of(
                        "body_en",
                        backend.analyzer(SearchAnalysis.ENGLISH.name()).orElseThrow()));
    }

    /** The ideas of the {@code n} best-matching reactions, best first. */
    Set<Long> ideasOf(String q, int n) {
        try (IndexReader reader = Search.mapping(emf)
                .scope(Reaction.class)
                .extension(LuceneExtension.get())
                .openIndexReader()) {
            // No exact count: Lucene may skip blocks that cannot reach the top.
            TopDocs top = new IndexSearcher(reader)
                    .search(
                            new SimpleQueryParser(analyzer, FIELDS).parse(q),
                            new TopScoreDocCollectorManager(n, null, n));
            ScoreDoc[] byDoc = top.scoreDocs.clone();
            Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc)); // doc values are read forward only
            Map<Integer, Long> ideaOf = new HashMap<>();
            List<LeafReaderContext> leaves = reader.leaves();
            SortedNumericDocValues ideaIds = null;
            int leafIndex = -1;
            for (ScoreDoc hit : byDoc) {
                int leaf = ReaderUtil.subIndex(hit.doc, leaves);
                if (leaf != leafIndex) {
                    leafIndex = leaf;
                    ideaIds = DocValues.getSortedNumeric(leaves.get(leaf).reader(), "ideaId");
                }
                if (ideaIds.advanceExact(hit.doc - leaves.get(leaf).docBase)) {
                    ideaOf.put(hit.doc, ideaIds.nextValue());
                }
            }
            Set<Long> ideas = new LinkedHashSet<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Long idea = ideaOf.get(hit.doc);
                if (idea != null) {
                    ideas.add(idea);
                }
            }
            return ideas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.inspraak.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Dutch and English analyzers: the standard tokenizer, lower case, accents folded (so "café" finds
 * "cafe"), stop words removed and words stemmed (so "bezuiniging" finds "bezuinigingen").
 *
 * <p>{@code dutch_parts} also splits compounds with the OpenTaal word list (src/main/resources/search), so that parts
 * find wholes and wholes find parts: "parkeren" finds the parkeergarage, "sport" the sporthal, "bus" the buurtbus. Its
 * fields are searched with a lower weight than the whole words, so an exact match ranks first. It stems with
 * Kraaij-Pohlmann, which conflates bomen/boom, scholen/school and lantaarnpalen/lantaarnpaal, where Snowball's Dutch
 * stemmer does not. On the judged query set both stemmers gave the same recall for the parts; for the whole-word
 * fields, Snowball's Dutch stemmer ranked better (MRR 0.966 against 0.956), so it stays there.
 */
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    /**
     * Bumped whenever an analyzer or what the index stores changes, so existing indexes are rebuilt at the next start
     * ({@link SearchIndexMaintenance}). 3: the texts of ideas and reactions are no longer stored.
     */
    public static final int VERSION = 3;

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        for (SearchAnalysis.Definition d : SearchAnalysis.ALL) {
            var analyzer = context.analyzer(d.name()).custom().tokenizer(d.tokenizer());
            for (SearchAnalysis.Filter f : d.filters()) {
                var filter = analyzer.tokenFilter(f.name());
                f.params().forEach(filter::param);
            }
        }
    }
}

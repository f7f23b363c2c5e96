package org.inspraak.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Dutch and English analyzers: the standard tokenizer, lower case, accents folded (so "café" finds
 * "cafe"), stop words removed and words stemmed (so "bezuiniging" finds "bezuinigingen").
 */
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("dutch")
                .custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("stop")
                .param("words", "org/apache/lucene/analysis/snowball/dutch_stop.txt")
                .param("format", "snowball")
                .param("ignoreCase", "true")
                .tokenFilter("snowballPorter")
                .param("language", "Dutch")
                .tokenFilter("asciiFolding");
        context.analyzer("english")
                .custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("stop")
                .tokenFilter("porterStem")
                .tokenFilter("asciiFolding");
    }
}

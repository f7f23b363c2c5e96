package org.inspraak.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * The analyzers as data, in one place: each a tokenizer and a chain of token filters with their parameters, named as
 * Lucene's analysis factories name them. {@link SearchAnalysisConfigurer} hands them to the embedded Lucene backend;
 * an Elasticsearch or OpenSearch backend maps the same chain onto its own filter names (for example
 * {@code dictionaryCompoundWord} is {@code dictionary_decompounder} there) instead of defining it again.
 */
public final class SearchAnalysis {

    private SearchAnalysis() {}

    /** One token filter: its factory name and parameters, in order. */
    public record Filter(String name, Map<String, String> params) {
        static Filter of(String name, String... keyValues) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                params.put(keyValues[i], keyValues[i + 1]);
            }
            return new Filter(name, params);
        }
    }

    public record Definition(String name, String tokenizer, List<Filter> filters) {}

    private static final Filter DUTCH_STOP = Filter.of(
            "stop",
            "words",
            "org/apache/lucene/analysis/snowball/dutch_stop.txt",
            "format",
            "snowball",
            "ignoreCase",
            "true");

    /** Whole words: lower case, stop words out, Snowball's Dutch stemmer, accents folded. */
    public static final Definition DUTCH = new Definition(
            "dutch",
            "standard",
            List.of(
                    Filter.of("lowercase"),
                    DUTCH_STOP,
                    Filter.of("snowballPorter", "language", "Dutch"),
                    Filter.of("asciiFolding")));

    /**
     * Whole words and their parts: compounds split with the OpenTaal word list (parts of 3 to 15 letters in words of
     * 6 or more), then Kraaij-Pohlmann stemming, which conflates bomen/boom and scholen/school.
     */
    public static final Definition DUTCH_PARTS = new Definition(
            "dutch_parts",
            "standard",
            List.of(
                    Filter.of("lowercase"),
                    DUTCH_STOP,
                    Filter.of(
                            "dictionaryCompoundWord",
                            "dictionary",
                            "search/nl-words.txt",
                            "minWordSize",
                            "6",
                            "minSubwordSize",
                            "3",
                            "maxSubwordSize",
                            "15",
                            "onlyLongestMatch",
                            "false"),
                    Filter.of("snowballPorter", "language", "Kp"),
                    Filter.of("removeDuplicates"),
                    Filter.of("asciiFolding")));

    public static final Definition ENGLISH = new Definition(
            "english",
            "standard",
            List.of(Filter.of("lowercase"), Filter.of("stop"), Filter.of("porterStem"), Filter.of("asciiFolding")));

    /** Words as typed, lower-cased: the vocabulary "Bedoelde u …?" suggests from. */
    public static final Definition WORDS = new Definition("words", "standard", List.of(Filter.of("lowercase")));

    public static final List<Definition> ALL = List.of(DUTCH, DUTCH_PARTS, ENGLISH, WORDS);

    /**
     * The definition as a Lucene analyzer of its own, whichever backend indexes: for text that is analysed outside
     * the index, such as a reaction's passage highlighted from the database.
     */
    static Analyzer lucene(Definition d) {
        try {
            var builder = CustomAnalyzer.builder(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader()))
                    .withTokenizer(d.tokenizer());
            for (Filter f : d.filters()) {
                // The factories take their parameters out of the map they are given.
                builder.addTokenFilter(f.name(), new HashMap<>(f.params()));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.inspraak.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compound-splitting Dutch analysis on word pairs residents type: a part finds the whole and a form finds the
 * other. Built from the same definition the index uses ({@link SearchAnalysis#DUTCH_PARTS}).
 */
class DutchAnalysisTest {

    static Analyzer parts;

    @BeforeAll
    static void build() throws Exception {
        var builder = CustomAnalyzer.builder(new ClasspathResourceLoader(DutchAnalysisTest.class.getClassLoader()))
                .withTokenizer(SearchAnalysis.DUTCH_PARTS.tokenizer());
        for (SearchAnalysis.Filter f : SearchAnalysis.DUTCH_PARTS.filters()) {
            builder.addTokenFilter(f.name(), new HashMap<>(f.params()));
        }
        parts = builder.build();
    }

    @AfterAll
    static void close() {
        parts.close();
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
        "parkeren, parkeertarief",
        "parkeren, parkeergarage",
        "sport, sporthal",
        "sport, sportclubs",
        "verlichting, ledverlichting",
        "zwemmen, zwembad",
        "bus, bussen",
        "bus, buurtbus",
        "boom, bomen",
        "lantaarnpaal, lantaarnpalen",
        "school, scholen",
        "school, basisschool",
        "vergaderen, vergaderzalen",
        "vergaderen, vergadering",
        "fiets, fietspaden",
        "schulden, schuldhulp",
        "afval, restafval",
        "café, cafe",
    })
    void aWordFindsItsFormsAndTheCompoundsItIsPartOf(String query, String text) throws Exception {
        Set<String> overlap = new HashSet<>(tokens(query));
        overlap.retainAll(tokens(text));
        assertThat(overlap)
                .as("%s %s and %s %s", query, tokens(query), text, tokens(text))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0} does not find {1}")
    @CsvSource({"sport, zwembad", "bus, fietspad", "boom, school"})
    void unrelatedWordsShareNothing(String query, String text) throws Exception {
        Set<String> overlap = new HashSet<>(tokens(query));
        overlap.retainAll(tokens(text));
        assertThat(overlap).isEmpty();
    }

    private static List<String> tokens(String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = parts.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

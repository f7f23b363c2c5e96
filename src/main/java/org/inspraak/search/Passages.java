package org.inspraak.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Fragmenter;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of a query marked in texts, with Lucene's highlighter: the query read as a simple query string and the
 * texts analysed with the analyzer the index uses for them, so a text is marked where the index matched it. The texts
 * come from the database, not from the index, whichever backend indexes them: storing them in the index made every
 * search read and decompress them.
 *
 * <p>The query's terms are scored one by one ({@link QueryTermScorer}); Lucene's positional scorer builds an in-memory
 * index of every text it marks, which was two fifths of a search's page of hits.
 */
final class Passages {

    /** About as long as a snippet of an idea's own text. */
    static final int SIZE = 160;

    private static final String FIELD = "text";

    private final Analyzer analyzer;

    Passages(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A query, read once, to mark many texts with. */
    Marker marker(String query) {
        return new Marker(new SimpleQueryParser(analyzer, FIELD).parse(query));
    }

    /**
     * A marker for the words of a text that hold one of the given words whole as a part ("verlichting" in
     * "Straatverlichting", "sport" in "sporthal"), for an analyzer that splits compounds. A word only sharing a part
     * with a query word is not marked ("licht" of "verlichting" does not mark "lichtmast").
     */
    Marker wordsAsParts(List<String> words) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int terms = 0;
        for (String word : words) {
            // The first token is the word itself, analysed; the ones after it are its own parts.
            String whole = null;
            try (TokenStream ts = analyzer.tokenStream(FIELD, word)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (whole == null) {
                        whole = term.toString();
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (whole != null) {
                query.add(new TermQuery(new Term(FIELD, whole)), BooleanClause.Occur.SHOULD);
                terms++;
            }
        }
        return new Marker(terms == 0 ? null : query.build());
    }

    /**
     * The best passage of {@code text} for {@code query}, HTML-escaped with the matches in {@code <mark>}; a text
     * without a match gives its start as it was typed, for the caller to escape.
     */
    String passage(String query, String text) {
        String best = marker(query).best(text, SIZE);
        return best != null ? best : start(text, SIZE);
    }

    static String start(String text, int size) {
        return text.length() <= size ? text : text.substring(0, size);
    }

    final class Marker {
        /** Null when the query has no words that the analyzer keeps (only stop words, say). */
        private final @Nullable Query query;

        private Marker(@Nullable Query query) {
            this.query = query;
        }

        /**
         * The passage of about {@code size} characters that holds the most matches, marked, with an ellipsis where it
         * leaves out the text before or after it; null without a match.
         */
        @Nullable
        String best(String text, int size) {
            String passage = marked(text, new SimpleFragmenter(size));
            if (passage == null) {
                return null;
            }
            String plain = HtmlUtils.htmlUnescape(passage.replace("<mark>", "").replace("</mark>", ""))
                    .strip();
            int at = text.indexOf(plain);
            if (plain.isEmpty() || at < 0) {
                return passage;
            }
            String out = passage.strip();
            if (!text.substring(0, at).isBlank()) {
                out = "… " + out;
            }
            if (!text.substring(at + plain.length()).isBlank()) {
                out = out + " …";
            }
            return out;
        }

        /** The whole text, marked; null without a match. */
        @Nullable
        String whole(String text) {
            return marked(text, new NullFragmenter());
        }

        private @Nullable String marked(String text, Fragmenter fragmenter) {
            if (query == null || text.isEmpty()) {
                return null;
            }
            Highlighter highlighter = new Highlighter(
                    new SimpleHTMLFormatter("<mark>", "</mark>"),
                    new SimpleHTMLEncoder(),
                    new QueryTermScorer(query, FIELD));
            highlighter.setTextFragmenter(fragmenter);
            try {
                return highlighter.getBestFragment(analyzer, FIELD, text);
            } catch (IOException | InvalidTokenOffsetsException e) {
                // An analyzer over a string does no I/O and its offsets fit the text; unmarked text will do.
                return null;
            }
        }
    }
}

package org.inspraak.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Text clusters (themes) and lexicon sentiment. Texts are analysed with Lucene's Dutch or English analyser
 * (stop words removed, words stemmed), whichever language the text's stop words point to; themes are k-means
 * clusters of TF-IDF vectors, labelled by their heaviest terms in the form residents wrote them.
 */
final class TextAnalysis {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Set<String> NEGATIONS =
            Set.of("niet", "geen", "nooit", "not", "no", "never", "don't", "isn't", "niks", "nothing");
    private static final Map<String, Integer> LEXICON = lexicon();

    private TextAnalysis() {}

    /** A text to cluster, keyed by the idea it belongs to; its title is where theme names come from. */
    record Doc(long id, String title, String text) {
        Doc(long id, String text) {
            this(id, text, text);
        }
    }

    /**
     * A cluster of ideas: a proposed name, its heaviest terms, its ideas, and its anchor, the idea nearest its
     * centre, by which a name or merge a moderator chose finds the theme again after the next computation.
     */
    record Theme(String label, List<String> terms, List<Long> ideaIds, long anchor) {}

    /** Sentiment score in [-1, 1]; positive above 0.05, negative below -0.05, neutral between. */
    static double sentiment(String text) {
        String[] words = WORD.matcher(text.toLowerCase(Locale.ROOT))
                .results()
                .map(m -> m.group())
                .toArray(String[]::new);
        double score = 0;
        int hits = 0;
        for (int i = 0; i < words.length; i++) {
            Integer s = LEXICON.get(words[i]);
            if (s == null || s == 0) {
                continue;
            }
            boolean negated =
                    (i > 0 && NEGATIONS.contains(words[i - 1])) || (i > 1 && NEGATIONS.contains(words[i - 2]));
            score += negated ? -s : s;
            hits++;
        }
        return hits == 0 ? 0 : Math.max(-1, Math.min(1, score / (hits + 1.0)));
    }

    static String polarity(double score) {
        return score > 0.05 ? "POSITIVE" : score < -0.05 ? "NEGATIVE" : "NEUTRAL";
    }

    static List<Theme> themes(List<Doc> docs) {
        if (docs.size() < 6) {
            return List.of();
        }
        List<Map<String, Integer>> tf = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        Map<String, Map<String, Integer>> surface = new HashMap<>();
        for (Doc d : docs) {
            Map<String, Integer> counts = terms(d.text(), surface);
            tf.add(counts);
            counts.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        // Vocabulary: terms in at least two texts but not in most of them; the 400 most common.
        List<String> vocab = df.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() <= docs.size() * 0.5)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(400)
                .map(Map.Entry::getKey)
                .toList();
        if (vocab.size() < 3) {
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        List<Vec> vectors = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            double[] v = new double[vocab.size()];
            for (Map.Entry<String, Integer> e : tf.get(d).entrySet()) {
                Integer i = index.get(e.getKey());
                if (i != null) {
                    v[i] = (1 + Math.log(e.getValue())) * Math.log((double) docs.size() / df.get(e.getKey()));
                }
            }
            double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
            if (norm > 0) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= norm;
                }
            }
            vectors.add(new Vec(docs.get(d).id(), v));
        }
        int k = Math.max(2, Math.min(8, (int) Math.round(Math.sqrt(docs.size()))));
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(7);
        List<CentroidCluster<Vec>> clusters =
                new KMeansPlusPlusClusterer<Vec>(k, 50, new EuclideanDistance(), random).cluster(vectors);
        List<Theme> themes = new ArrayList<>();
        for (CentroidCluster<Vec> c : clusters) {
            if (c.getPoints().isEmpty()) {
                continue;
            }
            double[] centre = c.getCenter().getPoint();
            Integer[] order = new Integer[centre.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -centre[i]));
            List<String> top = new ArrayList<>();
            for (int i = 0; i < order.length && top.size() < 3; i++) {
                if (centre[order[i]] <= 0) {
                    break;
                }
                top.add(surfaceOf(vocab.get(order[i]), surface));
            }
            if (top.isEmpty()) {
                top.add("overig");
            }
            List<Long> ids = c.getPoints().stream().map(Vec::id).toList();
            Vec anchor = c.getPoints().stream()
                    .min(Comparator.comparingDouble((Vec v) -> new EuclideanDistance().compute(v.point(), centre))
                            .thenComparingLong(Vec::id))
                    .orElseThrow();
            Set<Long> inside = Set.copyOf(ids);
            List<String> own = docs.stream()
                    .filter(d -> inside.contains(d.id()))
                    .map(Doc::title)
                    .toList();
            List<String> others = docs.stream()
                    .filter(d -> !inside.contains(d.id()))
                    .map(Doc::title)
                    .toList();
            // No subject shared: the subject of the idea at the theme's centre, still words a resident wrote.
            String anchorTitle = docs.stream()
                    .filter(d -> d.id() == anchor.id())
                    .map(Doc::title)
                    .findFirst()
                    .orElse("");
            String label = keyPhrase(own, others)
                    .or(() -> keyPhrase(List.of(anchorTitle, anchorTitle), List.of()))
                    .orElse(String.join(" · ", top));
            themes.add(new Theme(label, top, ids, anchor.id()));
        }
        themes.sort(Comparator.comparingInt((Theme t) -> -t.ideaIds().size()).thenComparing(Theme::label));
        return themes;
    }

    /**
     * A name for a theme as a person would write it: the subject its ideas' titles share. A title's subject is the
     * words it opens with, up to its first stop word (a Dutch title ends in its verb, which is left off: "Lantaarnpalen
     * dimmen" is about lantaarnpalen), at most three. The subject most of the theme's titles share wins (forms of a
     * word count as one: parkeertarief, parkeertarieven), then the one fewest other titles have; it is written as
     * residents wrote it, with a capital. Empty when no two titles share a subject.
     */
    static java.util.Optional<String> keyPhrase(List<String> own, List<String> others) {
        Map<String, Map<String, Integer>> surface = new HashMap<>();
        Map<String, Integer> inOwn = new HashMap<>();
        for (String t : own) {
            subject(t, surface).ifPresent(k -> inOwn.merge(k, 1, Integer::sum));
        }
        Map<String, Integer> inOthers = new HashMap<>();
        for (String t : others) {
            subject(t, new HashMap<>()).ifPresent(k -> inOthers.merge(k, 1, Integer::sum));
        }
        return inOwn.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .min(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparingInt(e -> inOthers.getOrDefault(e.getKey(), 0))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> {
                    String written = surfaceOf(e.getKey(), surface);
                    return written.substring(0, 1).toUpperCase(Locale.ROOT) + written.substring(1);
                });
    }

    /** The subject a title opens with, keyed by its stems, with the form it was written in. */
    private static java.util.Optional<String> subject(String title, Map<String, Map<String, Integer>> surface) {
        boolean english = looksEnglish(title);
        var stop = english ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET : DutchAnalyzer.getDefaultStopSet();
        List<String> stems = new ArrayList<>();
        List<String> words = new ArrayList<>();
        try (Analyzer analyzer = english
                        ? new EnglishAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET)
                        : new DutchAnalyzer(org.apache.lucene.analysis.CharArraySet.EMPTY_SET);
                TokenStream ts = analyzer.tokenStream("t", title)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String word = title.substring(offset.startOffset(), offset.endOffset())
                        .toLowerCase(Locale.ROOT);
                boolean content =
                        word.length() >= 3 && word.chars().allMatch(Character::isLetter) && !stop.contains(word);
                if (!content) {
                    if (words.isEmpty()) {
                        continue; // a leading article or "meer": the subject starts after it
                    }
                    break;
                }
                stems.add(term.toString());
                words.add(word);
                if (words.size() == 4) {
                    break;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // "Lantaarnpalen dimmen", "Gratis parkeren centrum afschaffen": the closing verb is not the subject.
        if (!english && words.size() >= 2 && words.getLast().endsWith("en")) {
            stems.removeLast();
            words.removeLast();
        }
        if (words.isEmpty()) {
            return java.util.Optional.empty();
        }
        int n = Math.min(3, words.size());
        String key = String.join(" ", stems.subList(0, n));
        surface.computeIfAbsent(key, x -> new HashMap<>())
                .merge(String.join(" ", words.subList(0, n)), 1, Integer::sum);
        return java.util.Optional.of(key);
    }

    private record Vec(long id, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    private static String surfaceOf(String stem, Map<String, Map<String, Integer>> surface) {
        return surface.getOrDefault(stem, Map.of()).entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(stem);
    }

    private static Map<String, Integer> terms(String text, Map<String, Map<String, Integer>> surface) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Analyzer analyzer = looksEnglish(text) ? new EnglishAnalyzer() : new DutchAnalyzer();
                TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.length() < 3 || t.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                counts.merge(t, 1, Integer::sum);
                String word =
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                surface.computeIfAbsent(t, x -> new HashMap<>()).merge(word, 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static final Set<String> EN = Set.of(
            "the", "and", "is", "are", "of", "to", "should", "we", "it", "be", "this", "that", "for", "not", "with");
    private static final Set<String> NL = Set.of(
            "de", "het", "een", "en", "is", "van", "te", "we", "dat", "die", "niet", "voor", "met", "zijn", "moet");

    static boolean looksEnglish(String text) {
        int en = 0;
        int nl = 0;
        for (String w : WORD.matcher(text.toLowerCase(Locale.ROOT))
                .results()
                .map(m -> m.group())
                .toList()) {
            if (EN.contains(w)) {
                en++;
            }
            if (NL.contains(w)) {
                nl++;
            }
        }
        return en > nl;
    }

    private static Map<String, Integer> lexicon() {
        Map<String, Integer> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TextAnalysis.class.getResourceAsStream("/insight/sentiment.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                m.put(parts[0], Integer.parseInt(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}

package org.inspraak.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The analyzers of {@link SearchAnalysis} for the OpenSearch (or Elasticsearch) backend of cluster mode: the same
 * chains, each Lucene factory name mapped onto the engine's filter type. Nothing is defined twice, so a change to
 * an analyzer reaches both backends.
 *
 * <p>Two differences come from the engines, not from us. OpenSearch 3 carries Lucene 10, whose Snowball "Dutch"
 * stemmer is the Kraaij-Pohlmann-based one (bomen/boom, scholen/school) and which no longer has Lucene 9's separate
 * {@code Kp} stemmer, so both Dutch chains stem with it there. And the engine reads the compound word list from its
 * own configuration directory ({@code inspraak.search.word-list-path}, relative to it): copy
 * {@code src/main/resources/search/nl-words.txt} there on every search node (see README, "Cluster").
 */
@Component("openSearchAnalysisConfigurer")
public class OpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    private final String wordListPath;

    public OpenSearchAnalysisConfigurer(
            @Value("${inspraak.search.word-list-path:inspraak/nl-words.txt}") String wordListPath) {
        this.wordListPath = wordListPath;
    }

    /** One filter as the engine defines it: its type and parameters; a built-in filter has no parameters. */
    record EngineFilter(String type, Map<String, Object> params) {}

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        for (SearchAnalysis.Definition d : SearchAnalysis.ALL) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < d.filters().size(); i++) {
                EngineFilter f = engineFilter(d.filters().get(i));
                if (f.params().isEmpty()) {
                    names.add(f.type());
                    continue;
                }
                String name = d.name() + "_" + i + "_" + f.type();
                var def = context.tokenFilter(name).type(f.type());
                f.params().forEach((k, v) -> {
                    if (v instanceof Number n) {
                        def.param(k, n);
                    } else if (v instanceof Boolean b) {
                        def.param(k, b);
                    } else {
                        def.param(k, (String) v);
                    }
                });
                names.add(name);
            }
            context.analyzer(d.name()).custom().tokenizer(d.tokenizer()).tokenFilters(names.toArray(String[]::new));
        }
    }

    /** Lucene's factory name and parameters → the engine's filter type and parameters. */
    EngineFilter engineFilter(SearchAnalysis.Filter f) {
        Map<String, String> p = f.params();
        return switch (f.name()) {
            case "lowercase" -> new EngineFilter("lowercase", Map.of());
            case "asciiFolding" -> new EngineFilter("asciifolding", Map.of());
            case "removeDuplicates" -> new EngineFilter("remove_duplicates", Map.of());
            case "porterStem" -> new EngineFilter("porter_stem", Map.of());
            case "stop" ->
                new EngineFilter(
                        "stop",
                        Map.of(
                                "stopwords",
                                p.getOrDefault("words", "").contains("dutch") ? "_dutch_" : "_english_",
                                "ignore_case",
                                true));
            case "snowballPorter" ->
                new EngineFilter(
                        "snowball", Map.of("language", "Kp".equals(p.get("language")) ? "Dutch" : p.get("language")));
            case "dictionaryCompoundWord" ->
                new EngineFilter(
                        "dictionary_decompounder",
                        Map.of(
                                "word_list_path", wordListPath,
                                "min_word_size", Integer.parseInt(p.get("minWordSize")),
                                "min_subword_size", Integer.parseInt(p.get("minSubwordSize")),
                                "max_subword_size", Integer.parseInt(p.get("maxSubwordSize")),
                                "only_longest_match", Boolean.parseBoolean(p.get("onlyLongestMatch"))));
            default -> throw new IllegalStateException("No OpenSearch equivalent for the filter " + f.name());
        };
    }
}

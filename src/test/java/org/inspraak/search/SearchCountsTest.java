package org.inspraak.search;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCountsTest {

    /**
     * Counts added up from the index's segments are cut to the values with most ideas the way Hibernate Search's
     * aggregations cut them (equal counts by ascending value), or the embedded index and the search cluster would show
     * different facet values once a facet has more than fifty.
     */
    @Test
    void facetValuesAreCutAsTheAggregationsCutThem() {
        Map<String, Long> counts = new HashMap<>();
        LongStream.rangeClosed(1, 120).forEach(v -> counts.put(Long.toString(v), 1L));
        counts.put("119", 5L);

        Map<Long, Long> top = SearchCounts.top(counts, Long::valueOf);

        assertThat(top).hasSize(SearchCounts.MAX_VALUES);
        assertThat(top.keySet())
                .startsWith(119L, 1L, 2L, 3L)
                .doesNotContain(100L, 110L)
                .endsWith(49L);
    }
}

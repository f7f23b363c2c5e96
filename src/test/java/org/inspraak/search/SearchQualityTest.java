package org.inspraak.search;

import java.util.Map;

import org.inspraak.IntegrationTest;
import org.inspraak.idea.IdeaService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Recall and rank on the judged query set: what residents type, and what they expect to find. */
class SearchQualityTest extends IntegrationTest {

    /** What the search reaches today (see the README); a change that lowers it fails. */
    static final double RECALL_AT_10 = 0.99;

    static final double MRR = 0.99;

    /** Results per query on average, of 54 ideas. */
    static final double MEAN_RESULTS = 6;

    @Autowired
    SearchService search;

    @Autowired
    IdeaService ideas;

    @Test
    void residentsFindWhatTheyMean() throws Exception {
        long consultation = data.openConsultation();
        Map<String, Long> ids = JudgedSearch.postIdeas(ideas, data.user().id(), consultation);
        JudgedSearch.Quality q = JudgedSearch.evaluate(search, consultation, ids);
        System.out.printf(
                "Judged search set: recall@10 %.3f, MRR %.3f over %d queries, %.1f results on average; missed: %s%n",
                q.recallAt10(), q.meanReciprocalRank(), q.queries(), q.meanTotal(), q.misses());
        assertThat(q.queries()).isGreaterThanOrEqualTo(60);
        assertThat(q.recallAt10()).isGreaterThanOrEqualTo(RECALL_AT_10);
        assertThat(q.meanReciprocalRank()).isGreaterThanOrEqualTo(MRR);
        // Finding everything by matching anything is no success: a query finds a handful of ideas, not most of them.
        assertThat(q.meanTotal()).isLessThan(MEAN_RESULTS);
    }
}

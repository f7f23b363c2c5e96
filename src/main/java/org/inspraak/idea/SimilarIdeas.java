package org.inspraak.idea;

import java.util.List;

/** Finds ideas that resemble a text, to warn about duplicates before posting. The search module implements it. */
public interface SimilarIdeas {

    List<Long> similarIdeas(long consultationId, String text, int max);
}

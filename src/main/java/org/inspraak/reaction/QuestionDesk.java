package org.inspraak.reaction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Questions to the municipality that residents ask in a reaction. The webcare module keeps and answers them; the
 * reaction thread shows their state through this, without depending on webcare.
 */
public interface QuestionDesk {

    /** The answer date promised for a question, and whether it has been answered. */
    record QuestionInfo(LocalDate dueOn, boolean answered) {}

    /** Working days within which the municipality promises an answer. */
    int serviceLevelDays();

    /** The questions among these reactions, keyed by reaction id. */
    Map<Long, QuestionInfo> questionsOn(List<Long> reactionIds);
}

package org.inspraak.idea;

/** The accountability timeline of an idea. Being considered, (partly) selected or not is the decision on it. */
public enum IdeaStatus {
    SUBMITTED,
    UNDER_CONSIDERATION,
    SELECTED,
    PARTLY_SELECTED,
    NOT_SELECTED,
    IN_PROGRESS,
    IMPLEMENTED;

    /** Whether this status is the municipality's answer to the idea, shown in its outcome. */
    public boolean isDecision() {
        return this != SUBMITTED;
    }
}

package org.inspraak.idea;

/** The accountability timeline of an idea. */
public enum IdeaStatus {
    SUBMITTED,
    UNDER_CONSIDERATION,
    SELECTED,
    NOT_SELECTED,
    IN_PROGRESS,
    IMPLEMENTED
}

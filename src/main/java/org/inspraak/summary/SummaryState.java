package org.inspraak.summary;

/** draft → in review (a second moderator approves) → published; a newer publication supersedes the old one. */
public enum SummaryState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    SUPERSEDED
}

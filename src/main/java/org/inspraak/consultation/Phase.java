package org.inspraak.consultation;

/** What residents can do when. UPCOMING is the time before the ideas phase opens. */
public enum Phase {
    UPCOMING,
    IDEAS,
    VOTING,
    SUMMARISING,
    CLOSED;

    public boolean acceptsIdeas() {
        return this == IDEAS;
    }

    /** Votes may be cast and changed from the first idea until voting closes, as in Polis. */
    public boolean acceptsVotes() {
        return this == IDEAS || this == VOTING;
    }

    public boolean acceptsReactions() {
        return this == IDEAS || this == VOTING || this == SUMMARISING;
    }

    public boolean isOpen() {
        return this == IDEAS || this == VOTING;
    }
}

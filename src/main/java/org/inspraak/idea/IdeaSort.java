package org.inspraak.idea;

/** The orders a visitor can choose for a consultation's ideas. */
public enum IdeaSort {
    NEWEST,
    MOST_SUPPORT,
    MOST_DISCUSSED,
    MOST_DIVIDED,
    RANDOM
}

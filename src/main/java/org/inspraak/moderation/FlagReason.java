package org.inspraak.moderation;

/** Why a resident reports a contribution. OTHER needs an explanation. */
public enum FlagReason {
    INSULT,
    SPAM,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER,
    /** Not a report: a new contribution in a pre-moderated consultation, waiting for approval. */
    AWAITS_APPROVAL;

    /** The reasons a resident can choose when reporting; the rest are the system's own. */
    public static java.util.List<FlagReason> residentChoices() {
        return java.util.List.of(INSULT, SPAM, PERSONAL_DATA, OFF_TOPIC, OTHER);
    }
}

package org.inspraak.moderation;

/** Why a resident reports a contribution. OTHER needs an explanation. */
public enum FlagReason {
    INSULT,
    SPAM,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER,
    /** Not a report: a new contribution in a pre-moderated consultation, waiting for approval. */
    AWAITS_APPROVAL
}

package org.inspraak.moderation;

/** What can be reported and moderated. */
public enum TargetType {
    IDEA,
    REACTION
}

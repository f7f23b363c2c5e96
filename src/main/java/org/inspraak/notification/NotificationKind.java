package org.inspraak.notification;

/** What a notification is about. */
public enum NotificationKind {
    OFFICIAL_ANSWER,
    STATUS_CHANGE,
    REPLY,
    REACTION,
    PHASE_CHANGE,
    UPDATE,
    OUTCOME
}

package org.inspraak.notification;

/** Why a person received a notification; every mail says so truthfully. */
public enum NotificationReason {
    AUTHOR,
    FOLLOWS_IDEA,
    FOLLOWS_CONSULTATION,
    REPLIED_TO,
    PARTICIPANT
}

package org.inspraak.account;

/** How a resident wants to receive notification mail. */
public enum EmailPreference {
    INSTANT,
    DAILY_DIGEST,
    OFF
}

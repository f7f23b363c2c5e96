package org.inspraak.vote;

/** Eens / oneens / pas. */
public enum VoteChoice {
    AGREE,
    DISAGREE,
    PASS
}

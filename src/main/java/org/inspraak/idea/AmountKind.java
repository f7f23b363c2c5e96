package org.inspraak.idea;

/** Whether an idea's euro estimate saves money or costs money. */
public enum AmountKind {
    SAVING,
    COST
}

package org.inspraak.consultation;

/** Whether a consultation's money figure is a savings target (cuts) or a budget to spend. */
public enum BudgetKind {
    SAVINGS_TARGET,
    SPENDING_BUDGET
}

package org.inspraak;

import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Tells a real conflict from a broken database. Only a unique-key violation means "someone else wrote the same
 * row first" and may be answered with a retry or a friendly message; every other database error is a fault that
 * must reach the log with its cause.
 */
public final class DatabaseErrors {

    /** SQLSTATE of a unique-key violation: the same code in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseErrors() {}

    /** Whether the cause chain holds a unique-key violation, and nothing else explains the failure. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A short code that a person can quote and that finds the logged cause. */
    public static String incidentCode() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}

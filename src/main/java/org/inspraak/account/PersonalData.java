package org.inspraak.account;

import java.util.Map;

/**
 * Implemented by every module that keeps data about a person. The account module asks them all for the export and
 * the erasure without knowing them; beans run in their {@code @Order}.
 */
public interface PersonalData {

    /** This module's sections of the person's export, by name. */
    Map<String, Object> export(long userId);

    /**
     * Erases or unlinks what this module keeps about the person, inside the deleting transaction. Contributions
     * that must stay counted move to the anonymous placeholder account.
     */
    void erase(long userId, long placeholderUserId);
}

package org.inspraak.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a signed-in person's language is kept. The shell asks for it without knowing the account module, which
 * implements it.
 */
public interface LocalePreference {

    Optional<Locale> preferredLocale(long userId);

    /** Remembers the current user's choice; does nothing for an anonymous visitor. */
    void rememberLocale(Locale locale);
}

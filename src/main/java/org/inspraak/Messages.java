package org.inspraak;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

/**
 * All user-facing text, Dutch first (the base bundle) and English second. Views reach it through
 * Vaadin's {@code getTranslation}; services use it for mail in the recipient's language. Patterns are ICU message
 * formats, so counts choose their plural form ({@code {0, plural, one {# stem} other {# stemmen}}}).
 */
@Component
public class Messages implements I18NProvider {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> LOCALES = List.of(DUTCH, ENGLISH);
    private static final String BUNDLE = "i18n.messages";
    // No fallback to the JVM default locale: a missing English key falls back to Dutch, the base bundle.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * Parsed patterns by language and key. Parsing an ICU pattern costs far more than formatting it, and a page
     * asks for the same labels over and over (every vote count on every card). ICU formats are not thread-safe,
     * so each is used under its own lock; formatting takes microseconds.
     */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        MessageFormat format = formats.computeIfAbsent(effective.getLanguage() + ":" + key, k -> parse(key, effective));
        if (format == MISSING) {
            return "!" + key;
        }
        synchronized (format) {
            return format.format(params);
        }
    }

    private static final MessageFormat MISSING = new MessageFormat("");

    private static MessageFormat parse(String key, Locale locale) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("en") ? ENGLISH : Locale.ROOT, CONTROL);
        try {
            return new MessageFormat(bundle.getString(key), locale);
        } catch (MissingResourceException e) {
            return MISSING;
        }
    }

    public String get(Locale locale, String key, Object... params) {
        return getTranslation(key, locale, params);
    }

    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : DUTCH;
    }

    public static Locale fromTag(String tag) {
        return tag == null ? DUTCH : supported(Locale.forLanguageTag(tag));
    }
}

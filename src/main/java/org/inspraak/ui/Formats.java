package org.inspraak.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.util.ULocale;

/** Dates and euros the way Dutch (or English) readers expect them. */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Formats() {}

    private static final char NBSP = '\u00a0';

    /**
     * An amount in euros: "€ 12 miljoen" or "€ 2,5 miljoen" when a round amount of a million or more reads better in
     * words (as municipal documents write it), otherwise "€ 12.345". Never breaks between the sign, the number and
     * the word.
     */
    private static final CompactDecimalFormat WORDS_NL = words(Locale.forLanguageTag("nl-NL"));

    private static final CompactDecimalFormat WORDS_EN = words(Locale.UK);

    private static CompactDecimalFormat words(Locale locale) {
        CompactDecimalFormat words =
                CompactDecimalFormat.getInstance(ULocale.forLocale(locale), CompactDecimalFormat.CompactStyle.LONG);
        words.setSignificantDigitsUsed(true);
        words.setMaximumSignificantDigits(5);
        return words;
    }

    public static String euros(long amount, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return (english ? EUROS_EN : EUROS_NL).get(amount, a -> formatEuros(a, english));
    }

    /**
     * Amounts written before, per language: cards and ballots show the same few amounts over and over, and building
     * a currency format each time was 1 % of the server's work under load.
     */
    private static final Cache<Long, String> EUROS_NL =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private static final Cache<Long, String> EUROS_EN =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private static String formatEuros(long amount, boolean english) {
        long size = Math.abs(amount);
        if (size >= 1_000_000) {
            BigDecimal units = BigDecimal.valueOf(size)
                    .divide(BigDecimal.valueOf(size >= 1_000_000_000 ? 1_000_000_000 : 1_000_000))
                    .stripTrailingZeros();
            if (units.precision() - units.scale() <= 3 && units.scale() <= 2) {
                // Building ICU's format loads locale data (it showed in the load test): one prototype per language,
                // cloned per use because a format is not thread-safe.
                CompactDecimalFormat words = (CompactDecimalFormat) (english ? WORDS_EN : WORDS_NL).clone();
                String number = words.format(size).replace(' ', NBSP);
                return (amount < 0 ? "-" : "") + (english ? "€" : "€" + NBSP) + number;
            }
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(english ? Locale.UK : Locale.forLanguageTag("nl-NL"));
        f.setCurrency(Currency.getInstance("EUR"));
        f.setMaximumFractionDigits(0);
        return f.format(amount);
    }

    public static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** "30 nov 2026": for tables, where a long date pushes the other columns out. */
    public static String mediumDate(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public static String dateTime(Instant instant, Locale locale) {
        DateTimeFormatter f = DATE_TIMES.get(locale);
        if (f == null) {
            f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale);
            if (DATE_TIMES.size() < 16) { // the application's few languages; never grown by odd browser locales
                DATE_TIMES.put(locale, f);
            }
        }
        return instant.atZone(ZONE).format(f);
    }

    /** Formatters are immutable and thread-safe; one per language (a reaction thread writes a date per reaction). */
    private static final Map<Locale, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();
}

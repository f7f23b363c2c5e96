package org.inspraak.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates and euros the way Dutch (or English) readers expect them. */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private Formats() {}

    public static String euros(long amount, Locale locale) {
        NumberFormat f = NumberFormat.getCurrencyInstance(
                locale.getLanguage().equals("en") ? Locale.UK : Locale.forLanguageTag("nl-NL"));
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
        return instant.atZone(ZONE)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale));
    }
}

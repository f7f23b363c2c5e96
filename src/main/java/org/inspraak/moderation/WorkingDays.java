package org.inspraak.moderation;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Service levels are promised in working days: Saturdays and Sundays do not count. */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The date {@code days} working days after {@code start} (a question on Friday with 3 days is due Wednesday). */
    public static LocalDate add(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0");
        }
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}

package org.inspraak.webcare;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Service levels are promised in working days: Saturdays, Sundays and the Dutch public holidays that municipal
 * offices close for do not count (New Year, Easter Monday, King's Day, Liberation
 * Day in lustrum years, Ascension Day, Whit Monday, Christmas and Boxing Day).
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(12, 25), MonthDay.of(12, 26));

    private WorkingDays() {}

    /** The date {@code days} working days after {@code start} (a question on Friday with 3 days is due Wednesday). */
    public static LocalDate add(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0");
        }
        LocalDate d = start;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    public static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    static boolean isHoliday(LocalDate d) {
        if (FIXED.contains(MonthDay.from(d))) {
            return true;
        }
        // King's Day: 27 April, or 26 April when the 27th is a Sunday.
        LocalDate kingsDay = LocalDate.of(d.getYear(), 4, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        if (d.equals(kingsDay)) {
            return true;
        }
        // Liberation Day is a day off for government staff in lustrum years (2025, 2030, …).
        if (d.getYear() % 5 == 0 && d.equals(LocalDate.of(d.getYear(), 5, 5))) {
            return true;
        }
        LocalDate easter = easterSunday(d.getYear());
        return d.equals(easter.plusDays(1)) || d.equals(easter.plusDays(39)) || d.equals(easter.plusDays(50));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

package org.inspraak.calendar.ui;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A new calendar update is proposed within working hours, when someone can answer the reactions it brings. */
class WorkingHoursTest {

    @Test
    void proposesTheNextFullHourOnAWeekdayBetweenNineAndFive() {
        // Monday 30 November 2026
        assertThat(CalendarView.nextWorkingHour(LocalDateTime.of(2026, 11, 30, 10, 20)))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 11, 0));
        assertThat(CalendarView.nextWorkingHour(LocalDateTime.of(2026, 11, 30, 6, 5)))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
        assertThat(CalendarView.nextWorkingHour(LocalDateTime.of(2026, 11, 30, 16, 30)))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));
        assertThat(CalendarView.nextWorkingHour(LocalDateTime.of(2026, 11, 30, 23, 40)))
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 9, 0));
        // Friday evening goes to Monday morning.
        assertThat(CalendarView.nextWorkingHour(LocalDateTime.of(2026, 12, 4, 18, 0)))
                .isEqualTo(LocalDateTime.of(2026, 12, 7, 9, 0));
    }
}

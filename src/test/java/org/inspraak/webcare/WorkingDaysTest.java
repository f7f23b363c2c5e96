package org.inspraak.webcare;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    @Test
    void answerDatesSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(WorkingDays.add(friday, 3)).isEqualTo(LocalDate.of(2026, 11, 25)); // Wednesday
        assertThat(WorkingDays.add(friday.plusDays(1), 3)).isEqualTo(LocalDate.of(2026, 11, 25)); // asked on Saturday
        assertThat(WorkingDays.add(friday.plusDays(2), 1)).isEqualTo(LocalDate.of(2026, 11, 23)); // Sunday → Monday
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 23), 3))
                .isEqualTo(LocalDate.of(2026, 11, 26)); // Monday → Thursday
        assertThat(WorkingDays.add(friday, 0)).isEqualTo(friday);
        assertThat(WorkingDays.add(friday, 10)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void dutchPublicHolidaysDoNotCount() {
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        // Christmas 2026: Friday 25 and Saturday 26 December; a question on Thursday 24th with 1 day is due Monday
        // 28th.
        assertThat(WorkingDays.add(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        // Easter Monday 6 April 2026.
        assertThat(WorkingDays.add(LocalDate.of(2026, 4, 3), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        // King's Day 2025 falls on a Sunday, so Saturday 26 April is the holiday (a weekend day anyway);
        // in 2026 it is Monday 27 April.
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        // Ascension Day (14 May 2026) and Whit Monday (25 May 2026).
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).isFalse();
        // Liberation Day only in lustrum years.
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2030, 5, 6))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 5, 5))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
    }
}

package org.inspraak.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void answerDatesSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 20);
        assertThat(friday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(WorkingDays.add(friday, 3)).isEqualTo(LocalDate.of(2026, 11, 25)); // Wednesday
        assertThat(WorkingDays.add(friday.plusDays(1), 3)).isEqualTo(LocalDate.of(2026, 11, 25)); // asked on Saturday
        assertThat(WorkingDays.add(friday.plusDays(2), 1)).isEqualTo(LocalDate.of(2026, 11, 23)); // Sunday → Monday
        assertThat(WorkingDays.add(LocalDate.of(2026, 11, 23), 3)).isEqualTo(LocalDate.of(2026, 11, 26)); // Monday → Thursday
        assertThat(WorkingDays.add(friday, 0)).isEqualTo(friday);
        assertThat(WorkingDays.add(friday, 10)).isEqualTo(LocalDate.of(2026, 12, 4));
    }
}

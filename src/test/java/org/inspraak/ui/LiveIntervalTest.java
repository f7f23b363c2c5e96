package org.inspraak.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Frequent updates (counts) keep to a tenth of the time, so their work grows with the residents, not its square. */
class LiveIntervalTest {

    @Test
    void aQuickRoundKeepsTheConfiguredInterval() {
        assertThat(Live.nextInterval(2_000, 0)).isEqualTo(2_000);
        assertThat(Live.nextInterval(2_000, 150)).isEqualTo(2_000);
    }

    @Test
    void aLongRoundWaitsTenTimesAsLongBeforeTheNext() {
        assertThat(Live.nextInterval(2_000, 300)).isEqualTo(3_000);
        assertThat(Live.nextInterval(2_000, 1_000)).isEqualTo(10_000);
    }

    @Test
    void countsAreNeverMoreThanHalfAMinuteLate() {
        assertThat(Live.nextInterval(2_000, 60_000)).isEqualTo(Live.LONGEST_INTERVAL_MILLIS);
    }
}

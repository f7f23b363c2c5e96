package org.inspraak.ui;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Red-team finding 11: a typed amount is whole euros within range, or refused; it never wraps around. */
class AmountsTest {

    @Test
    void amountsAreWholeEurosWithinRangeOrRefused() {
        assertThat(Amounts.wholeEuros(new BigDecimal("1200"))).isEqualTo(1200L);
        assertThat(Amounts.wholeEuros(new BigDecimal("1200.00"))).isEqualTo(1200L);
        assertThat(Amounts.wholeEuros((BigDecimal) null)).isNull();
        assertThat(Amounts.wholeEuros(Integer.valueOf(750))).isEqualTo(750L);
        assertThatThrownBy(() -> Amounts.wholeEuros(new BigDecimal("18446744073709551617")))
                .hasMessageContaining("error.amount.too-large");
        assertThatThrownBy(() -> Amounts.wholeEuros(new BigDecimal("1000000000001")))
                .hasMessageContaining("error.amount.too-large");
        assertThatThrownBy(() -> Amounts.wholeEuros(new BigDecimal("-5")))
                .hasMessageContaining("error.amount.too-large");
        assertThatThrownBy(() -> Amounts.wholeEuros(new BigDecimal("12.50")))
                .hasMessageContaining("error.amount.whole-euros");
    }
}

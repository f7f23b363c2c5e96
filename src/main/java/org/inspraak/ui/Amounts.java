package org.inspraak.ui;

import java.math.BigDecimal;

import org.inspraak.InspraakException;
import org.jspecify.annotations.Nullable;

/**
 * Turns an amount typed in a form into whole euros. Cents and amounts beyond what any municipal budget holds are
 * refused with a message, never rounded or wrapped around (18446744073709551617 must not become € 1).
 */
public final class Amounts {

    /** More than any Dutch municipality's budget; services check their own, smaller limits. */
    static final BigDecimal MAX = new BigDecimal("1000000000000");

    private Amounts() {}

    /** For integer fields, whose browser side already refuses cents and numbers beyond two billion. */
    public static @Nullable Long wholeEuros(@Nullable Integer value) {
        return value == null ? null : wholeEuros(BigDecimal.valueOf(value));
    }

    public static @Nullable Long wholeEuros(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new InspraakException("error.amount.whole-euros");
        }
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw new InspraakException("error.amount.too-large");
        }
        return value.longValueExact();
    }
}

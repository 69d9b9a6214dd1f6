package org.csbench.metrics;

import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Published values are rounded from the exact quotient: numerator, denominator and multiplier go through
 * decimal arithmetic (11 decimal places kept), so a tie such as 4.35 rounds half up to 4.4 where binary doubles
 * (4.3499999...) would give 4.3.
 */
public final class Rounding {
    private static final DecimalType EXACT = DataTypes.createDecimalType(18, 4);
    private static final DecimalType MULTIPLIER = DataTypes.createDecimalType(8, 0);

    private Rounding() {
    }

    /** {@code numerator * multiplier / denominator} as a decimal; null for a zero denominator. */
    public static Column quotient(Column numerator, Column denominator, Column multiplier) {
        return try_divide(numerator.cast(EXACT).multiply(multiplier.cast(MULTIPLIER)), denominator.cast(EXACT));
    }

    /** {@code numerator * multiplier} as a decimal. */
    public static Column product(Column numerator, Column multiplier) {
        return numerator.cast(EXACT).multiply(multiplier.cast(MULTIPLIER));
    }

    /** A decimal rounded to a per-row number of places (0-6), half up or half even, as a double. */
    public static Column rounded(Column decimal, Column decimals, Column halfEven) {
        Column result = lit(null).cast(DataTypes.createDecimalType(38, 6));
        for (int d = 6; d >= 0; d--) {
            result = when(decimals.equalTo(d), when(halfEven, bround(decimal, d)).otherwise(round(decimal, d)))
                    .otherwise(result);
        }
        return result.cast(DataTypes.DoubleType);
    }

    /** A double rounded half up to a per-row number of places, through its decimal value. */
    public static Column roundedDouble(Column value, Column decimals) {
        return rounded(value.cast(DataTypes.createDecimalType(30, 8)), decimals, lit(false));
    }
}

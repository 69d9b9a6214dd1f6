package org.csbench.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Published values are rounded from the exact quotient. Binary doubles turn some exact ties the wrong way
 * (87 / 2000 * 100 is 4.35, but 4.3499999... as a double), so a value whose scaled fraction lies within a hair of
 * .5 is recomputed in decimal arithmetic (11 decimal places kept) and rounded there; every other value is
 * rounded in double arithmetic, which cannot change its result and is many times faster than decimals.
 */
public final class Rounding {
    private static final DecimalType EXACT = DataTypes.createDecimalType(18, 4);
    private static final DecimalType MULTIPLIER = DataTypes.createDecimalType(8, 0);
    /** Powers of ten up to 10^6, exactly. */
    private static final DecimalType UNITS = DataTypes.createDecimalType(7, 0);
    /** The exact quotients' 11 places with 19 digits before the point: times {@link #UNITS}, 38 digits. */
    private static final DecimalType NARROW = DataTypes.createDecimalType(30, 11);
    private static final String STAGED_VALUE = "_rounding_value";
    private static final String STAGED_SCALE = "_rounding_scale";
    /** From 2^52 up a double has no fraction: a value scaled that far is already whole. */
    private static final double WHOLE = 4503599627370496.0;

    private Rounding() {
    }

    /**
     * Adds {@code out}: {@code approximate} (a double) rounded to a per-row number of places, half up or half
     * even, or near a tie {@code exact} (the same value as a decimal, read only there) rounded in decimal
     * arithmetic. The approximate value and the scale are worked out in columns of their own first (dropped
     * after), so the code Spark generates reads them rather than repeating their expressions in every branch: one
     * rounding over a choice of values is a fraction of the code of a choice of roundings.
     */
    public static Dataset<Row> withRounded(Dataset<Row> rows, String out, Column approximate, Column exact,
            Column decimals, Column halfEven) {
        return rows.withColumn(STAGED_VALUE, approximate)
                .withColumn(STAGED_SCALE, pow(lit(10.0), decimals))
                .withColumn(out, rounded(col(STAGED_VALUE), col(STAGED_SCALE),
                        decimalRounded(exact, decimals, halfEven)))
                .drop(STAGED_VALUE, STAGED_SCALE);
    }

    /**
     * {@code numerator * multiplier / denominator} as a double, null for a zero denominator: the approximate value of
     * a rate or percentage for {@link #withRounded}.
     */
    public static Column quotient(Column numerator, Column denominator, Column multiplier) {
        return try_divide(numerator.multiply(multiplier), denominator);
    }

    /** {@link #quotient} in decimal arithmetic (11 places kept), where {@link #withRounded} settles ties. */
    public static Column exactQuotient(Column numerator, Column denominator, Column multiplier) {
        return try_divide(numerator.cast(EXACT).multiply(multiplier.cast(MULTIPLIER)), denominator.cast(EXACT));
    }

    /** {@code numerator * multiplier} in decimal arithmetic, where {@link #withRounded} settles ties. */
    public static Column exactProduct(Column numerator, Column multiplier) {
        return numerator.cast(EXACT).multiply(multiplier.cast(MULTIPLIER));
    }

    /** A double's decimal value (8 places), where its ties are settled. */
    public static Column exactDouble(Column value) {
        return value.cast(DataTypes.createDecimalType(30, 8));
    }

    /** A double rounded half up to a per-row number of places (ties settled on its decimal value). */
    public static Column roundedDouble(Column value, Column decimals) {
        // As decimalRounded, for half up only, on 8 places (calling decimalRounded here measured 9% more task time
        // in gold.benchmark, two runs against one, cause not found).
        Column scale = pow(lit(10.0), decimals);
        Column units = scale.cast(UNITS);
        Column settled = round(exactDouble(value).multiply(units), 0).divide(units)
                .cast(DataTypes.DoubleType);
        return rounded(value, scale, settled);
    }

    /** A double rounded half up to a fixed number of places (ties settled on its decimal value). */
    public static Column roundedDouble(Column value, int decimals) {
        return rounded(value, lit(Math.pow(10, decimals)),
                round(value.cast(DataTypes.createDecimalType(30, 8)), decimals).cast(DataTypes.DoubleType));
    }

    /**
     * {@code approximate} rounded half up (away from zero) at {@code scale} (10 to the number of places) in double
     * arithmetic, or {@code settled}, the same rounding done on the exact value, where the double lies within a hair
     * of a tie.
     */
    private static Column rounded(Column approximate, Column scale, Column settled) {
        Column scaled = abs(approximate.multiply(scale));
        return when(approximate.isNull(), lit(null).cast(DataTypes.DoubleType))
                .when(scaled.geq(WHOLE), approximate)
                .when(nearTie(scaled), settled)
                .otherwise(signum(approximate).multiply(floor(scaled.plus(0.5))).divide(scale));
    }

    /** True when a non-negative scaled value's fraction lies within a hair of .5, where doubles may mislead. */
    private static Column nearTie(Column scaled) {
        Column fraction = scaled.minus(floor(scaled));
        return abs(fraction.minus(0.5)).lt(lit(1e-6).plus(scaled.multiply(1e-12)));
    }

    /**
     * A decimal (at most 11 places) rounded to a per-row number of places (0-6), half up or half even, as a
     * double: moved to whole units, rounded there and moved back, one expression for every number of places (a
     * branch per place made the generated code too large to compile). Exact: {@link #rounded} asks only for
     * values below 2^52, and 19 + 11 digits times at most 10^6 fit the 38 digits a decimal holds.
     */
    private static Column decimalRounded(Column decimal, Column decimals, Column halfEven) {
        Column units = pow(lit(10.0), decimals).cast(UNITS);
        Column scaled = decimal.cast(NARROW).multiply(units);
        return when(halfEven, bround(scaled, 0)).otherwise(round(scaled, 0)).divide(units).cast(DataTypes.DoubleType);
    }
}

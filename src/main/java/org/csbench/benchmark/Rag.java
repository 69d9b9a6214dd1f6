package org.csbench.benchmark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.metrics.Rounding;
import org.csbench.model.Columns;

/**
 * Targets and RAG ratings. A value is green when it meets the target: at least as good as a single target by
 * polarity, inside a range target ({@code 20-24}) whatever the polarity; amber when it misses by no more than
 * the indicator's tolerance ({@code tolerance_pct} of the target, 2% by default, as in councils' scorecards),
 * beyond either end of a range; red otherwise. No target, no usable value, or a single target on a neutral
 * indicator (no side is better): no RAG. {@link #GAP} is the distance to the target (to the nearer end of a
 * range; 0 inside it).
 */
final class Rag {
    static final String TARGET_LOW = "target_low";
    static final String TARGET_HIGH = "target_high";
    static final String TARGET_SOURCE = "target_source";
    static final String RAG = "rag";
    static final String GAP = "gap_to_target";
    static final String GREEN = "green";
    static final String AMBER = "amber";
    static final String RED = "red";

    private static final double EPSILON = 1e-9;

    private Rag() {
    }

    /** Adds {@link #RAG} and {@link #GAP}, given {@link #TARGET_LOW} and {@link #TARGET_HIGH} columns. */
    static Dataset<Row> rate(Dataset<Row> rows) {
        Column value = col(Columns.VALUE);
        Column low = col(TARGET_LOW);
        Column high = col(TARGET_HIGH);
        Column sign = col(IndicatorRules.SIGN);
        Column tolerance = col(IndicatorRules.TOLERANCE_PCT).divide(100);
        Column range = high.gt(low);
        Column lowBand = low.minus(abs(low).multiply(tolerance)).minus(EPSILON);
        Column highBand = high.plus(abs(high).multiply(tolerance)).plus(EPSILON);

        Column inRange = value.geq(low.minus(EPSILON)).and(value.leq(high.plus(EPSILON)));
        Column rangeRag = when(inRange, lit(GREEN))
                .when(value.geq(lowBand).and(value.leq(highBand)), lit(AMBER))
                .otherwise(lit(RED));
        Column higherRag = when(value.geq(low.minus(EPSILON)), lit(GREEN))
                .when(value.geq(lowBand), lit(AMBER)).otherwise(lit(RED));
        Column lowerRag = when(value.leq(high.plus(EPSILON)), lit(GREEN))
                .when(value.leq(highBand), lit(AMBER)).otherwise(lit(RED));
        Column rag = when(value.isNull().or(low.isNull()), lit(null).cast(DataTypes.StringType))
                .when(range, rangeRag)
                .when(sign.equalTo(1), higherRag)
                .when(sign.equalTo(-1), lowerRag);
        Column gap = when(value.isNull().or(low.isNull()), lit(null).cast(DataTypes.DoubleType))
                .when(value.lt(low), value.minus(low))
                .when(value.gt(high), value.minus(high))
                .otherwise(lit(0.0));
        return rows.withColumn(RAG, rag).withColumn(GAP, Rounding.roundedDouble(gap, col(IndicatorRules.DECIMALS)));
    }
}

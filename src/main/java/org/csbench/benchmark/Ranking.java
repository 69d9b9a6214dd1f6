package org.csbench.benchmark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import org.csbench.model.Columns;

/**
 * Rank and quartile band of each authority's value among all authorities with a usable value for the same
 * indicator and period.
 *
 * <p>Rank 1 is the best by polarity; ties share the lower rank (1, 2, 2, 4); a neutral indicator gets no rank.
 * Quartiles are those of the period's authority values with R's default (type 7) estimator: the value at
 * position {@code (n - 1) p} of the sorted values, interpolated linearly, which is how Spark's {@code percentile}
 * computes them. Bands as DfE's Local Authority Interactive Tool gives them, a value on a boundary going to the
 * better band: lower is better A = [Q0, Q25], B = (Q25, Q50], C = (Q50, Q75], D = (Q75, Q100]; higher is better
 * A = [Q75, Q100], B = [Q50, Q75), C = [Q25, Q50), D = [Q0, Q25). A neutral indicator gets no band; every value
 * gets its {@link #QUARTILE} (1 = lowest quarter ... 4 = highest, boundaries to the lower quarter).
 */
final class Ranking {
    static final String RANK = "rank";
    static final String RANKED = "rank_count";
    static final String Q25 = "quartile_25";
    static final String Q50 = "quartile_50";
    static final String Q75 = "quartile_75";
    static final String QUARTILE = "quartile";
    static final String BAND = "quartile_band";

    private Ranking() {
    }

    /**
     * Adds rank, count, quartile boundaries, quartile and band to usable authority rows (with
     * {@link IndicatorRules#SIGN}).
     */
    static Dataset<Row> ranked(Dataset<Row> usable) {
        WindowSpec period = Window.partitionBy(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END));
        Column sign = col(IndicatorRules.SIGN);
        Column value = col(Columns.VALUE);
        Column bestFirst = when(sign.equalTo(1), value.unary_$minus()).otherwise(value);
        Dataset<Row> ranked = usable
                .withColumn(RANK, when(sign.notEqual(0), rank().over(period.orderBy(bestFirst))))
                .withColumn(RANKED, count(lit(1)).over(period))
                .withColumn("_quartiles", percentile(value, array(lit(0.25), lit(0.5), lit(0.75))).over(period));
        Column q25 = col("_quartiles").getItem(0);
        Column q50 = col("_quartiles").getItem(1);
        Column q75 = col("_quartiles").getItem(2);
        Column lowerBand = when(value.leq(col(Q25)), lit("A")).when(value.leq(col(Q50)), lit("B"))
                .when(value.leq(col(Q75)), lit("C")).otherwise(lit("D"));
        Column higherBand = when(value.geq(col(Q75)), lit("A")).when(value.geq(col(Q50)), lit("B"))
                .when(value.geq(col(Q25)), lit("C")).otherwise(lit("D"));
        return ranked
                .withColumn(Q25, q25).withColumn(Q50, q50).withColumn(Q75, q75)
                .drop("_quartiles")
                .withColumn(QUARTILE, when(value.leq(col(Q25)), lit(1)).when(value.leq(col(Q50)), lit(2))
                        .when(value.leq(col(Q75)), lit(3)).otherwise(lit(4)))
                .withColumn(BAND, when(sign.equalTo(-1), lowerBand).when(sign.equalTo(1), higherBand));
    }
}

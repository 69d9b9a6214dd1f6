package org.csbench.benchmark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Columns;
import org.csbench.model.Projections;

/**
 * Rank and quartile band of each authority's value among all authorities with a usable value for the same
 * indicator and period.
 *
 * <p>Rank 1 is the best by polarity; ties share the lower rank (1, 2, 2, 4); a neutral indicator gets no rank.
 * Quartiles are those of the period's authority values with R's default (type 7) estimator: the value at
 * position {@code (n - 1) p} of the sorted values, interpolated linearly, as Spark's {@code percentile} computes
 * them ({@link PeriodSummaries#percentile}). Bands as DfE's Local Authority Interactive Tool (and DfE's own
 * children's social care dashboard) give them: the quarters are [Q0, Q25], (Q25, Q50], (Q50, Q75], (Q75, Q100]
 * whatever the polarity, and only the letters turn round: lower is better A, B, C, D; higher is better D, C, B, A. A neutral indicator gets no band;
 * every usable value gets its {@link #QUARTILE} (1 = [Q0, Q25] ... 4 = (Q75, Q100]).
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
     * The row's rank: the first position of its value in the period's values sorted best first
     * ({@link PeriodSummaries#ORDER}), so ties share the lower rank; null for a neutral indicator or a value that
     * is not usable. Rows must carry {@link Benchmarks#USABLE} and {@link IndicatorRules#SIGN}.
     */
    static Column rank() {
        Column sign = col(IndicatorRules.SIGN);
        Column usable = col(Benchmarks.USABLE);
        Column value = when(usable, col(Columns.VALUE));
        Column bestFirst = when(sign.equalTo(1), value.unary_$minus()).otherwise(value);
        return when(sign.notEqual(0).and(usable),
                array_position(col(PeriodSummaries.ORDER), bestFirst).cast(DataTypes.IntegerType));
    }

    /**
     * Adds the count, quartile and band to authority rows carrying {@link #RANK} (from {@link #rank}),
     * {@link Benchmarks#USABLE}, {@link IndicatorRules#SIGN} and their period's count and quartile boundaries
     * ({@link PeriodSummaries}); rows without a usable value get no quartile and take no part.
     */
    static Dataset<Row> ranked(Dataset<Row> rows) {
        Column sign = col(IndicatorRules.SIGN);
        Column usable = col(Benchmarks.USABLE);
        Column value = when(usable, col(Columns.VALUE));
        Column quartile = col(QUARTILE);
        Column lowerBand = element_at(array(lit("A"), lit("B"), lit("C"), lit("D")), quartile);
        Column higherBand = element_at(array(lit("D"), lit("C"), lit("B"), lit("A")), quartile);
        LinkedHashMap<String, Column> placed = new LinkedHashMap<>();
        placed.put(RANKED, coalesce(col(PeriodSummaries.COUNT), lit(0L)));
        placed.put(QUARTILE, when(usable, when(value.leq(col(Q25)), lit(1)).when(value.leq(col(Q50)), lit(2))
                .when(value.leq(col(Q75)), lit(3)).otherwise(lit(4))));
        // The band reads the quartile just added: a projection of its own.
        return Projections.withColumns(rows, placed)
                .withColumn(BAND, when(quartile.isNull(), lit(null).cast("string"))
                        .when(sign.equalTo(-1), lowerBand).when(sign.equalTo(1), higherBand));
    }
}

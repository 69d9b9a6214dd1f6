package org.csbench.benchmark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.metrics.Rounding;
import org.csbench.model.Columns;
import org.csbench.model.Projections;

/**
 * The gap between an authority's value and a comparator: absolute ({@code value - comparator}, rounded to the
 * indicator's decimal places), relative (the gap as a percentage of the comparator, 1 decimal place) and its
 * reading by polarity: {@code better} or {@code worse}, {@code higher} or {@code lower} for a neutral indicator,
 * and {@code similar} when the gap is within the indicator's tolerance (the same band as RAG's amber: by default
 * 2% of the comparator).
 */
final class Gaps {
    static final String BETTER = "better";
    static final String WORSE = "worse";
    static final String SIMILAR = "similar";
    static final String HIGHER = "higher";
    static final String LOWER = "lower";

    private static final double EPSILON = 1e-9;

    private Gaps() {
    }

    /**
     * Adds {@code gap_to_<name>}, {@code gap_to_<name>_pct} and {@code vs_<name>} for each comparator, in the map's
     * order, in three projections for all of them.
     */
    static Dataset<Row> add(Dataset<Row> rows, LinkedHashMap<String, Column> comparators) {
        // The difference and the relative difference get columns of their own first, so rounding (which reads its
        // input several times) refers to them rather than repeating their expressions in the generated code.
        LinkedHashMap<String, Column> differences = new LinkedHashMap<>();
        LinkedHashMap<String, Column> relatives = new LinkedHashMap<>();
        LinkedHashMap<String, Column> gaps = new LinkedHashMap<>();
        Column value = col(Columns.VALUE);
        Column sign = col(IndicatorRules.SIGN);
        comparators.forEach((name, comparator) -> {
            String difference = "_gap_" + name;
            String relative = "_gap_pct_" + name;
            differences.put(difference, value.minus(comparator));
            relatives.put(relative, when(comparator.notEqual(0), col(difference).divide(abs(comparator)).multiply(100)));
            Column band = abs(comparator).multiply(col(IndicatorRules.TOLERANCE_PCT)).divide(100);
            Column reading = when(value.isNull().or(comparator.isNull()), lit(null).cast("string"))
                    .when(abs(col(difference)).leq(band.plus(EPSILON)), lit(SIMILAR))
                    .when(sign.equalTo(0), when(col(difference).gt(0), lit(HIGHER)).otherwise(lit(LOWER)))
                    .when(col(difference).multiply(sign).gt(0), lit(BETTER))
                    .otherwise(lit(WORSE));
            gaps.put("gap_to_" + name, Rounding.roundedDouble(col(difference), col(IndicatorRules.DECIMALS)));
            gaps.put("gap_to_" + name + "_pct", Rounding.roundedDouble(col(relative), 1));
            gaps.put("vs_" + name, reading);
        });
        List<String> staged = new ArrayList<>(differences.keySet());
        staged.addAll(relatives.keySet());
        Dataset<Row> withDifferences = Projections.withColumns(rows, differences);
        Dataset<Row> withRelatives = Projections.withColumns(withDifferences, relatives);
        return Projections.withColumns(withRelatives, gaps).drop(staged.toArray(String[]::new));
    }
}

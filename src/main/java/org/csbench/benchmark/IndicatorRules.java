package org.csbench.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Unit;

/**
 * What benchmarking needs from the catalogue, as a small table joined (broadcast) to the values: polarity (and its
 * sign: +1 higher is better, -1 lower is better, 0 neutral), how comparator groups combine, decimals, target and
 * tolerance.
 */
final class IndicatorRules {
    static final String POLARITY = IndicatorValues.POLARITY;
    static final String SIGN = "_sign";
    static final String METHOD = "comparator_method";
    static final String DECIMALS = "decimals";
    static final String MULTIPLIER = "_multiplier";
    static final String HAS_DENOMINATOR = "_has_denominator";
    static final String IS_COUNT = "_is_count";
    static final String CATALOGUE_TARGET_LOW = "_catalogue_target_low";
    static final String CATALOGUE_TARGET_HIGH = "_catalogue_target_high";
    static final String TOLERANCE_PCT = "tolerance_pct";
    static final String REF = IndicatorValues.REF;

    private IndicatorRules() {
    }

    static Dataset<Row> table(SparkSession spark, Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            rows.add(RowFactory.create(i.id(), i.ref(), i.polarity().name().toLowerCase(Locale.ROOT), sign(i.polarity()),
                    i.comparator().name().toLowerCase(Locale.ROOT), i.decimals(), i.multiplier(),
                    !i.denominators().isEmpty(), i.unit() == Unit.COUNT,
                    i.target() == null ? null : i.target().low(), i.target() == null ? null : i.target().high(),
                    i.tolerancePct()));
        }
        StructType schema = new StructType()
                .add(Columns.INDICATOR_ID, DataTypes.StringType).add(REF, DataTypes.StringType)
                .add(POLARITY, DataTypes.StringType).add(SIGN, DataTypes.IntegerType)
                .add(METHOD, DataTypes.StringType).add(DECIMALS, DataTypes.IntegerType)
                .add(MULTIPLIER, DataTypes.DoubleType).add(HAS_DENOMINATOR, DataTypes.BooleanType)
                .add(IS_COUNT, DataTypes.BooleanType).add(CATALOGUE_TARGET_LOW, DataTypes.DoubleType)
                .add(CATALOGUE_TARGET_HIGH, DataTypes.DoubleType).add(TOLERANCE_PCT, DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema);
    }

    private static int sign(Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> 1;
            case LOWER_IS_BETTER -> -1;
            case NEUTRAL -> 0;
        };
    }
}

package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;

/**
 * indicator values -> one row per series with its XmR chart, Mann-Kendall trend and data-quality
 * anomalies, and the four tables made from it: {@code gold.spc_point}, {@code gold.spc_summary},
 * {@code gold.trend} and {@code gold.dq_anomaly}.
 *
 * <p>A series is one indicator for one geography and period type ({@link #SERIES_KEY}): an LA's {@code geo_key} is
 * its old LA code, and a reorganised authority gets a new one, so no series crosses a boundary change; monthly and
 * annual values of an indicator are separate series. Regions and England have series too. The rows are shuffled
 * once by series and each group is analysed inside the executors by {@link SeriesAnalysis}, which calls the
 * pure-Java signals ({@code XmrChart}, {@code MannKendall}, the quality checks); the catalogue travels with the
 * function as a small serialisable map.
 *
 * <p>Values whose status is not {@code available} (suppressed, not available ...) are missing to the statistics;
 * they keep their row in {@code gold.spc_point} with point type {@code missing}. Enumerations are stored as their
 * lower-case names ({@code special_cause_concern}, {@code outside_limits}, {@code consistently_failing}).
 */
public final class SeriesSignals {
    public static final String POINT_TABLE = "gold.spc_point";
    public static final String SUMMARY_TABLE = "gold.spc_summary";
    public static final String TREND_TABLE = "gold.trend";
    public static final String ANOMALY_TABLE = "gold.dq_anomaly";

    public static final List<String> SERIES_KEY = List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL,
            Geography.GEO_KEY, Columns.PERIOD_TYPE);

    // one row per series
    public static final String FIRST_PERIOD_END = "first_period_end";
    public static final String LAST_PERIOD_END = "last_period_end";
    public static final String PERIODS = "periods";
    public static final String POINTS = "points";
    public static final String LAST_VALUE = "last_value";
    public static final String SEGMENTS = "segments";
    public static final String MEAN = "mean";
    public static final String LOWER_LIMIT = "lower_limit";
    public static final String UPPER_LIMIT = "upper_limit";
    public static final String LOWER_INNER = "lower_inner";
    public static final String UPPER_INNER = "upper_inner";
    public static final String VARIATION_ICON = "variation_icon";
    public static final String TARGET_LOW = "target_low";
    public static final String TARGET_HIGH = "target_high";
    public static final String ASSURANCE_ICON = "assurance_icon";
    public static final String ENOUGH_POINTS = "enough_points";
    public static final String WARNINGS = "warnings";
    public static final String N = "n";
    public static final String S = "s";
    public static final String VAR_S = "var_s";
    public static final String Z = "z";
    public static final String P_VALUE = "p_value";
    public static final String TAU = "tau";
    public static final String TAU_B = "tau_b";
    public static final String SEN_SLOPE = "sen_slope";
    public static final String SEN_INTERCEPT = "sen_intercept";
    public static final String ALPHA = "alpha";
    public static final String VERDICT = "verdict";

    // one row per point
    public static final String SEGMENT = "segment";
    public static final String MOVING_RANGE = "moving_range";
    public static final String RULE = "rule";
    public static final String DIRECTION = "direction";
    public static final String POINT_TYPE = "point_type";

    // one row per anomaly
    public static final String ANOMALY = "anomaly";
    public static final String REFERENCE = "reference";
    public static final String MESSAGE = "message";

    static final String CHART = "_chart";
    static final String ANOMALIES = "_anomalies";

    /** The columns of the indicator values the analysis reads, in this order. */
    static final List<String> INPUT = List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL, Geography.GEO_KEY,
            Columns.PERIOD_TYPE, Columns.PERIOD_END, Columns.TIME_PERIOD, Columns.VALUE, Columns.STATUS,
            IndicatorValues.POLARITY, Columns.UNIT, Columns.LA_NAME, Columns.NEW_LA_CODE, Columns.REGION_CODE);

    static final StructType POINT = new StructType()
            .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.TIME_PERIOD, DataTypes.StringType)
            .add(Columns.VALUE, DataTypes.DoubleType).add(Columns.STATUS, DataTypes.StringType)
            .add(SEGMENT, DataTypes.IntegerType).add(MEAN, DataTypes.DoubleType)
            .add(LOWER_LIMIT, DataTypes.DoubleType).add(UPPER_LIMIT, DataTypes.DoubleType)
            .add(LOWER_INNER, DataTypes.DoubleType).add(UPPER_INNER, DataTypes.DoubleType)
            .add(MOVING_RANGE, DataTypes.DoubleType).add(RULE, DataTypes.StringType)
            .add(DIRECTION, DataTypes.IntegerType).add(POINT_TYPE, DataTypes.StringType);

    static final StructType ANOMALY_ROW = new StructType()
            .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.TIME_PERIOD, DataTypes.StringType)
            .add(ANOMALY, DataTypes.StringType).add(Columns.VALUE, DataTypes.DoubleType)
            .add(REFERENCE, DataTypes.DoubleType).add(Columns.STATUS, DataTypes.StringType)
            .add(MESSAGE, DataTypes.StringType);

    /** One row per series: keys, attributes, chart summary, trend, and the points and anomalies as arrays. */
    static final StructType SERIES = new StructType()
            .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.GEOGRAPHIC_LEVEL, DataTypes.StringType)
            .add(Geography.GEO_KEY, DataTypes.StringType).add(Columns.PERIOD_TYPE, DataTypes.StringType)
            .add(Columns.LA_NAME, DataTypes.StringType).add(Columns.NEW_LA_CODE, DataTypes.StringType)
            .add(Columns.REGION_CODE, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
            .add(IndicatorValues.POLARITY, DataTypes.StringType)
            .add(FIRST_PERIOD_END, DataTypes.DateType).add(LAST_PERIOD_END, DataTypes.DateType)
            .add(PERIODS, DataTypes.IntegerType).add(POINTS, DataTypes.IntegerType)
            .add(LAST_VALUE, DataTypes.DoubleType).add(SEGMENTS, DataTypes.IntegerType)
            .add(MEAN, DataTypes.DoubleType).add(LOWER_LIMIT, DataTypes.DoubleType)
            .add(UPPER_LIMIT, DataTypes.DoubleType).add(LOWER_INNER, DataTypes.DoubleType)
            .add(UPPER_INNER, DataTypes.DoubleType).add(VARIATION_ICON, DataTypes.StringType)
            .add(TARGET_LOW, DataTypes.DoubleType).add(TARGET_HIGH, DataTypes.DoubleType)
            .add(ASSURANCE_ICON, DataTypes.StringType).add(ENOUGH_POINTS, DataTypes.BooleanType)
            .add(WARNINGS, DataTypes.StringType)
            .add(N, DataTypes.IntegerType).add(S, DataTypes.LongType).add(VAR_S, DataTypes.DoubleType)
            .add(Z, DataTypes.DoubleType).add(P_VALUE, DataTypes.DoubleType).add(TAU, DataTypes.DoubleType)
            .add(TAU_B, DataTypes.DoubleType).add(SEN_SLOPE, DataTypes.DoubleType)
            .add(SEN_INTERCEPT, DataTypes.DoubleType).add(ALPHA, DataTypes.DoubleType)
            .add(VERDICT, DataTypes.StringType)
            .add(CHART, new ArrayType(POINT, false))
            .add(ANOMALIES, new ArrayType(ANOMALY_ROW, false));

    private SeriesSignals() {
    }

    /**
     * Every series of {@code indicatorValues} analysed: one row per series (schema {@link #SERIES}), computed in
     * the executors after one shuffle by series. The result feeds the four table projections below; a caller that
     * writes more than one of them should persist it.
     */
    public static Dataset<Row> analyse(Dataset<Row> indicatorValues, Map<String, IndicatorSignals> catalogue,
            DetectOptions options) {
        Dataset<Row> input = indicatorValues.filter(col(Columns.PERIOD_END).isNotNull()).select(columns(INPUT));
        StructType keySchema = input.select(columns(SERIES_KEY)).schema();
        return input.groupBy(columns(SERIES_KEY))
                .as(Encoders.row(keySchema), Encoders.row(input.schema()))
                .mapGroups(new SeriesAnalysis(catalogue, options), Encoders.row(SERIES));
    }

    /** {@code gold.spc_point}: one row per period of each series. */
    public static Dataset<Row> points(Dataset<Row> series) {
        return nested(series, CHART, POINT);
    }

    /** {@code gold.spc_summary}: one row per series: its icons, warnings and the last segment's limits. */
    public static Dataset<Row> summaries(Dataset<Row> series) {
        return series.select(columns(List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL, Geography.GEO_KEY,
                Columns.PERIOD_TYPE, Columns.LA_NAME, Columns.NEW_LA_CODE, Columns.REGION_CODE, Columns.UNIT,
                IndicatorValues.POLARITY, FIRST_PERIOD_END, LAST_PERIOD_END, PERIODS, POINTS, LAST_VALUE,
                VARIATION_ICON, TARGET_LOW, TARGET_HIGH, ASSURANCE_ICON, SEGMENTS, MEAN, LOWER_LIMIT, UPPER_LIMIT,
                LOWER_INNER, UPPER_INNER, ENOUGH_POINTS, WARNINGS)));
    }

    /** {@code gold.trend}: one row per series: the Mann-Kendall test, Sen's slope and the verdict. */
    public static Dataset<Row> trends(Dataset<Row> series) {
        return series.select(columns(List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL, Geography.GEO_KEY,
                Columns.PERIOD_TYPE, Columns.LA_NAME, Columns.REGION_CODE, Columns.UNIT, IndicatorValues.POLARITY,
                FIRST_PERIOD_END, LAST_PERIOD_END, N, S, VAR_S, Z, P_VALUE, TAU, TAU_B, SEN_SLOPE, SEN_INTERCEPT,
                ALPHA, VERDICT)));
    }

    /** {@code gold.dq_anomaly}: one row per data-quality anomaly. */
    public static Dataset<Row> anomalies(Dataset<Row> series) {
        return nested(series, ANOMALIES, ANOMALY_ROW);
    }

    /** One row per element of the array column {@code array}: the series key, the LA's name, the element's fields. */
    private static Dataset<Row> nested(Dataset<Row> series, String array, StructType element) {
        List<String> keys = new ArrayList<>(SERIES_KEY);
        keys.add(Columns.LA_NAME);
        List<Column> exploded = new ArrayList<>(List.of(columns(keys)));
        exploded.add(explode(col(array)).as("_e"));
        List<Column> flat = new ArrayList<>(List.of(columns(keys)));
        for (String field : element.fieldNames()) {
            flat.add(col("_e." + field).as(field));
        }
        return series.select(exploded.toArray(Column[]::new)).select(flat.toArray(Column[]::new));
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}

package org.csbench.detect;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;

/**
 * indicator values -> the local authorities of each indicator-period cross-section compared with each
 * other: {@code gold.funnel} (funnel plots) and {@code gold.outlier} (robust outliers).
 *
 * <p>Only authorities (geographic level {@code local_authority}) with an available value take part. The rows are
 * shuffled once by cross-section ({@link #CROSS_SECTION_KEY}); each cross-section is analysed in the executors by
 * {@link CrossSectionAnalysis}:
 * <ul>
 *   <li>Funnel plot ({@code FunnelPlot}, overdispersion-adjusted) for a percentage of a denominator (binomial) or a
 *       rate per population (exact Poisson), from the numerators and denominators; indicators without a
 *       denominator (counts) and other units have none. An authority the plot leaves out (zero denominator, a
 *       numerator above its denominator) keeps its row with the reason in {@code excluded_reason}.</li>
 *   <li>Modified z-score ({@code ModifiedZScore}, |M| &gt; 3.5 by default, mean-absolute-deviation fallback when
 *       MAD = 0) on the values, for every unit but counts and FTEs, whose spread is mostly the authorities'
 *       size. Kept in its own table because it covers more indicators than the funnel plot.</li>
 * </ul>
 * Judgements are by polarity: {@code favourable} / {@code unfavourable}, {@code high} / {@code low} for a neutral
 * indicator, {@code none} inside the limits.
 */
public final class CrossSections {
    public static final String FUNNEL_TABLE = "gold.funnel";
    public static final String OUTLIER_TABLE = "gold.outlier";

    public static final List<String> CROSS_SECTION_KEY = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE,
            Columns.PERIOD_END);

    public static final String MODEL = "model";
    public static final String POOLED_VALUE = "pooled_value";
    public static final String PHI = "phi";
    public static final String TAU2 = "tau2";
    public static final String Z_SCORE = "z_score";
    public static final String LOWER_95 = "lower_95";
    public static final String UPPER_95 = "upper_95";
    public static final String LOWER_998 = "lower_998";
    public static final String UPPER_998 = "upper_998";
    public static final String FLAG_95 = "flag_95";
    public static final String FLAG_998 = "flag_998";
    public static final String JUDGEMENT_95 = "judgement_95";
    public static final String JUDGEMENT_998 = "judgement_998";
    public static final String EXCLUDED_REASON = "excluded_reason";

    public static final String MEDIAN = "median";
    public static final String MAD = "mad";
    public static final String MEAN_ABSOLUTE_DEVIATION = "mean_absolute_deviation";
    public static final String SCALE = "scale";
    public static final String MODIFIED_Z = "modified_z";
    public static final String FLAG = "flag";
    public static final String JUDGEMENT = "judgement";

    static final String FUNNEL_VALUE = "_funnel_value";
    static final String IN_FUNNEL = "_in_funnel";
    static final String IN_OUTLIER = "_in_outlier";

    /** The columns of the indicator values the analysis reads, in this order. */
    static final List<String> INPUT = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE, Columns.PERIOD_END,
            Columns.TIME_PERIOD, Geography.GEO_KEY, Columns.LA_NAME, Columns.REGION_CODE, Columns.UNIT,
            IndicatorValues.POLARITY, IndicatorValues.NUMERATOR, IndicatorValues.DENOMINATOR, Columns.VALUE);

    /** One row per authority and cross-section, with the funnel and the outlier columns. */
    static final StructType ANALYSED = new StructType()
            .add(Columns.INDICATOR_ID, DataTypes.StringType).add(Columns.PERIOD_TYPE, DataTypes.StringType)
            .add(Columns.PERIOD_END, DataTypes.DateType).add(Columns.TIME_PERIOD, DataTypes.StringType)
            .add(Geography.GEO_KEY, DataTypes.StringType).add(Columns.LA_NAME, DataTypes.StringType)
            .add(Columns.REGION_CODE, DataTypes.StringType).add(Columns.UNIT, DataTypes.StringType)
            .add(IndicatorValues.POLARITY, DataTypes.StringType).add(Columns.VALUE, DataTypes.DoubleType)
            .add(IN_FUNNEL, DataTypes.BooleanType).add(MODEL, DataTypes.StringType)
            .add(POOLED_VALUE, DataTypes.DoubleType).add(PHI, DataTypes.DoubleType).add(TAU2, DataTypes.DoubleType)
            .add(IndicatorValues.NUMERATOR, DataTypes.DoubleType).add(IndicatorValues.DENOMINATOR, DataTypes.DoubleType)
            .add(FUNNEL_VALUE, DataTypes.DoubleType).add(Z_SCORE, DataTypes.DoubleType)
            .add(LOWER_95, DataTypes.DoubleType).add(UPPER_95, DataTypes.DoubleType)
            .add(LOWER_998, DataTypes.DoubleType).add(UPPER_998, DataTypes.DoubleType)
            .add(FLAG_95, DataTypes.StringType).add(FLAG_998, DataTypes.StringType)
            .add(JUDGEMENT_95, DataTypes.StringType).add(JUDGEMENT_998, DataTypes.StringType)
            .add(EXCLUDED_REASON, DataTypes.StringType)
            .add(IN_OUTLIER, DataTypes.BooleanType).add(MEDIAN, DataTypes.DoubleType).add(MAD, DataTypes.DoubleType)
            .add(MEAN_ABSOLUTE_DEVIATION, DataTypes.DoubleType).add(SCALE, DataTypes.StringType)
            .add(MODIFIED_Z, DataTypes.DoubleType).add(FLAG, DataTypes.StringType)
            .add(JUDGEMENT, DataTypes.StringType);

    private CrossSections() {
    }

    /**
     * Every cross-section of the authorities' available values analysed (schema {@link #ANALYSED}), in the
     * executors after one shuffle by cross-section. Indicators with neither a funnel plot nor outliers are left out
     * before the shuffle. The result feeds {@link #funnel} and {@link #outliers}; persist it to write both.
     */
    public static Dataset<Row> analyse(Dataset<Row> indicatorValues, Map<String, IndicatorSignals> catalogue,
            DetectOptions options) {
        Object[] compared = catalogue.values().stream()
                .filter(i -> i.funnelModel() != null || i.comparableAcrossAuthorities())
                .map(IndicatorSignals::id).sorted().toArray();
        Dataset<Row> input = indicatorValues
                .filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo(GeographicLevel.LOCAL_AUTHORITY.code())
                        .and(col(Columns.STATUS).equalTo(Status.AVAILABLE.code()))
                        .and(col(Geography.GEO_KEY).isNotNull())
                        .and(col(Columns.INDICATOR_ID).isin(compared)))
                .select(columns(INPUT));
        StructType keySchema = input.select(columns(CROSS_SECTION_KEY)).schema();
        return input.groupBy(columns(CROSS_SECTION_KEY))
                .as(Encoders.row(keySchema), Encoders.row(input.schema()))
                .flatMapGroups(new CrossSectionAnalysis(catalogue, options), Encoders.row(ANALYSED));
    }

    /** {@code gold.funnel}: one row per authority of each cross-section of an indicator with a funnel plot. */
    public static Dataset<Row> funnel(Dataset<Row> analysed) {
        return analysed.filter(col(IN_FUNNEL)).select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE),
                col(Columns.TIME_PERIOD), col(Columns.PERIOD_END), col(Geography.GEO_KEY), col(Columns.LA_NAME),
                col(Columns.REGION_CODE), col(Columns.UNIT), col(IndicatorValues.POLARITY), col(MODEL),
                col(POOLED_VALUE), col(PHI), col(TAU2), col(IndicatorValues.NUMERATOR),
                col(IndicatorValues.DENOMINATOR), col(FUNNEL_VALUE).as(Columns.VALUE), col(Z_SCORE), col(LOWER_95),
                col(UPPER_95), col(LOWER_998), col(UPPER_998), col(FLAG_95), col(FLAG_998), col(JUDGEMENT_95),
                col(JUDGEMENT_998), col(EXCLUDED_REASON));
    }

    /** {@code gold.outlier}: one row per authority of each cross-section of an indicator compared for outliers. */
    public static Dataset<Row> outliers(Dataset<Row> analysed) {
        return analysed.filter(col(IN_OUTLIER)).select(col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE),
                col(Columns.TIME_PERIOD), col(Columns.PERIOD_END), col(Geography.GEO_KEY), col(Columns.LA_NAME),
                col(Columns.REGION_CODE), col(Columns.UNIT), col(IndicatorValues.POLARITY), col(Columns.VALUE),
                col(MEDIAN), col(MAD), col(MEAN_ABSOLUTE_DEVIATION), col(SCALE), col(MODIFIED_Z), col(FLAG),
                col(JUDGEMENT));
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}

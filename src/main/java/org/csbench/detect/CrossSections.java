package org.csbench.detect;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import org.csbench.contract.ColumnDef;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactSignal;
import org.csbench.contract.TableDef;
import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;
import org.csbench.model.Seqs;

/**
 * indicator values -> the local authorities of each indicator-period cross-section compared with each other:
 * {@code gold.fact_cross_section} (what the cross-section shares) and each authority's funnel and outlier columns of
 * {@code gold.fact_signal}.
 *
 * <p>Only authorities (geographic level {@code local_authority}) with an available value take part. The rows are
 * shuffled once by cross-section ({@link #CROSS_SECTION_KEY}); each cross-section is analysed in the executors by
 * {@link CrossSectionAnalysis}:
 * <ul>
 *   <li>Funnel plot ({@code FunnelPlot}, overdispersion-adjusted) for a percentage of a denominator (binomial) or a
 *       rate per population (exact Poisson), from the numerators and denominators; indicators without a
 *       denominator (counts) and other units have none. An authority the plot leaves out (zero denominator, a
 *       numerator above its denominator) keeps its row with the reason in {@code funnel_excluded_code}.</li>
 *   <li>Modified z-score ({@code ModifiedZScore}, |M| &gt; 3.5 by default, mean-absolute-deviation fallback when
 *       MAD = 0) on the values, for every unit but counts and FTEs, whose spread is mostly the authorities'
 *       size.</li>
 * </ul>
 * Judgements are by polarity: {@code favourable} / {@code unfavourable}, {@code high} / {@code low} for a neutral
 * indicator, {@code none} inside the limits. The pooled value, overdispersion, median and spread are the same for
 * every authority of a cross-section, so they are written once, to {@code gold.fact_cross_section}.
 */
public final class CrossSections {
    public static final List<String> CROSS_SECTION_KEY = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE,
            Columns.PERIOD_END);

    static final String CROSS_SECTION = "cross_section";

    /** The columns of the indicator values the analysis reads, in this order. */
    static final List<String> INPUT = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE, Columns.PERIOD_END,
            Geography.GEO_KEY, IndicatorValues.POLARITY, IndicatorValues.NUMERATOR, IndicatorValues.DENOMINATOR,
            Columns.VALUE);

    /** An authority's columns of {@code gold.fact_signal}. */
    static final List<String> AUTHORITY_COLUMNS = List.of(FactSignal.FUNNEL_VALUE, FactSignal.FUNNEL_Z,
            FactSignal.FUNNEL_LOWER_95, FactSignal.FUNNEL_UPPER_95, FactSignal.FUNNEL_LOWER_998,
            FactSignal.FUNNEL_UPPER_998, FactSignal.FUNNEL_POSITION_95, FactSignal.FUNNEL_POSITION_998,
            FactSignal.FUNNEL_JUDGEMENT_95, FactSignal.FUNNEL_JUDGEMENT_998, FactSignal.FUNNEL_EXCLUDED,
            FactSignal.OUTLIER_Z, FactSignal.OUTLIER_FLAG, FactSignal.OUTLIER_JUDGEMENT);

    /** What a cross-section shares: {@code gold.fact_cross_section}'s columns but its keys. */
    static final TableDef SHARED = new TableDef("detect.cross_section", "internal",
            "rows of the Detect stage's analysis", SeriesSignals.measures(FactCrossSection.TABLE).stream()
                    .map(FactCrossSection.TABLE::column).toList());

    /**
     * One row per authority and cross-section: the cross-section key, the authority, its columns, and on the first
     * authority of each cross-section only, {@link #SHARED} as a struct.
     */
    static final TableDef ANALYSED = analysed();

    private CrossSections() {
    }

    /**
     * Every cross-section of the authorities' available values analysed (schema {@link #ANALYSED}), in the
     * executors after one shuffle by cross-section. Indicators with neither a funnel plot nor outliers are left out
     * before the shuffle. The result feeds {@link #shared} and {@link #signals}; persist it to write both.
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
                .select(SeriesSignals.columns(INPUT));
        StructType keySchema = input.select(SeriesSignals.columns(CROSS_SECTION_KEY)).schema();
        return input.groupBy(SeriesSignals.columns(CROSS_SECTION_KEY))
                .as(Encoders.row(keySchema), Encoders.row(input.schema()))
                .flatMapGroups(new CrossSectionAnalysis(catalogue, options), Encoders.row(ANALYSED.schema()));
    }

    /**
     * {@code gold.fact_cross_section}'s rows: one per cross-section analysed, with the cross-section key
     * ({@link TableDef#conform} leaves it out).
     */
    public static Dataset<Row> shared(Dataset<Row> analysed) {
        List<Column> columns = new ArrayList<>(List.of(SeriesSignals.columns(CROSS_SECTION_KEY)));
        SHARED.columnNames().forEach(c -> columns.add(col(CROSS_SECTION + "." + c).as(c)));
        return analysed.filter(col(CROSS_SECTION).isNotNull()).select(columns.toArray(Column[]::new))
                .withColumn(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)))
                .withColumn(Star.PERIOD_KEY, Keys.period(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)));
    }

    /**
     * {@code gold.fact_signal}'s rows: the chart {@code points} (as {@link SeriesSignals#points} gives them) with each
     * authority's funnel and outlier columns, empty for the points of regions, England, values that are not
     * available and indicators compared neither way.
     */
    public static Dataset<Row> signals(Dataset<Row> points, Dataset<Row> analysed) {
        return points.join(authorityColumns(analysed), Seqs.of(SeriesSignals.KEYS), "left");
    }

    /**
     * As {@link #signals(Dataset, Dataset)}, with the funnel and outlier columns of the periods {@code analysed}
     * does not hold taken from {@code otherPeriods} (the star's three keys and {@link #AUTHORITY_COLUMNS}).
     */
    public static Dataset<Row> signals(Dataset<Row> points, Dataset<Row> analysed, Dataset<Row> otherPeriods) {
        return points.join(authorityColumns(analysed).unionByName(otherPeriods),
                Seqs.of(SeriesSignals.KEYS), "left");
    }

    private static Dataset<Row> authorityColumns(Dataset<Row> analysed) {
        return SeriesSignals.withKeys(analysed, col(Columns.PERIOD_END))
                .select(SeriesSignals.columns(SeriesSignals.concat(SeriesSignals.KEYS, AUTHORITY_COLUMNS)));
    }

    /** Each authority's funnel and outlier columns with the cross-section key and its {@code geo_key}. */
    public static Dataset<Row> authorities(Dataset<Row> analysed) {
        return analysed.drop(CROSS_SECTION);
    }

    private static TableDef analysed() {
        List<ColumnDef> columns = new ArrayList<>(List.of(
                ColumnDef.text(Columns.INDICATOR_ID, "The indicator"),
                ColumnDef.text(Columns.PERIOD_TYPE, "The period type"),
                ColumnDef.date(Columns.PERIOD_END, "The period's end"),
                ColumnDef.text(Geography.GEO_KEY, "The authority's DfE number")));
        AUTHORITY_COLUMNS.forEach(c -> columns.add(FactSignal.TABLE.column(c)));
        columns.add(new ColumnDef(CROSS_SECTION, SHARED.schema(), null, "What the cross-section shares, on its "
                + "first authority's row"));
        return new TableDef("detect.cross_section_authority", "internal", "rows of the Detect stage's analysis",
                columns);
    }
}

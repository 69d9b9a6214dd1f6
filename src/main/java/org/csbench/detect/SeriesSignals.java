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
import org.apache.spark.sql.types.StructType;

import org.csbench.contract.ColumnDef;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.contract.TableDef;
import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;

/**
 * indicator values -> one row per series with its XmR chart, Mann-Kendall trend and data-quality anomalies, and
 * what the star takes from it: {@code gold.fact_series_signal} (one row per series), the chart points of
 * {@code gold.fact_signal} and {@code gold.fact_data_quality} (one row per anomaly).
 *
 * <p>A series is one indicator for one area and period type ({@link #SERIES_KEY}): an LA's {@code geo_key} is its
 * old LA code, and a reorganised authority gets a new one, so no series crosses a boundary change; monthly and
 * annual values of an indicator are separate series. Regions and England have series too. The rows are shuffled
 * once by series and each group is analysed inside the executors by {@link SeriesAnalysis}, which calls the
 * pure-Java signals ({@code XmrChart}, {@code MannKendall}, the quality checks); the catalogue travels with the
 * function as a small serialisable map.
 *
 * <p>Values whose status is not {@code available} (suppressed, not available ...) are missing to the statistics;
 * they keep their chart point with point type {@code missing}. Enumerations are stored as codes
 * ({@link org.csbench.contract.CodeSet}, labelled in {@code gold.dim_code}).
 */
public final class SeriesSignals {
    public static final List<String> SERIES_KEY = List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL,
            Geography.GEO_KEY, Columns.PERIOD_TYPE);

    static final String FIRST_PERIOD_END = "first_period_end";
    static final String LAST_PERIOD_END = "last_period_end";
    static final String CHART = "chart";
    static final String ANOMALIES = "anomalies";

    /** The columns of the indicator values the analysis reads, in this order. */
    static final List<String> INPUT = List.of(Columns.INDICATOR_ID, Columns.GEOGRAPHIC_LEVEL, Geography.GEO_KEY,
            Columns.PERIOD_TYPE, Columns.PERIOD_END, Columns.VALUE, Columns.STATUS, IndicatorValues.POLARITY);

    private static final ColumnDef PERIOD_END = ColumnDef.date(Columns.PERIOD_END, "Last day of the period");

    /** The chart columns of {@code gold.fact_signal}. */
    static final List<String> POINT_COLUMNS = List.of(FactSignal.VALUE, FactSignal.SEGMENT, FactSignal.CENTRE_LINE,
            FactSignal.LOWER_LIMIT, FactSignal.UPPER_LIMIT, FactSignal.LOWER_INNER, FactSignal.UPPER_INNER,
            FactSignal.MOVING_RANGE, FactSignal.RULE, FactSignal.DIRECTION, FactSignal.POINT_TYPE);

    /** One chart point, as {@link SeriesAnalysis} builds it: the period and the chart columns. */
    static final TableDef POINT = internal("detect.spc_point", PERIOD_END, FactSignal.TABLE, POINT_COLUMNS);

    /** One anomaly: the period (for a gap, the period with no row) and the columns of the fact. */
    static final TableDef ANOMALY = internal("detect.anomaly", PERIOD_END, FactDataQuality.TABLE,
            measures(FactDataQuality.TABLE));

    /** One row per series: the series key, its first and last period, the summary, the points and the anomalies. */
    static final TableDef SERIES = series();

    private SeriesSignals() {
    }

    /**
     * Every series of {@code indicatorValues} analysed: one row per series (schema {@link #SERIES}), computed in
     * the executors after one shuffle by series. The result feeds the projections below; a caller that writes more
     * than one of them should persist it.
     */
    public static Dataset<Row> analyse(Dataset<Row> indicatorValues, Map<String, IndicatorSignals> catalogue,
            DetectOptions options) {
        Dataset<Row> input = indicatorValues.filter(col(Columns.PERIOD_END).isNotNull()).select(columns(INPUT));
        StructType keySchema = input.select(columns(SERIES_KEY)).schema();
        return input.groupBy(columns(SERIES_KEY))
                .as(Encoders.row(keySchema), Encoders.row(input.schema()))
                .mapGroups(new SeriesAnalysis(catalogue, options), Encoders.row(SERIES.schema()));
    }

    /**
     * {@code gold.fact_series_signal}'s rows: one per series, keyed by its last period, with the series key
     * ({@link TableDef#conform} leaves it out).
     */
    public static Dataset<Row> summaries(Dataset<Row> series) {
        return withKeys(series, col(LAST_PERIOD_END)).withColumn(FactSeriesSignal.FIRST_PERIOD_KEY,
                Keys.period(col(Columns.PERIOD_TYPE), col(FIRST_PERIOD_END)));
    }

    /**
     * One row per period of each series: the series key, the period's end, the star's keys and the chart columns
     * ({@link #POINT_COLUMNS}) of {@code gold.fact_signal}.
     */
    public static Dataset<Row> points(Dataset<Row> series) {
        return withKeys(nested(series, CHART, POINT), col(Columns.PERIOD_END));
    }

    /** {@code gold.fact_data_quality}'s rows: one per anomaly, with the series key and the period's end. */
    public static Dataset<Row> anomalies(Dataset<Row> series) {
        return withKeys(nested(series, ANOMALIES, ANOMALY), col(Columns.PERIOD_END));
    }

    /** The star's three keys of every fact. */
    static final List<String> KEYS = List.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY);

    /** The rows with the star's keys: their indicator, area ({@code geo_key}) and the period ending {@code end}. */
    static Dataset<Row> withKeys(Dataset<Row> rows, Column end) {
        return rows.withColumn(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)))
                .withColumn(Star.AREA_KEY, Keys.area(col(Geography.GEO_KEY)))
                .withColumn(Star.PERIOD_KEY, Keys.period(col(Columns.PERIOD_TYPE), end));
    }

    /** One row per element of the array column {@code array}: the series key and the element's fields. */
    private static Dataset<Row> nested(Dataset<Row> series, String array, TableDef element) {
        List<Column> exploded = new ArrayList<>(List.of(columns(SERIES_KEY)));
        exploded.add(explode(col(array)).as("_e"));
        List<Column> flat = new ArrayList<>(List.of(columns(SERIES_KEY)));
        for (String field : element.columnNames()) {
            flat.add(col("_e." + field).as(field));
        }
        return series.select(exploded.toArray(Column[]::new)).select(flat.toArray(Column[]::new));
    }

    private static TableDef series() {
        List<ColumnDef> columns = new ArrayList<>(List.of(
                ColumnDef.text(Columns.INDICATOR_ID, "The indicator"),
                ColumnDef.text(Columns.GEOGRAPHIC_LEVEL, "national, regional or local_authority"),
                ColumnDef.text(Geography.GEO_KEY, "The area's code"),
                ColumnDef.text(Columns.PERIOD_TYPE, "The series' period type"),
                ColumnDef.date(FIRST_PERIOD_END, "The first period's end"),
                ColumnDef.date(LAST_PERIOD_END, "The last period's end")));
        measures(FactSeriesSignal.TABLE).forEach(c -> columns.add(FactSeriesSignal.TABLE.column(c)));
        columns.add(new ColumnDef(CHART, new ArrayType(POINT.schema(), false), null, "One point per row"));
        columns.add(new ColumnDef(ANOMALIES, new ArrayType(ANOMALY.schema(), false), null, "The anomalies"));
        return new TableDef("detect.series", "one row per series", "A series analysed", columns);
    }

    /** A table of the analysis: {@code first}, then {@code names}' columns as {@code fact} describes them. */
    static TableDef internal(String name, ColumnDef first, TableDef fact, List<String> names) {
        List<ColumnDef> columns = new ArrayList<>(List.of(first));
        names.forEach(c -> columns.add(fact.column(c)));
        return new TableDef(name, "internal", "rows of the Detect stage's analysis", columns);
    }

    /** The columns of {@code table} that are not surrogate keys. */
    static List<String> measures(TableDef table) {
        return table.columnNames().stream().filter(c -> !c.endsWith("_key")).toList();
    }

    static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}

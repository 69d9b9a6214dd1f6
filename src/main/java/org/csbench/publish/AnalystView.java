package org.csbench.publish;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.contract.CodeSet;
import org.csbench.contract.ColumnDef;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.contract.TableDef;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.model.Columns;
import org.csbench.model.Seqs;

/**
 * The star's facts joined to their dimensions in the shape an analyst expects: one row per area, indicator and
 * period, with names, units, period labels and code labels rather than keys; an authority's row also carries its
 * statistical neighbours' average, region, England, rank, band, RAG and direction of travel
 * ({@code gold.fact_benchmark}). England and the regions have rows too (their comparator columns are empty).
 *
 * <p>{@link #COLUMNS} describes every column once: a column taken from a star column reuses that column's
 * description ({@link Star}); a decoded code column says so. Exports carry these descriptions with them. The keys
 * ({@link #KEYS}) stay on the rows for joins (disclosure control looks up earlier periods with them) and are left out
 * of what is exported ({@link #published}).
 */
public final class AnalystView {
    private AnalystView() {
    }

    // Area
    public static final String AREA_CODE = DimArea.AREA_CODE;
    public static final String AREA_NAME = DimArea.NAME;
    public static final String LEVEL = DimArea.LEVEL;
    public static final String REGION_CODE = DimArea.REGION_CODE;
    public static final String REGION_NAME = DimArea.REGION_NAME;
    public static final String COMPARATOR_REGION_CODE = DimArea.COMPARATOR_REGION_CODE;
    // Indicator
    public static final String INDICATOR_ID = DimIndicator.INDICATOR_ID;
    public static final String REF = DimIndicator.REF;
    public static final String INDICATOR_NAME = DimIndicator.NAME;
    public static final String UNIT = DimIndicator.UNIT;
    public static final String DECIMALS = DimIndicator.DECIMALS;
    public static final String POLARITY = DimIndicator.POLARITY;
    public static final String FREQUENCY = DimIndicator.FREQUENCY;
    public static final String NUMERATOR_MEASURE = DimIndicator.NUMERATOR;
    public static final String DENOMINATOR_MEASURE = DimIndicator.DENOMINATOR;
    public static final String SOURCES = DimIndicator.SOURCES;
    // Period
    public static final String PERIOD_TYPE = DimPeriod.TYPE;
    public static final String TIME_PERIOD = DimPeriod.TIME_PERIOD;
    public static final String PERIOD_LABEL = DimPeriod.LABEL;
    public static final String PERIOD_END = DimPeriod.END;
    public static final String FINANCIAL_YEAR = DimPeriod.FINANCIAL_YEAR;
    public static final String REPORTING_YEAR = DimPeriod.REPORTING_YEAR;
    // Value
    public static final String NUMERATOR = FactIndicatorValue.NUMERATOR;
    public static final String DENOMINATOR = FactIndicatorValue.DENOMINATOR;
    public static final String VALUE = FactIndicatorValue.VALUE;
    public static final String STATUS = "status";
    public static final String STATUS_REASON = "status_reason";
    public static final String VALUE_SOURCE = "value_source";
    // Benchmark (authorities only)
    public static final String SN_MODEL = FactBenchmark.SN_MODEL;
    public static final String SN_CODES = "sn_codes";
    public static final String SN_COUNT = FactBenchmark.SN_COUNT;
    public static final String SN_AVERAGE = FactBenchmark.SN_AVERAGE;
    public static final String REGION_VALUE = FactBenchmark.REGION_VALUE;
    public static final String ENGLAND_VALUE = FactBenchmark.ENGLAND_VALUE;
    public static final String GAP_TO_SN = FactBenchmark.gap("sn");
    public static final String GAP_TO_REGION = FactBenchmark.gap("region");
    public static final String GAP_TO_ENGLAND = FactBenchmark.gap("england");
    public static final String VS_SN = "vs_sn";
    public static final String VS_REGION = "vs_region";
    public static final String VS_ENGLAND = "vs_england";
    public static final String RANK = FactBenchmark.RANK;
    public static final String RANK_COUNT = FactBenchmark.RANK_COUNT;
    public static final String QUARTILE_BAND = "quartile_band";
    public static final String TARGET_LOW = FactBenchmark.TARGET_LOW;
    public static final String TARGET_HIGH = FactBenchmark.TARGET_HIGH;
    public static final String RAG = "rag";
    public static final String GAP_TO_TARGET = FactBenchmark.GAP_TO_TARGET;
    public static final String PREVIOUS_PERIOD_LABEL = "previous_period_label";
    public static final String PREVIOUS_VALUE = FactBenchmark.PREVIOUS_VALUE;
    public static final String DIRECTION_VS_PREVIOUS = "direction_vs_previous";
    public static final String LAST_YEAR_VALUE = FactBenchmark.LAST_YEAR_VALUE;
    public static final String DIRECTION_VS_LAST_YEAR = "direction_vs_last_year";

    /** The star keys the rows keep for joins; not exported. */
    public static final List<String> KEYS = List.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY,
            FactBenchmark.PREVIOUS_PERIOD_KEY, FactBenchmark.LAST_YEAR_PERIOD_KEY);

    private static final String LABEL_NOTE = " (the label of gold.%s.%s)";

    /** Every exported column, in order, with its description. */
    public static final List<ColumnDef> COLUMNS = List.of(
            star(DimArea.TABLE, AREA_CODE), star(DimArea.TABLE, AREA_NAME), star(DimArea.TABLE, LEVEL),
            star(DimArea.TABLE, REGION_CODE), star(DimArea.TABLE, REGION_NAME),
            star(DimArea.TABLE, COMPARATOR_REGION_CODE),
            star(DimIndicator.TABLE, INDICATOR_ID), star(DimIndicator.TABLE, REF),
            star(DimIndicator.TABLE, INDICATOR_NAME), star(DimIndicator.TABLE, UNIT),
            star(DimIndicator.TABLE, DECIMALS), star(DimIndicator.TABLE, POLARITY),
            star(DimIndicator.TABLE, FREQUENCY), star(DimIndicator.TABLE, NUMERATOR_MEASURE),
            star(DimIndicator.TABLE, DENOMINATOR_MEASURE), star(DimIndicator.TABLE, SOURCES),
            star(DimPeriod.TABLE, PERIOD_TYPE), star(DimPeriod.TABLE, TIME_PERIOD), star(DimPeriod.TABLE, PERIOD_LABEL),
            star(DimPeriod.TABLE, PERIOD_END), star(DimPeriod.TABLE, FINANCIAL_YEAR),
            star(DimPeriod.TABLE, REPORTING_YEAR),
            star(FactIndicatorValue.TABLE, NUMERATOR), star(FactIndicatorValue.TABLE, DENOMINATOR),
            star(FactIndicatorValue.TABLE, VALUE),
            label(FactIndicatorValue.TABLE, FactIndicatorValue.STATUS, STATUS),
            label(FactIndicatorValue.TABLE, FactIndicatorValue.STATUS_REASON, STATUS_REASON),
            label(FactIndicatorValue.TABLE, FactIndicatorValue.VALUE_SOURCE, VALUE_SOURCE),
            star(FactBenchmark.TABLE, SN_MODEL),
            ColumnDef.text(SN_CODES, "The authority's statistical neighbours under sn_model, closest first: their "
                    + "3-digit DfE numbers, comma-separated"),
            star(FactBenchmark.TABLE, SN_COUNT), star(FactBenchmark.TABLE, SN_AVERAGE),
            star(FactBenchmark.TABLE, REGION_VALUE), star(FactBenchmark.TABLE, ENGLAND_VALUE),
            star(FactBenchmark.TABLE, GAP_TO_SN), star(FactBenchmark.TABLE, GAP_TO_REGION),
            star(FactBenchmark.TABLE, GAP_TO_ENGLAND),
            label(FactBenchmark.TABLE, FactBenchmark.versus("sn"), VS_SN),
            label(FactBenchmark.TABLE, FactBenchmark.versus("region"), VS_REGION),
            label(FactBenchmark.TABLE, FactBenchmark.versus("england"), VS_ENGLAND),
            star(FactBenchmark.TABLE, RANK), star(FactBenchmark.TABLE, RANK_COUNT),
            label(FactBenchmark.TABLE, FactBenchmark.BAND, QUARTILE_BAND),
            star(FactBenchmark.TABLE, TARGET_LOW), star(FactBenchmark.TABLE, TARGET_HIGH),
            label(FactBenchmark.TABLE, FactBenchmark.RAG, RAG), star(FactBenchmark.TABLE, GAP_TO_TARGET),
            ColumnDef.text(PREVIOUS_PERIOD_LABEL, "The period before, as analysts write it (its "
                    + "gold.dim_period.period_label), when the series has it"),
            star(FactBenchmark.TABLE, PREVIOUS_VALUE),
            label(FactBenchmark.TABLE, FactBenchmark.PREVIOUS_DIRECTION, DIRECTION_VS_PREVIOUS),
            star(FactBenchmark.TABLE, LAST_YEAR_VALUE),
            label(FactBenchmark.TABLE, FactBenchmark.LAST_YEAR_DIRECTION, DIRECTION_VS_LAST_YEAR));

    /** The names of {@link #COLUMNS}, in order. */
    public static List<String> columnNames() {
        return COLUMNS.stream().map(ColumnDef::name).toList();
    }

    /** The description of an exported column. */
    public static ColumnDef column(String name) {
        return COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The analyst view has no column " + name));
    }

    private static ColumnDef star(TableDef table, String column) {
        return table.column(column);
    }

    /** A code column of the star, decoded to its label under a new name, with the star column's description. */
    private static ColumnDef label(TableDef table, String codeColumn, String name) {
        return ColumnDef.text(name, table.column(codeColumn).description()
                + String.format(LABEL_NOTE, table.name().substring("gold.".length()), codeColumn));
    }

    /** The star's tables the view is made from. */
    public record Inputs(Dataset<Row> values, Dataset<Row> benchmarks, Dataset<Row> indicators, Dataset<Row> areas,
            Dataset<Row> periods, Dataset<Row> neighbours) {
        /** Reads the published tables (and {@code reference.statistical_neighbour}) of a warehouse. */
        public static Inputs read(Warehouse warehouse) {
            return new Inputs(warehouse.read(FactIndicatorValue.TABLE.name()),
                    warehouse.read(FactBenchmark.TABLE.name()), warehouse.read(DimIndicator.TABLE.name()),
                    warehouse.read(DimArea.TABLE.name()), warehouse.read(DimPeriod.TABLE.name()),
                    warehouse.read(NeighbourTransform.TABLE));
        }
    }

    /** The view of a warehouse's star: {@link #build} on {@link Inputs#read}. */
    public static Dataset<Row> read(Warehouse warehouse) {
        return build(Inputs.read(warehouse));
    }

    /** The view: keys ({@link #KEYS}) then {@link #COLUMNS}. */
    public static Dataset<Row> build(Inputs in) {
        Dataset<Row> indicator = in.indicators().select(col(Star.INDICATOR_KEY), col(INDICATOR_ID), col(REF),
                col(INDICATOR_NAME), col(UNIT), col(DECIMALS), col(POLARITY), col(FREQUENCY), col(NUMERATOR_MEASURE),
                col(DENOMINATOR_MEASURE), col(SOURCES));
        Dataset<Row> area = in.areas().select(col(Star.AREA_KEY), col(AREA_CODE), col(AREA_NAME), col(LEVEL),
                col(REGION_CODE), col(REGION_NAME), col(COMPARATOR_REGION_CODE));
        Dataset<Row> period = in.periods().select(col(Star.PERIOD_KEY), col(PERIOD_TYPE), col(TIME_PERIOD),
                col(PERIOD_LABEL), col(PERIOD_END), col(FINANCIAL_YEAR), col(REPORTING_YEAR));
        Dataset<Row> previous = in.periods().select(col(Star.PERIOD_KEY).as("_previous_key"),
                col(PERIOD_LABEL).as(PREVIOUS_PERIOD_LABEL));
        Dataset<Row> values = in.values().select(col(Star.INDICATOR_KEY), col(Star.AREA_KEY), col(Star.PERIOD_KEY),
                col(NUMERATOR), col(DENOMINATOR), col(VALUE),
                CodeSet.STATUS.decode(col(FactIndicatorValue.STATUS)).as(STATUS),
                CodeSet.STATUS_REASON.decode(col(FactIndicatorValue.STATUS_REASON)).as(STATUS_REASON),
                CodeSet.VALUE_SOURCE.decode(col(FactIndicatorValue.VALUE_SOURCE)).as(VALUE_SOURCE));
        Dataset<Row> benchmarks = in.benchmarks().select(col(Star.INDICATOR_KEY), col(Star.AREA_KEY),
                col(Star.PERIOD_KEY), col(SN_MODEL), col(SN_COUNT), col(SN_AVERAGE), col(REGION_VALUE),
                col(ENGLAND_VALUE), col(GAP_TO_SN), col(GAP_TO_REGION), col(GAP_TO_ENGLAND),
                CodeSet.COMPARISON.decode(col(FactBenchmark.versus("sn"))).as(VS_SN),
                CodeSet.COMPARISON.decode(col(FactBenchmark.versus("region"))).as(VS_REGION),
                CodeSet.COMPARISON.decode(col(FactBenchmark.versus("england"))).as(VS_ENGLAND),
                col(RANK), col(RANK_COUNT), CodeSet.QUARTILE_BAND.decode(col(FactBenchmark.BAND)).as(QUARTILE_BAND),
                col(TARGET_LOW), col(TARGET_HIGH), CodeSet.RAG.decode(col(FactBenchmark.RAG)).as(RAG),
                col(GAP_TO_TARGET), col(FactBenchmark.PREVIOUS_PERIOD_KEY), col(PREVIOUS_VALUE),
                CodeSet.DIRECTION.decode(col(FactBenchmark.PREVIOUS_DIRECTION)).as(DIRECTION_VS_PREVIOUS),
                col(FactBenchmark.LAST_YEAR_PERIOD_KEY), col(LAST_YEAR_VALUE),
                CodeSet.DIRECTION.decode(col(FactBenchmark.LAST_YEAR_DIRECTION)).as(DIRECTION_VS_LAST_YEAR));
        Dataset<Row> joined = values
                .join(broadcast(indicator), Star.INDICATOR_KEY)
                .join(broadcast(area), Star.AREA_KEY)
                .join(broadcast(period), Star.PERIOD_KEY)
                .join(benchmarks, Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY), "left")
                .join(broadcast(previous), col(FactBenchmark.PREVIOUS_PERIOD_KEY).equalTo(col("_previous_key")),
                        "left")
                .join(broadcast(neighbourCodes(in.neighbours())),
                        col(AREA_CODE).equalTo(col("_sn_la")).and(col(SN_MODEL).equalTo(col("_sn_model"))), "left");
        List<Column> out = new ArrayList<>();
        KEYS.forEach(k -> out.add(col(k)));
        COLUMNS.forEach(c -> out.add(col(c.name()).cast(c.type()).as(c.name())));
        return joined.select(out.toArray(Column[]::new));
    }

    /** Per authority and neighbour model: the neighbours' DfE numbers, closest first, comma-separated. */
    private static Dataset<Row> neighbourCodes(Dataset<Row> neighbours) {
        Column ranked = struct(col(NeighbourTransform.RANK), col(NeighbourTransform.NEIGHBOUR_CODE));
        return neighbours.groupBy(col(Columns.OLD_LA_CODE).as("_sn_la"),
                        col(NeighbourTransform.MODEL).cast(DataTypes.IntegerType).as("_sn_model"))
                .agg(concat_ws(",", transform(array_sort(collect_list(ranked)),
                        x -> x.getField(NeighbourTransform.NEIGHBOUR_CODE))).as(SN_CODES));
    }

    /** The keys dropped: what an export writes. */
    public static Dataset<Row> published(Dataset<Row> rows) {
        return rows.drop(KEYS.toArray(String[]::new));
    }

    /**
     * The rows an analyst asked for: authorities (their DfE number; England and the regions are kept as
     * comparators when any authority is asked for), indicators, and periods ending from {@code from}'s start to
     * {@code to}'s end. An empty or null selection keeps everything.
     */
    public static Dataset<Row> filter(Dataset<Row> rows, Collection<String> areaCodes, Collection<String> indicatorIds,
            PeriodBound from, PeriodBound to) {
        Dataset<Row> kept = rows;
        if (areaCodes != null && !areaCodes.isEmpty()) {
            kept = kept.filter(col(AREA_CODE).isin(areaCodes.toArray()).or(col(LEVEL).notEqual("local_authority")));
        }
        if (indicatorIds != null && !indicatorIds.isEmpty()) {
            kept = kept.filter(col(INDICATOR_ID).isin(indicatorIds.toArray()));
        }
        if (from != null) {
            kept = kept.filter(col(PERIOD_END).geq(lit(java.sql.Date.valueOf(from.start()))));
        }
        if (to != null) {
            kept = kept.filter(col(PERIOD_END).leq(lit(java.sql.Date.valueOf(to.end()))));
        }
        return kept;
    }

    /**
     * A period as a user writes it on the command line: {@code 2024} (the reporting year to 31 March 2024),
     * {@code 2023-24} (the same year), or {@code 2023-09} (a month).
     */
    public record PeriodBound(String text, LocalDate start, LocalDate end) {
        private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(\\d{4})");
        private static final java.util.regex.Pattern FINANCIAL = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})");

        public static PeriodBound parse(String text) {
            String t = text == null ? "" : text.trim();
            java.util.regex.Matcher m = YEAR.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                return new PeriodBound(t, LocalDate.of(year - 1, 4, 1), LocalDate.of(year, 3, 31));
            }
            m = FINANCIAL.matcher(t);
            if (m.matches()) {
                int first = Integer.parseInt(m.group(1));
                int second = Integer.parseInt(m.group(2));
                if (second == (first + 1) % 100) {
                    return new PeriodBound(t, LocalDate.of(first, 4, 1), LocalDate.of(first + 1, 3, 31));
                }
                if (second >= 1 && second <= 12) {
                    LocalDate start = LocalDate.of(first, second, 1);
                    return new PeriodBound(t, start, start.withDayOfMonth(start.lengthOfMonth()));
                }
            }
            throw org.csbench.model.Errors.invalidArgument("Invalid period '" + text + "': expected a reporting year "
                    + "(2024), a financial year (2023-24) or a month (2023-09)");
        }
    }


}

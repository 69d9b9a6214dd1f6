package org.csbench.publish.report;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

import org.csbench.contract.Star;
import org.csbench.contract.Star.BridgeStatisticalNeighbour;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.delta.Warehouse;
import org.csbench.publish.AnalystView;
import org.csbench.publish.disclosure.Disclosure;
import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;
import org.csbench.model.Errors;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Seqs;

/**
 * What the reports read from the star, in one query for all authorities in scope: one row per authority with its
 * benchmark rows (every indicator and period), its neighbours' values in each indicator's latest period, and its
 * detection signals ({@link DetectSignals}) as arrays. The filtering, joining and grouping run in Spark; the driver
 * iterates the result one authority at a time ({@link Dataset#toLocalIterator()}), so it holds one report's rows.
 */
public final class ReportQuery {
    private static final String LA = GeographicLevel.LOCAL_AUTHORITY.code();
    private static final String REPORTING_YEAR = "reporting_year";
    private static final String PREVIOUS_KEY = "_previous_key";
    private static final String LATEST_END = "_latest_end";
    private static final String NEIGHBOUR_KEY = "_neighbour_key";

    private ReportQuery() {
    }

    /**
     * The year reports treat as latest: {@code period} when given (it must be one the warehouse has), else the year
     * the latest reporting year (to 31 March) ends in. Reports show the periods that end in that year or before: the
     * reporting year to 31 March, and the months and censuses (30 September) of that calendar year.
     */
    public static int latestYear(Warehouse warehouse, Integer period) {
        Dataset<Row> years = warehouse.read(DimPeriod.TABLE.name())
                .filter(col(DimPeriod.TYPE).equalTo(REPORTING_YEAR)).select(year(col(DimPeriod.END)).as("_year"));
        Row range = years.agg(org.apache.spark.sql.functions.min("_year"), max("_year")).first();
        if (range.isNullAt(1)) {
            throw Errors.invalidArgument("the warehouse has no periods (gold.dim_period is empty): run csbench run "
                    + "first");
        }
        int first = range.getInt(0);
        int last = range.getInt(1);
        if (period == null) {
            return last;
        }
        if (period < first || period > last) {
            throw Errors.invalidArgument(String.format("--period %d: the warehouse has reporting years %d to %d; "
                    + "give one of them (2024 is the year to 31 March 2024)", period, first, last));
        }
        return period;
    }

    /**
     * The authorities in scope (area code, name, region, key): {@code codes}, each of which must be an authority of
     * {@code gold.dim_area}, or when {@code codes} is empty every authority that exists in {@code year}.
     */
    public static Dataset<Row> areas(Warehouse warehouse, List<String> codes, int year) {
        Dataset<Row> authorities = warehouse.read(DimArea.TABLE.name()).filter(col(DimArea.LEVEL).equalTo(LA));
        Dataset<Row> chosen;
        if (codes.isEmpty()) {
            chosen = authorities.filter(col(DimArea.FIRST_YEAR).isNull().or(col(DimArea.FIRST_YEAR).leq(year))
                    .and(col(DimArea.LAST_YEAR).isNull().or(col(DimArea.LAST_YEAR).geq(year))));
        } else {
            chosen = authorities.filter(col(DimArea.AREA_CODE).isin(codes.toArray()));
            Set<String> found = new TreeSet<>();
            for (Row row : chosen.select(DimArea.AREA_CODE).collectAsList()) {
                found.add(row.getString(0));
            }
            List<String> unknown = new ArrayList<>(codes);
            unknown.removeAll(found);
            if (!unknown.isEmpty()) {
                throw Errors.invalidArgument(String.format("--la %s: not an authority of gold.dim_area; give a "
                        + "3-digit DfE number such as 352 (Manchester), or --all", String.join(", ", unknown)));
            }
        }
        return chosen.select(col(Star.AREA_KEY), col(DimArea.AREA_CODE).as(ReportColumns.AREA_CODE),
                col(DimArea.NAME).as(ReportColumns.AREA_NAME), col(DimArea.REGION_NAME).as(ReportColumns.REGION_NAME),
                col(DimArea.OLD_LA_CODE));
    }

    /**
     * The report's dimensions (the authorities of {@code areas} ({@link #areas}), every indicator, and the periods
     * that end in {@code year} or before) and the star's values as they may leave the warehouse at {@code level}
     * (the analyst view after disclosure control). The caller unpersists {@link DetectSignals.Scope#disclosed}.
     */
    public static DetectSignals.Scope scope(Warehouse warehouse, Dataset<Row> areas, int year,
            DisclosureRules rules, DisclosureLevel level) {
        Dataset<Row> periods = warehouse.read(DimPeriod.TABLE.name())
                .filter(year(col(DimPeriod.END)).leq(year))
                .select(col(Star.PERIOD_KEY), col(DimPeriod.TYPE).as(ReportColumns.PERIOD_TYPE),
                        col(DimPeriod.END).as(ReportColumns.PERIOD_END),
                        col(DimPeriod.LABEL).as(ReportColumns.PERIOD_LABEL));
        Dataset<Row> indicators = warehouse.read(DimIndicator.TABLE.name())
                .select(col(Star.INDICATOR_KEY), col(DimIndicator.INDICATOR_ID).as(ReportColumns.INDICATOR_ID));
        // Disclosure control needs every area (a region's total and its authorities' counts): the view is made whole,
        // then filtered. Persisted: the benchmark rows, the neighbours and the signals' suppression all read it.
        Dataset<Row> disclosed = Disclosure.apply(AnalystView.read(warehouse), rules, level)
                .withColumn(ReportColumns.VALUE_SUPPRESSED, array_contains(col(Disclosure.SUPPRESSED_COLUMNS),
                        AnalystView.VALUE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        return new DetectSignals.Scope(areas.select(Star.AREA_KEY, ReportColumns.AREA_CODE, ReportColumns.AREA_NAME),
                indicators, periods, disclosed);
    }

    /**
     * One row per authority of {@code areas} ({@link #areas}), ordered by name: its name and region, and the arrays
     * {@link ReportColumns#VALUES}, {@link ReportColumns#NEIGHBOURS}, {@link ReportColumns#SIGNALS},
     * {@link ReportColumns#SPC} and {@link ReportColumns#FUNNELS}, with the periods of {@code scope}.
     */
    public static Dataset<Row> authorities(Warehouse warehouse, Dataset<Row> areas, DetectSignals.Scope scope) {
        Dataset<Row> quartiles = warehouse.read(FactBenchmark.TABLE.name()).select(col(Star.INDICATOR_KEY),
                col(Star.AREA_KEY), col(Star.PERIOD_KEY), col(FactBenchmark.Q25), col(FactBenchmark.Q50),
                col(FactBenchmark.Q75));
        Dataset<Row> authorities = scope.disclosed().filter(col(AnalystView.LEVEL).equalTo(LA));
        Dataset<Row> benchmark = authorities
                .join(broadcast(scope.areas().select(Star.AREA_KEY)), Star.AREA_KEY)
                .join(broadcast(scope.periods().select(Star.PERIOD_KEY)), Star.PERIOD_KEY)
                .join(quartiles, Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY), "left");

        Dataset<Row> grouped = benchmark.groupBy(col(ReportColumns.AREA_CODE))
                .agg(collect_list(valueRow()).as(ReportColumns.VALUES));
        Dataset<Row> neighbours = neighbours(warehouse, benchmark, authorities)
                .groupBy(col(ReportColumns.AREA_CODE)).agg(collect_list(col(ReportColumns.ROW))
                        .as(ReportColumns.NEIGHBOURS));
        Dataset<Row> signals = DetectSignals.series(warehouse, scope).groupBy(col(ReportColumns.AREA_CODE))
                .agg(collect_list(col(ReportColumns.SIGNAL)).as(ReportColumns.SIGNALS));
        Dataset<Row> spc = DetectSignals.spcPoints(warehouse, scope).groupBy(col(ReportColumns.AREA_CODE))
                .agg(collect_list(col(ReportColumns.POINT)).as(ReportColumns.SPC));
        Dataset<Row> funnels = DetectSignals.funnel(warehouse, scope).groupBy(col(ReportColumns.AREA_CODE))
                .agg(collect_list(col(ReportColumns.FUNNEL)).as(ReportColumns.FUNNELS));

        return areas.select(ReportColumns.AREA_CODE, ReportColumns.AREA_NAME, ReportColumns.REGION_NAME)
                .join(grouped, Seqs.of(ReportColumns.AREA_CODE), "left")
                .join(neighbours, Seqs.of(ReportColumns.AREA_CODE), "left")
                .join(signals, Seqs.of(ReportColumns.AREA_CODE), "left")
                .join(spc, Seqs.of(ReportColumns.AREA_CODE), "left")
                .join(funnels, Seqs.of(ReportColumns.AREA_CODE), "left")
                .orderBy(col(ReportColumns.AREA_NAME), col(ReportColumns.AREA_CODE));
    }

    /** One benchmark row as the report reads it: codes as their labels. */
    private static Column valueRow() {
        return struct(col(AnalystView.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                col(AnalystView.PERIOD_TYPE).as(ReportColumns.PERIOD_TYPE),
                col(AnalystView.PERIOD_END).as(ReportColumns.PERIOD_END),
                col(AnalystView.PERIOD_LABEL).as(ReportColumns.PERIOD_LABEL),
                col(AnalystView.VALUE).as(ReportColumns.VALUE),
                col(AnalystView.STATUS).as(ReportColumns.STATUS),
                col(AnalystView.SN_AVERAGE).as(ReportColumns.SN_AVERAGE),
                col(AnalystView.SN_COUNT).as(ReportColumns.SN_COUNT),
                col(AnalystView.REGION_VALUE).as(ReportColumns.REGION_VALUE),
                col(AnalystView.ENGLAND_VALUE).as(ReportColumns.ENGLAND_VALUE),
                col(AnalystView.RANK).as(ReportColumns.RANK),
                col(AnalystView.RANK_COUNT).as(ReportColumns.RANK_COUNT),
                col(FactBenchmark.Q25).as(ReportColumns.Q25),
                col(FactBenchmark.Q50).as(ReportColumns.Q50),
                col(FactBenchmark.Q75).as(ReportColumns.Q75),
                col(AnalystView.QUARTILE_BAND).as(ReportColumns.BAND),
                col(AnalystView.TARGET_LOW).as(ReportColumns.TARGET_LOW),
                col(AnalystView.TARGET_HIGH).as(ReportColumns.TARGET_HIGH),
                col(AnalystView.RAG).as(ReportColumns.RAG),
                col(AnalystView.PREVIOUS_PERIOD_LABEL).as(ReportColumns.PREVIOUS_LABEL),
                col(AnalystView.PREVIOUS_VALUE).as(ReportColumns.PREVIOUS_VALUE),
                col(AnalystView.DIRECTION_VS_PREVIOUS).as(ReportColumns.DIRECTION),
                col(AnalystView.VS_SN).as(ReportColumns.VS_SN),
                col(AnalystView.VS_REGION).as(ReportColumns.VS_REGION),
                col(AnalystView.VS_ENGLAND).as(ReportColumns.VS_ENGLAND));
    }

    /**
     * Each authority's statistical neighbours (the model in force for the period) with their disclosed values, in each
     * indicator's latest period in scope: columns {@link ReportColumns#AREA_CODE} and the struct
     * {@link ReportColumns#ROW}.
     */
    private static Dataset<Row> neighbours(Warehouse warehouse, Dataset<Row> benchmark, Dataset<Row> values) {
        WindowSpec series = Window.partitionBy(col(Star.AREA_KEY), col(Star.INDICATOR_KEY));
        Dataset<Row> latest = benchmark.filter(col(AnalystView.SN_MODEL).isNotNull())
                .withColumn(LATEST_END, max(col(AnalystView.PERIOD_END)).over(series))
                .filter(col(AnalystView.PERIOD_END).equalTo(col(LATEST_END)))
                .select(col(ReportColumns.AREA_CODE), col(Star.AREA_KEY), col(Star.INDICATOR_KEY),
                        col(AnalystView.INDICATOR_ID).as(ReportColumns.INDICATOR_ID), col(Star.PERIOD_KEY),
                        col(AnalystView.SN_MODEL));
        Dataset<Row> pairs = warehouse.read(BridgeStatisticalNeighbour.TABLE.name()).select(
                col(Star.AREA_KEY).as("_sn_area"), col(BridgeStatisticalNeighbour.MODEL).as("_sn_model"),
                col(BridgeStatisticalNeighbour.RANK).as(ReportColumns.NEIGHBOUR_RANK),
                col(BridgeStatisticalNeighbour.NEIGHBOUR_AREA_KEY).as(NEIGHBOUR_KEY));
        Dataset<Row> names = warehouse.read(DimArea.TABLE.name()).select(col(Star.AREA_KEY).as("_neighbour_area"),
                col(DimArea.AREA_CODE).as(ReportColumns.NEIGHBOUR_CODE),
                col(DimArea.NAME).as(ReportColumns.NEIGHBOUR_NAME));
        Dataset<Row> neighbourValues = values.select(col(Star.INDICATOR_KEY).as("_nv_indicator"),
                col(Star.AREA_KEY).as("_nv_area"), col(Star.PERIOD_KEY).as("_nv_period"),
                col(AnalystView.VALUE).as(ReportColumns.VALUE), col(AnalystView.STATUS).as(ReportColumns.STATUS));
        return latest
                .join(broadcast(pairs), col(Star.AREA_KEY).equalTo(col("_sn_area"))
                        .and(col(AnalystView.SN_MODEL).equalTo(col("_sn_model"))))
                .join(broadcast(names), col(NEIGHBOUR_KEY).equalTo(col("_neighbour_area")))
                .join(neighbourValues, col(Star.INDICATOR_KEY).equalTo(col("_nv_indicator"))
                        .and(col(NEIGHBOUR_KEY).equalTo(col("_nv_area")))
                        .and(col(Star.PERIOD_KEY).equalTo(col("_nv_period"))), "left")
                .select(col(ReportColumns.AREA_CODE), struct(col(ReportColumns.INDICATOR_ID),
                        col(ReportColumns.NEIGHBOUR_RANK), col(ReportColumns.NEIGHBOUR_CODE),
                        col(ReportColumns.NEIGHBOUR_NAME), col(ReportColumns.VALUE), col(ReportColumns.STATUS))
                        .as(ReportColumns.ROW));
    }

    /** The indicators' descriptions (one row per catalogue indicator: a few dozen). */
    public static List<Row> indicators(Warehouse warehouse) {
        return warehouse.read(DimIndicator.TABLE.name()).select(col(DimIndicator.INDICATOR_ID),
                col(DimIndicator.NAME), col(DimIndicator.UNIT), col(DimIndicator.POLARITY),
                col(DimIndicator.FREQUENCY), col(DimIndicator.DECIMALS)).collectAsList();
    }

}

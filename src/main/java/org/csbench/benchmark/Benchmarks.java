package org.csbench.benchmark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.config.Catalogue;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.delta.SparkSessions;
import org.csbench.metrics.Dimensions;
import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Projections;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;
import org.csbench.model.Seqs;

/**
 * indicator values -> {@code gold.fact_benchmark}: one row per local authority, catalogue indicator and
 * period with every comparison a scorecard or a ChAT-style pack shows: the statistical-neighbour average (model
 * in force that year), the region and England (their own published rows where usable, otherwise aggregated from
 * the authorities), the comparators a council's monthly extract carries, the gap to each (absolute, relative,
 * better / worse / similar by polarity), rank and LAIT quartile band among all authorities, target and RAG, and
 * direction of travel against the previous period and the same period last year.
 *
 * <p>Authorities appear only in reporting years they exist ({@code reference.la_code_change}); suppressed or
 * missing values are left out of every average, rank and quartile, and each comparator records how many values
 * it used.
 */
public final class Benchmarks {
    public static final String REPORTING_YEAR = "reporting_year";
    public static final String COMPARATOR_REGION = "comparator_region_code";
    public static final String REGION_VALUE = "region_value";
    public static final String REGION_SOURCE = "region_source";
    public static final String REGION_COUNT = "region_count";
    public static final String ENGLAND_VALUE = "england_value";
    public static final String ENGLAND_SOURCE = "england_source";
    public static final String ENGLAND_COUNT = "england_count";
    /** True for an authority row with a value that takes part in averages, ranks and quartiles. */
    static final String USABLE = "_usable";

    static final String NUMERATOR = IndicatorValues.NUMERATOR;
    static final String DENOMINATOR = IndicatorValues.DENOMINATOR;

    private Benchmarks() {
    }

    /**
     * The reporting year (financial year ending 31 March) a period falls in: a period ending in April-December of
     * year N belongs to reporting year N+1, one ending January-March N to N. Neighbour models and boundary changes
     * are dated in reporting years.
     */
    public static Column reportingYear(Column periodEnd) {
        return Dimensions.financialYearEnd(periodEnd);
    }

    /**
     * @param values      {@code gold.indicator_value}
     * @param neighbours  {@code reference.statistical_neighbour}
     * @param codeChanges {@code reference.la_code_change}
     * @param scorecards  {@code silver.scorecard_indicator}, or null when no extract was loaded
     * @param catalogue   the indicator catalogue (polarity, comparator method, targets)
     */
    public static Dataset<Row> compute(Dataset<Row> values, Dataset<Row> neighbours, Dataset<Row> codeChanges,
            Dataset<Row> scorecards, Catalogue catalogue) {
        return compute(values, neighbours, codeChanges, scorecards, catalogue, OUTPUT);
    }

    /**
     * {@code gold.fact_benchmark} from the same inputs as {@link #compute}: {@code fact(compute(...))}, without the
     * authority's and indicator's names and labels, which the fact does not keep and which would otherwise travel
     * through the shuffle and the last stage in every row ({@code BenchmarkJobTest} compares the two).
     */
    public static Dataset<Row> fact(Dataset<Row> values, Dataset<Row> neighbours, Dataset<Row> codeChanges,
            Dataset<Row> scorecards, Catalogue catalogue) {
        return fact(compute(values, neighbours, codeChanges, scorecards, catalogue, FACT_INPUT));
    }

    private static Dataset<Row> compute(Dataset<Row> values, Dataset<Row> neighbours, Dataset<Row> codeChanges,
            Dataset<Row> scorecards, Catalogue catalogue, List<String> output) {
        Dataset<Row> rules = broadcast(IndicatorRules.table(values.sparkSession(), catalogue));
        Dataset<Row> withRules = values.select(INPUT.stream().map(c -> col(c)).toArray(Column[]::new))
                .join(rules, Columns.INDICATOR_ID);
        // The authority rows move once, to partitions by indicator and period, where each meets its period's
        // summary (neighbour values, ranks, quartiles, England), aggregated from the same rows partitioned the same
        // way, and its direction of travel. Travel needs each series in time order, so it is worked out on narrow
        // rows (keys, value, status) sorted by series and sent to the same partitions: the wide rows are neither
        // sorted nor moved twice. Explicit partition counts: adaptive execution would otherwise coalesce each shuffle
        // into one task and leave a core idle.
        Dataset<Row> pairs = NeighbourAverages.inForce(neighbours);
        NeighbourAverages.Keys keys = NeighbourAverages.Keys.of(pairs);
        int partitions = SparkSessions.shufflePartitions(values.sparkSession());
        Dataset<Row> authorities = Boundaries.attach(withRules
                        .filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo(GeographicLevel.LOCAL_AUTHORITY.code()))
                        .withColumn(REPORTING_YEAR, reportingYear(col(Columns.PERIOD_END))), codeChanges)
                .filter(Boundaries.exists(col(REPORTING_YEAR)))
                .withColumn(USABLE, col(Columns.STATUS).equalTo(Status.AVAILABLE.code()).and(col(Columns.VALUE).isNotNull()))
                .withColumn(COMPARATOR_REGION, AreaComparators.parentRegion(col(Columns.REGION_CODE)));
        Column[] periodKey = {col(Columns.INDICATOR_ID), col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)};
        // What needs no other authority (the areas' published values, the extract's comparators, target and RAG,
        // the gaps to the extract's comparators) is worked out before the rows move.
        Dataset<Row> attached = againstOwnComparators(withExtract(AreaComparators.withPublished(authorities, withRules),
                scorecards, catalogue));
        Dataset<Row> byPeriod = attached.join(broadcast(keys.table()),
                        col(Columns.OLD_LA_CODE).equalTo(col(NeighbourAverages.KEY_CODE)), "left")
                .drop(NeighbourAverages.KEY_CODE)
                .join(broadcast(NeighbourAverages.models(pairs, keys)), col(Columns.OLD_LA_CODE).equalTo(col("_sn_la"))
                        .and(col(REPORTING_YEAR).equalTo(col("_sn_model_year"))), "left")
                .drop("_sn_la", "_sn_model_year");
        // What the rows only carry from here on travels as one struct: the last stage runs operator by operator
        // (see BenchmarkJob) and each operator copies its row, one value rather than 26.
        List<String> carriedNames = CARRIED.stream().filter(output::contains).toList();
        Column[] carried = carriedNames.stream().map(c -> col(c)).toArray(Column[]::new);
        byPeriod = byPeriod.withColumn(CARRIED_STRUCT, struct(carried))
                .drop(CARRIED.toArray(String[]::new))
                .repartition(partitions, periodKey);
        Dataset<Row> summaries = PeriodSummaries.periods(byPeriod);
        Dataset<Row> travel = Travel.earlier(authorities, partitions);

        Dataset<Row> la = Travel.withDirections(byPeriod.join(travel.hint("shuffle_hash"),
                        col(Columns.INDICATOR_ID).equalTo(col(Travel.ID))
                        .and(col(Columns.PERIOD_TYPE).equalTo(col(Travel.TYPE)))
                        .and(col(Columns.PERIOD_END).equalTo(col(Travel.END)))
                        .and(col(Columns.OLD_LA_CODE).equalTo(col(Travel.LA))), "left")
                .drop(Travel.ID, Travel.TYPE, Travel.END, Travel.LA));
        Dataset<Row> summarised = la.join(summaries.hint("shuffle_hash"), col(Columns.INDICATOR_ID)
                        .equalTo(col(PeriodSummaries.ID)).and(col(Columns.PERIOD_TYPE).equalTo(col(PeriodSummaries.TYPE)))
                        .and(col(Columns.PERIOD_END).equalTo(col(PeriodSummaries.END))), "left")
                .drop(PeriodSummaries.ID, PeriodSummaries.TYPE, PeriodSummaries.END);
        // The period's lists are read in the first step after the join and not carried any further.
        Dataset<Row> looked = summarised.select(col("*"), NeighbourAverages.found(keys.most()).as(NeighbourAverages.FOUND),
                        Ranking.rank().as(Ranking.RANK), AreaComparators.regionFound().as(AreaComparators.REGION_FOUND))
                .drop(PeriodSummaries.VALUES, PeriodSummaries.ORDER, PeriodSummaries.REGIONS);
        Dataset<Row> compared = NeighbourAverages.withAverages(looked, keys.most());
        Dataset<Row> ranked = Ranking.ranked(compared);
        Dataset<Row> joined = AreaComparators.withAreas(ranked);

        LinkedHashMap<String, Column> comparators = new LinkedHashMap<>();
        comparators.put("sn", col(NeighbourAverages.AVERAGE));
        comparators.put("region", col(REGION_VALUE));
        comparators.put("england", col(ENGLAND_VALUE));
        return Gaps.add(joined, comparators).select(output.stream()
                .map(c -> CARRIED.contains(c) ? col(CARRIED_STRUCT + "." + c).as(c) : col(c))
                .toArray(Column[]::new));
    }

    /** Benchmark rows (as {@link #compute} gives them) as {@code gold.fact_benchmark}: keys, measures and codes. */
    public static Dataset<Row> fact(Dataset<Row> rows) {
        LinkedHashMap<String, Column> keys = new LinkedHashMap<>();
        keys.put(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)));
        keys.put(Star.AREA_KEY, Keys.area(col(Columns.OLD_LA_CODE)));
        keys.put(Star.PERIOD_KEY, Keys.period(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)));
        keys.put(FactBenchmark.REGION_AREA_KEY, Keys.area(col(COMPARATOR_REGION)));
        keys.put(FactBenchmark.REGION_SOURCE, CodeSet.COMPARATOR_SOURCE.encode(col(REGION_SOURCE)));
        keys.put(FactBenchmark.ENGLAND_SOURCE, CodeSet.COMPARATOR_SOURCE.encode(col(ENGLAND_SOURCE)));
        keys.put(FactBenchmark.BAND, CodeSet.QUARTILE_BAND.encode(col(Ranking.BAND)));
        keys.put(FactBenchmark.TARGET_SOURCE, CodeSet.TARGET_SOURCE.encode(col(Rag.TARGET_SOURCE)));
        keys.put(FactBenchmark.RAG, CodeSet.RAG.encode(col(Rag.RAG)));
        keys.put(FactBenchmark.PREVIOUS_PERIOD_KEY, when(col(Travel.PREVIOUS_FOUND),
                Keys.period(col(Columns.PERIOD_TYPE), col(Travel.PREVIOUS_END))));
        keys.put(FactBenchmark.PREVIOUS_DIRECTION, CodeSet.DIRECTION.encode(col(Travel.PREVIOUS_DIRECTION)));
        keys.put(FactBenchmark.PREVIOUS_REASON, CodeSet.DIRECTION_REASON.encode(col(Travel.PREVIOUS_REASON_LABEL)));
        keys.put(FactBenchmark.LAST_YEAR_PERIOD_KEY, when(col(Travel.LAST_YEAR_FOUND),
                Keys.period(col(Columns.PERIOD_TYPE), col(Travel.LAST_YEAR_END))));
        keys.put(FactBenchmark.LAST_YEAR_DIRECTION, CodeSet.DIRECTION.encode(col(Travel.LAST_YEAR_DIRECTION)));
        keys.put(FactBenchmark.LAST_YEAR_REASON, CodeSet.DIRECTION_REASON.encode(col(Travel.LAST_YEAR_REASON_LABEL)));
        for (String comparator : FactBenchmark.COMPARATORS) {
            keys.put(FactBenchmark.versus(comparator), CodeSet.COMPARISON.encode(col("vs_" + comparator)));
        }
        Dataset<Row> keyed = Projections.withColumns(rows, keys);
        return FactBenchmark.TABLE.conform(keyed);
    }

    /** The columns read from the indicator values. */
    static final List<String> INPUT = List.of(Columns.INDICATOR_ID, Columns.UNIT, Columns.PERIOD_TYPE,
            Columns.TIME_PERIOD, Columns.PERIOD_END, Columns.GEOGRAPHIC_LEVEL, Geography.GEO_KEY, Columns.REGION_CODE,
            Columns.REGION_NAME, Columns.OLD_LA_CODE, Columns.NEW_LA_CODE, Columns.LA_NAME, NUMERATOR, DENOMINATOR,
            Columns.VALUE, IndicatorValues.VALUE_SOURCE, Columns.STATUS);

    /** Output columns worked out or read before the shuffle and not read after it: carried as one struct. */
    private static final List<String> CARRIED = List.of(IndicatorRules.REF, IndicatorRules.POLARITY, Columns.UNIT,
            Columns.TIME_PERIOD, Columns.NEW_LA_CODE, Columns.LA_NAME, Columns.REGION_CODE, Columns.REGION_NAME,
            NeighbourAverages.MODEL,
            ExtractComparators.SN, "gap_to_extract_sn", "gap_to_extract_sn_pct", "vs_extract_sn",
            ExtractComparators.REGION, "gap_to_extract_region", "gap_to_extract_region_pct", "vs_extract_region",
            ExtractComparators.ENGLAND, "gap_to_extract_england", "gap_to_extract_england_pct", "vs_extract_england",
            Rag.TARGET_LOW, Rag.TARGET_HIGH, Rag.TARGET_SOURCE, Rag.RAG, Rag.GAP);
    private static final String CARRIED_STRUCT = "_carried";

    /** The columns {@link #compute} gives, in order. */
    public static final List<String> OUTPUT = List.of(
            Columns.INDICATOR_ID, IndicatorRules.REF, IndicatorRules.POLARITY, Columns.UNIT, Columns.PERIOD_TYPE,
            Columns.TIME_PERIOD, Columns.PERIOD_END, REPORTING_YEAR, Columns.OLD_LA_CODE, Columns.NEW_LA_CODE,
            Columns.LA_NAME, Columns.REGION_CODE, Columns.REGION_NAME, COMPARATOR_REGION, Columns.VALUE, Columns.STATUS,
            IndicatorRules.DECIMALS,
            NeighbourAverages.MODEL, NeighbourAverages.EXPECTED, NeighbourAverages.USED, IndicatorRules.METHOD,
            NeighbourAverages.AVERAGE, "gap_to_sn", "gap_to_sn_pct", "vs_sn",
            REGION_VALUE, REGION_SOURCE, REGION_COUNT, "gap_to_region", "gap_to_region_pct", "vs_region",
            ENGLAND_VALUE, ENGLAND_SOURCE, ENGLAND_COUNT, "gap_to_england", "gap_to_england_pct", "vs_england",
            ExtractComparators.SN, "gap_to_extract_sn", "gap_to_extract_sn_pct", "vs_extract_sn",
            ExtractComparators.REGION, "gap_to_extract_region", "gap_to_extract_region_pct", "vs_extract_region",
            ExtractComparators.ENGLAND, "gap_to_extract_england", "gap_to_extract_england_pct", "vs_extract_england",
            Ranking.RANK, Ranking.RANKED, Ranking.Q25, Ranking.Q50, Ranking.Q75, Ranking.QUARTILE, Ranking.BAND,
            Rag.TARGET_LOW, Rag.TARGET_HIGH, Rag.TARGET_SOURCE, IndicatorRules.TOLERANCE_PCT, Rag.RAG, Rag.GAP,
            Travel.PREVIOUS_END, Travel.PREVIOUS_VALUE, Travel.PREVIOUS_DIRECTION, Travel.PREVIOUS_REASON,
            Travel.LAST_YEAR_END, Travel.LAST_YEAR_VALUE, Travel.LAST_YEAR_DIRECTION, Travel.LAST_YEAR_REASON,
            Travel.PREVIOUS_REASON_LABEL, Travel.PREVIOUS_FOUND, Travel.LAST_YEAR_REASON_LABEL, Travel.LAST_YEAR_FOUND);

    /** {@link #OUTPUT} less what {@link #fact(Dataset)} does not read: names, labels and the indicator's attributes. */
    private static final List<String> FACT_INPUT = OUTPUT.stream().filter(c -> !List.of(IndicatorRules.REF,
            IndicatorRules.POLARITY, Columns.UNIT, Columns.TIME_PERIOD, Columns.NEW_LA_CODE, Columns.LA_NAME,
            Columns.REGION_CODE, Columns.REGION_NAME, IndicatorRules.TOLERANCE_PCT).contains(c)).toList();

    /**
     * What compares a row with its own comparators only (target and RAG, the gaps to the extract's comparators):
     * worked out before the rows move, where the code is compiled whole, leaving less to the last stage.
     */
    private static Dataset<Row> againstOwnComparators(Dataset<Row> rows) {
        LinkedHashMap<String, Column> targets = new LinkedHashMap<>();
        targets.put(Rag.TARGET_LOW, coalesce(col(ExtractComparators.TARGET_LOW), col(IndicatorRules.CATALOGUE_TARGET_LOW)));
        targets.put(Rag.TARGET_HIGH, coalesce(col(ExtractComparators.TARGET_HIGH), col(IndicatorRules.CATALOGUE_TARGET_HIGH)));
        targets.put(Rag.TARGET_SOURCE, when(col(ExtractComparators.TARGET_LOW).isNotNull(), lit("extract"))
                .when(col(IndicatorRules.CATALOGUE_TARGET_LOW).isNotNull(), lit("catalogue")));
        Dataset<Row> rated = Rag.rate(Projections.withColumns(rows, targets));
        LinkedHashMap<String, Column> comparators = new LinkedHashMap<>();
        comparators.put("extract_sn", col(ExtractComparators.SN));
        comparators.put("extract_region", col(ExtractComparators.REGION));
        comparators.put("extract_england", col(ExtractComparators.ENGLAND));
        return Gaps.add(rated, comparators);
    }

    private static Dataset<Row> withExtract(Dataset<Row> rows, Dataset<Row> scorecards, Catalogue catalogue) {
        if (scorecards == null) {
            Column none = lit(null).cast(DataTypes.DoubleType);
            LinkedHashMap<String, Column> nothing = new LinkedHashMap<>();
            for (String c : List.of(ExtractComparators.SN, ExtractComparators.REGION, ExtractComparators.ENGLAND,
                    ExtractComparators.TARGET_LOW, ExtractComparators.TARGET_HIGH)) {
                nothing.put(c, none);
            }
            return Projections.withColumns(rows, nothing);
        }
        Dataset<Row> comparators = broadcast(ExtractComparators.comparators(scorecards, catalogue)
                .withColumn(Columns.PERIOD_TYPE, lit("month")));
        Dataset<Row> targets = broadcast(ExtractComparators.targets(scorecards, catalogue)
                .select(col(Columns.INDICATOR_ID).as("_t_id"), col(Columns.OLD_LA_CODE).as("_t_la"), col("_target_year"),
                        col(ExtractComparators.TARGET_LOW), col(ExtractComparators.TARGET_HIGH)));
        List<String> key = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE, Columns.PERIOD_END, Columns.OLD_LA_CODE);
        return rows.join(comparators, Seqs.of(key), "left")
                .join(targets, col(Columns.INDICATOR_ID).equalTo(col("_t_id"))
                        .and(col(Columns.PERIOD_TYPE).equalTo(lit("month")))
                        .and(col(Columns.OLD_LA_CODE).equalTo(col("_t_la")))
                        .and(col(REPORTING_YEAR).equalTo(col("_target_year"))), "left")
                .drop("_t_id", "_t_la", "_target_year");
    }
}

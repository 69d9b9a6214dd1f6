package org.csbench.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.ingest.ReferenceTables;
import org.csbench.ingest.Vintages;
import org.csbench.model.Columns;
import org.csbench.model.ExactSums;
import org.csbench.model.Projections;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Status;

/**
 * silver observations -> {@code gold.fact_indicator_value}: every catalogue indicator for every geography and period
 * its numerator is published for. All indicators are computed in one pass (the catalogue is a small broadcast
 * table joined to the observations), so adding an indicator adds rows, not work per indicator.
 *
 * <p>Values: {@code numerator / sum(denominators) * multiplier}, computed in decimal arithmetic from the exact
 * inputs and rounded to the catalogue's decimal places (half up by default), so exact ties such as 18.45 round
 * as DfE rounds them; {@code value_unrounded} keeps the quotient. Status propagates: a suppressed numerator or
 * denominator makes the value suppressed; a missing population or denominator makes it not available, with the
 * reason. Where a published value exists it is compared: a difference that the input rounding explains (national
 * and regional counts rounded to 10, FTEs to 0.1) shows the published figure; any other difference keeps the
 * computed value; both are listed by {@link #discrepancies}. A regional or national difference is also explained
 * when authorities in the area have no usable input (DfE leaves them out of the published figure).
 */
public final class IndicatorValues {
    public static final String REF = "ref";
    public static final String NAME = "indicator_name";
    public static final String POLARITY = "polarity";
    public static final String FREQUENCY = "frequency";
    public static final String NUMERATOR = "numerator";
    public static final String DENOMINATOR = "denominator";
    public static final String NUMERATOR_MEASURE = "numerator_measure";
    public static final String DENOMINATOR_MEASURE = "denominator_measure";
    public static final String VALUE_UNROUNDED = "value_unrounded";
    public static final String VALUE_COMPUTED = "value_computed";
    public static final String PUBLISHED_VALUE = "published_value";
    public static final String VALUE_SOURCE = "value_source";
    public static final String STATUS_REASON = "status_reason";
    public static final String DECIMALS = "decimals";
    public static final String IN_VALID_RANGE = "in_valid_range";
    public static final String POPULATION_MID_YEAR = "population_mid_year";
    public static final String EXPLAINED = "explained";
    public static final String EXPLANATION = "explanation";
    /** {@link org.csbench.contract.CodeSet#STATUS_REASON}'s label for {@link #STATUS_REASON}. */
    public static final String STATUS_REASON_LABEL = "status_reason_label";
    /** {@link org.csbench.contract.CodeSet#PUBLISHED_CHECK}'s label: how the computed value meets the published one. */
    public static final String PUBLISHED_CHECK = "published_check";
    public static final String LEFT_OUT = "authorities_left_out";

    static final String CAT_ID = "_cat_id";
    private static final String ROLE = "_role";
    private static final String MEASURE = "_measure";
    private static final String NUM = "n";
    private static final String DEN = "d";
    private static final String PUB = "p";
    private static final String AVAILABLE = Status.AVAILABLE.code();
    private static final String LONDON = "E12000007";
    private static final String SUPPRESSED = Status.SUPPRESSED.code();
    private static final String LOW = Status.LOW.code();
    /** Any input's source says its rounding is unknown. */
    private static final String ROUNDING_UNKNOWN = "_rounding_unknown";
    /** For a numerator published as {@code low}: half its last published digit (the value lies in 0 to this). */
    private static final String N_LOW_HALF = "_n_low_half";
    /** Denominator terms not available for a reason other than {@code low}. */
    private static final String D_OTHER_MISSING = "_d_other_missing";
    private static final String LOW_ROUNDS_TO_ZERO = "_low_rounds_to_zero";
    private static final String PUBLISHED_OVER_SUPPRESSED = "_published_over_suppressed";

    private IndicatorValues() {
    }

    /** The frequency ({@code monthly}, {@code quarterly}, {@code annual}) of observations of a period type. */
    public static Column frequencyOf(Column periodType) {
        return when(periodType.equalTo("month"), lit("monthly"))
                .when(periodType.equalTo("quarter"), lit("quarterly"))
                .otherwise(lit("annual"));
    }

    /** Every catalogue indicator computed from the current observations and the population. */
    public static Dataset<Row> compute(Dataset<Row> observations, Dataset<Row> population, Catalogue catalogue) {
        SparkSession spark = observations.sparkSession();
        List<String> columns = List.of(observations.columns());
        Dataset<Row> observed = columns.contains(Vintages.ROUNDING_KNOWN) ? observations
                : observations.withColumn(Vintages.ROUNDING_KNOWN, lit(true));
        observed = columns.contains(Columns.UNIT) ? observed
                : observed.withColumn(Columns.UNIT, lit(null).cast(DataTypes.StringType));
        Dataset<Row> current = oneValuePerKey(observed.filter(col(Columns.IS_CURRENT))
                .withColumn(Geography.GEO_KEY, Geography.geoKey())
                .withColumn(FREQUENCY, frequencyOf(col(Columns.PERIOD_TYPE))));
        List<Indicator> direct = new ArrayList<>();
        List<Indicator> combined = new ArrayList<>();
        List<Indicator> compared = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            if (indicator.published() != null) {
                compared.add(indicator);
            } else if (indicator.denominators().isEmpty()) {
                direct.add(indicator);
            } else {
                combined.add(indicator);
            }
        }
        Dataset<Row> indicators = broadcast(indicatorTable(spark, catalogue));
        Dataset<Row> pop = broadcast(population.withColumn(Columns.COUNTRY_CODE, lit(null).cast(DataTypes.StringType))
                .select(Geography.geoKey().as("_pop_geo"), col(ReferenceTables.MID_YEAR).as("_pop_year"),
                        col(ReferenceTables.POPULATION_COLUMN).as("_pop"), col(Columns.STATUS).as("_pop_status")));
        List<Dataset<Row>> parts = new ArrayList<>();
        if (!direct.isEmpty()) {
            parts.add(values(enrich(directRows(current, terms(spark, direct)), indicators, pop), false));
        }
        if (!combined.isEmpty()) {
            parts.add(values(enrich(groupedRows(current, terms(spark, combined)), indicators, pop), false));
        }
        if (!compared.isEmpty()) {
            parts.add(values(enrich(groupedRows(current, terms(spark, compared)), indicators, pop), true));
        }
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i));
        }
        return all;
    }

    /**
     * Indicators that are a measure itself: one row per observation, no shuffle (the catalogue is broadcast).
     */
    private static Dataset<Row> directRows(Dataset<Row> current, Dataset<Row> terms) {
        Dataset<Row> joined = current.join(broadcast(terms), current.col(Columns.INDICATOR_ID).equalTo(terms.col(MEASURE))
                .and(current.col(FREQUENCY).equalTo(terms.col("_term_frequency"))));
        return joined.select(col(CAT_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL), col(Columns.PERIOD_TYPE),
                col(Columns.PERIOD_END), col(FREQUENCY), lit(1L).as("_n_rows"), col(Columns.TIME_PERIOD),
                col(Columns.YEAR), col(Columns.COUNTRY_CODE), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                col(Columns.OLD_LA_CODE), col(Columns.NEW_LA_CODE), col(Columns.LA_NAME), col(Columns.VINTAGE),
                col(Columns.SOURCE_ID), col(Columns.VALUE).as("_n"), col(Columns.STATUS).as("_n_status"),
                col(Columns.ROUNDING_UNIT).as("_n_unit"), lit(null).cast(DataTypes.DoubleType).as("_d"),
                lit(0L).as("_d_rows"), lit(null).cast(DataTypes.StringType).as("_d_status"),
                lit(null).cast(DataTypes.DoubleType).as("_d_unit"),
                lit(null).cast(DataTypes.DoubleType).as(PUBLISHED_VALUE), lit(false).as(ROUNDING_UNKNOWN),
                when(col(Columns.STATUS).equalTo(LOW), lowHalf()).as(N_LOW_HALF), lit(0L).as(D_OTHER_MISSING));
    }

    /** Indicators that bring several measures together: the measures of one key meet in a group. */
    private static Dataset<Row> groupedRows(Dataset<Row> current, Dataset<Row> terms) {
        Dataset<Row> joined = current.join(broadcast(terms), current.col(Columns.INDICATOR_ID).equalTo(terms.col(MEASURE))
                .and(current.col(FREQUENCY).equalTo(terms.col("_term_frequency"))));
        Column isNum = col(ROLE).equalTo(NUM);
        Column isDen = col(ROLE).equalTo(DEN);
        Column notAvailable = col(Columns.STATUS).notEqual(AVAILABLE);
        return joined
                .groupBy(col(CAT_ID), col(Geography.GEO_KEY), col(Columns.GEOGRAPHIC_LEVEL), col(Columns.PERIOD_TYPE),
                        col(Columns.PERIOD_END), col(FREQUENCY))
                .agg(count(when(isNum, 1)).as("_n_rows"),
                        numeratorFirst(Columns.TIME_PERIOD), numeratorFirst(Columns.YEAR),
                        numeratorFirst(Columns.COUNTRY_CODE), numeratorFirst(Columns.REGION_CODE),
                        numeratorFirst(Columns.REGION_NAME), numeratorFirst(Columns.OLD_LA_CODE),
                        numeratorFirst(Columns.NEW_LA_CODE), numeratorFirst(Columns.LA_NAME),
                        numeratorFirst(Columns.VINTAGE), numeratorFirst(Columns.SOURCE_ID),
                        max(when(isNum, col(Columns.VALUE))).as("_n"),
                        max(when(isNum, col(Columns.STATUS))).as("_n_status"),
                        max(when(isNum, col(Columns.ROUNDING_UNIT))).as("_n_unit"),
                        ExactSums.sumOf(when(isDen, col(Columns.VALUE))).as("_d"),
                        count(when(isDen, 1)).as("_d_rows"),
                        min(when(isDen.and(notAvailable), col(Columns.STATUS))).as("_d_status"),
                        ExactSums.sumOf(when(isDen, col(Columns.ROUNDING_UNIT))).as("_d_unit"),
                        max(when(col(ROLE).equalTo(PUB), col(Columns.VALUE))).as(PUBLISHED_VALUE),
                        max(coalesce(col(Vintages.ROUNDING_KNOWN), lit(true)).unary_$bang()).as(ROUNDING_UNKNOWN),
                        max(when(isNum.and(col(Columns.STATUS).equalTo(LOW)), lowHalf())).as(N_LOW_HALF),
                        count(when(isDen.and(notAvailable).and(col(Columns.STATUS).notEqual(LOW)), 1))
                                .as(D_OTHER_MISSING))
                .filter(col("_n_rows").gt(0));
    }

    /** Adds the catalogue's attributes (broadcast) and the population (broadcast) to per-indicator rows. */
    private static Dataset<Row> enrich(Dataset<Row> perIndicator, Dataset<Row> indicators, Dataset<Row> population) {
        Dataset<Row> withCatalogue = perIndicator.join(indicators, CAT_ID)
                .withColumn(POPULATION_MID_YEAR, when(col("_uses_population"),
                        Geography.populationMidYear(col(Columns.PERIOD_END))));
        return withCatalogue.join(population, withCatalogue.col(Geography.GEO_KEY).equalTo(population.col("_pop_geo"))
                .and(withCatalogue.col(POPULATION_MID_YEAR).equalTo(population.col("_pop_year"))), "left");
    }

    /** Computed values (as {@link #compute} gives them) as {@code gold.fact_indicator_value}: keys and measures. */
    public static Dataset<Row> fact(Dataset<Row> values) {
        LinkedHashMap<String, Column> keys = new LinkedHashMap<>();
        keys.put(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)));
        keys.put(Star.AREA_KEY, Keys.area(col(Geography.GEO_KEY)));
        keys.put(Star.PERIOD_KEY, Keys.period(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END)));
        keys.put(FactIndicatorValue.VALUE_SOURCE, CodeSet.VALUE_SOURCE.encode(col(VALUE_SOURCE)));
        keys.put(FactIndicatorValue.STATUS, CodeSet.STATUS.encode(col(Columns.STATUS)));
        keys.put(FactIndicatorValue.STATUS_REASON, CodeSet.STATUS_REASON.encode(col(STATUS_REASON_LABEL)));
        keys.put(FactIndicatorValue.PUBLISHED_CHECK, CodeSet.PUBLISHED_CHECK.encode(col(PUBLISHED_CHECK)));
        return FactIndicatorValue.TABLE.conform(Projections.withColumns(values, keys));
    }

    /**
     * {@code gold.fact_indicator_value} with its dimensions' attributes, in the columns later steps read (those of
     * {@link #compute} but the free-text reasons and lineage).
     *
     * @param periods {@code gold.dim_period}, or the candidates it is made from
     */
    public static Dataset<Row> wide(Dataset<Row> fact, Dataset<Row> indicators, Dataset<Row> areas,
            Dataset<Row> periods) {
        Column level = col(DimArea.LEVEL);
        Column isLa = level.equalTo(GeographicLevel.LOCAL_AUTHORITY.code());
        return fact
                .join(broadcast(indicators.select(col(Star.INDICATOR_KEY), col(DimIndicator.INDICATOR_ID),
                        col(DimIndicator.REF), col(DimIndicator.NAME), col(DimIndicator.UNIT), col(DimIndicator.POLARITY),
                        col(DimIndicator.FREQUENCY), col(DimIndicator.DECIMALS), col(DimIndicator.NUMERATOR),
                        col(DimIndicator.DENOMINATOR))), Star.INDICATOR_KEY)
                .join(broadcast(areas.select(col(Star.AREA_KEY), level, col(DimArea.AREA_CODE), col(DimArea.GSS_CODE),
                        col(DimArea.NAME), col(DimArea.REGION_CODE).as("_area_region"),
                        col(DimArea.REGION_NAME).as("_area_region_name"))), Star.AREA_KEY)
                .join(broadcast(periods.select(col(Star.PERIOD_KEY), col(DimPeriod.TYPE), col(DimPeriod.END),
                        col(DimPeriod.TIME_PERIOD))), Star.PERIOD_KEY)
                .select(col(DimIndicator.INDICATOR_ID).as(Columns.INDICATOR_ID), col(REF), col(NAME),
                        col(Columns.UNIT), col(POLARITY), col(FREQUENCY), col(DimPeriod.TYPE).as(Columns.PERIOD_TYPE),
                        col(DimPeriod.TIME_PERIOD).as(Columns.TIME_PERIOD), year(col(DimPeriod.END)).as(Columns.YEAR),
                        col(DimPeriod.END).as(Columns.PERIOD_END), level.as(Columns.GEOGRAPHIC_LEVEL),
                        col(DimArea.AREA_CODE).as(Geography.GEO_KEY),
                        when(level.equalTo(GeographicLevel.NATIONAL.code()), lit(Geography.ENGLAND)).as(Columns.COUNTRY_CODE),
                        col("_area_region").as(Columns.REGION_CODE), col("_area_region_name").as(Columns.REGION_NAME),
                        when(isLa, col(DimArea.AREA_CODE)).as(Columns.OLD_LA_CODE),
                        when(isLa, col(DimArea.GSS_CODE)).as(Columns.NEW_LA_CODE),
                        when(isLa, col(DimArea.NAME)).as(Columns.LA_NAME),
                        col(NUMERATOR_MEASURE), col(NUMERATOR), col(DENOMINATOR_MEASURE), col(DENOMINATOR),
                        col(POPULATION_MID_YEAR), col(VALUE_UNROUNDED), col(VALUE_COMPUTED), col(PUBLISHED_VALUE),
                        col(Columns.VALUE), CodeSet.VALUE_SOURCE.decode(col(FactIndicatorValue.VALUE_SOURCE)).as(VALUE_SOURCE),
                        col(DECIMALS), CodeSet.STATUS.decode(col(FactIndicatorValue.STATUS)).as(Columns.STATUS),
                        CodeSet.STATUS_REASON.decode(col(FactIndicatorValue.STATUS_REASON)).as(STATUS_REASON_LABEL),
                        col(IN_VALID_RANGE),
                        CodeSet.PUBLISHED_CHECK.decode(col(FactIndicatorValue.PUBLISHED_CHECK)).as(PUBLISHED_CHECK),
                        col(LEFT_OUT));
    }

    private static Dataset<Row> values(Dataset<Row> rows, boolean compareWithPublished) {
        Column usesPopulation = col("_uses_population");
        Column hasDenominator = usesPopulation.or(col("_d_expected").gt(0));
        Column denominator = when(usesPopulation, col("_pop")).when(col("_d_expected").gt(0), col("_d"));
        Column denominatorMissing = when(usesPopulation, col("_pop").isNull().and(col("_pop_status").isNull()))
                .otherwise(col("_d_rows").lt(col("_d_expected")));
        Column denominatorStatus = when(usesPopulation, col("_pop_status")).otherwise(col("_d_status"));
        Column numeratorAvailable = col("_n_status").equalTo(AVAILABLE);

        Column status = when(numeratorAvailable.unary_$bang(), col("_n_status"))
                .when(hasDenominator.and(denominatorMissing), lit(Status.NOT_AVAILABLE.code()))
                .when(hasDenominator.and(denominatorStatus.isNotNull()).and(denominatorStatus.notEqual(AVAILABLE)),
                        denominatorStatus)
                .when(hasDenominator.and(denominator.equalTo(0)), lit(Status.NOT_AVAILABLE.code()))
                .otherwise(lit(AVAILABLE));
        Column reason = when(numeratorAvailable.unary_$bang(),
                        concat(lit("numerator "), col(NUMERATOR_MEASURE), lit(" is "), col("_n_status")))
                .when(hasDenominator.and(denominatorMissing).and(usesPopulation),
                        concat(lit("no population estimate for mid-year "), col(POPULATION_MID_YEAR).cast("string")))
                .when(hasDenominator.and(denominatorMissing),
                        concat(lit("denominator "), col(DENOMINATOR_MEASURE), lit(" not published for this period")))
                .when(hasDenominator.and(denominatorStatus.isNotNull()).and(denominatorStatus.notEqual(AVAILABLE)),
                        concat(lit("denominator "), col(DENOMINATOR_MEASURE), lit(" is "), denominatorStatus))
                .when(hasDenominator.and(denominator.equalTo(0)), lit("denominator is zero"));
        Column reasonLabel = when(numeratorAvailable.unary_$bang(), lit("numerator_not_available"))
                .when(hasDenominator.and(denominatorMissing).and(usesPopulation), lit("population_missing"))
                .when(hasDenominator.and(denominatorMissing), lit("denominator_missing"))
                .when(hasDenominator.and(denominatorStatus.isNotNull()).and(denominatorStatus.notEqual(AVAILABLE)),
                        lit("denominator_not_available"))
                .when(hasDenominator.and(denominator.equalTo(0)), lit("denominator_zero"));
        // Stage the denominator and status in columns first, so the rounding below refers to them by name
        // rather than repeating their expressions (which makes generated code too large to compile).
        LinkedHashMap<String, Column> inputs = new LinkedHashMap<>();
        inputs.put(NUMERATOR, col("_n"));
        inputs.put("_has_denominator", hasDenominator);
        inputs.put(DENOMINATOR, denominator);
        inputs.put(Columns.STATUS, status);
        inputs.put(STATUS_REASON, reason);
        inputs.put(STATUS_REASON_LABEL, reasonLabel);
        Dataset<Row> staged = Projections.withColumns(rows, inputs);
        Column n = col(NUMERATOR);
        Column d = col(DENOMINATOR);
        Column m = col("_multiplier");
        Column withDenominator = col("_has_denominator");
        Column available = col(Columns.STATUS).equalTo(AVAILABLE);
        Column unrounded = when(available, when(withDenominator, Rounding.quotient(n, d, m)).otherwise(n.multiply(m)));
        Column exact = when(withDenominator, Rounding.exactQuotient(n, d, m)).otherwise(Rounding.exactProduct(n, m));

        // Bounds of the value the unrounded inputs could have given: numerator +- half its rounding unit, each
        // denominator term likewise (the population is exact).
        Column nHalf = col("_n_unit").divide(2);
        Column dHalf = when(usesPopulation, lit(0.0)).otherwise(col("_d_unit").divide(2));
        Column low = when(withDenominator, try_divide(n.minus(nHalf).multiply(m), d.plus(dHalf)))
                .otherwise(n.minus(nHalf).multiply(m));
        Column high = when(withDenominator, try_divide(n.plus(nHalf).multiply(m), d.minus(dHalf)))
                .otherwise(n.plus(nHalf).multiply(m));
        Column differs = col(PUBLISHED_VALUE).isNotNull().and(abs(col(VALUE_COMPUTED).minus(col(PUBLISHED_VALUE))).gt(1e-9));
        Column inputRounded = nHalf.gt(0).or(dHalf.gt(0));
        Column boundsApply = differs.and(inputRounded);

        Dataset<Row> computedRows = Rounding.withRounded(staged.withColumn(VALUE_UNROUNDED, unrounded), VALUE_COMPUTED,
                col(VALUE_UNROUNDED), exact, col(DECIMALS), col("_half_even"));
        // The bounds are rounded (half up, as published) only where a published figure differs.
        computedRows = Rounding.withRounded(computedRows, "_low", when(boundsApply, low),
                Rounding.exactDouble(low), col(DECIMALS), lit(false));
        computedRows = Rounding.withRounded(computedRows, "_high", when(boundsApply, high),
                Rounding.exactDouble(high), col(DECIMALS), lit(false));
        Column explained = boundsApply
                .and(col(PUBLISHED_VALUE).geq(col("_low").minus(1e-9)))
                .and(col(PUBLISHED_VALUE).leq(col("_high").plus(1e-9)));
        // Regional and national figures are published over the authorities whose inputs are usable: count, per
        // region and for England, the authorities whose value is not available (a 'z' authority does not exist).
        Column laStatus = col(Columns.STATUS);
        Dataset<Row> incomplete = computedRows
                .filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo("local_authority")
                        .and(laStatus.isin(AVAILABLE, Status.NOT_APPLICABLE.code()).unary_$bang()))
                .select(col(CAT_ID).as("_i_cat"), col(Columns.PERIOD_TYPE).as("_i_type"),
                        col(Columns.PERIOD_END).as("_i_end"), explode(array(col(Columns.REGION_CODE),
                                when(col(Columns.REGION_CODE).startsWith("E13"), lit(LONDON)),
                                lit(Geography.ENGLAND))).as("_area"))
                .filter(col("_area").isNotNull())
                .groupBy("_i_cat", "_i_type", "_i_end", "_area").agg(count(lit(1)).as("_incomplete"));
        Dataset<Row> withIncomplete = !compareWithPublished
                ? computedRows.withColumn("_i_cat", lit(null).cast(DataTypes.StringType))
                        .withColumn("_incomplete", lit(null).cast(DataTypes.LongType))
                : computedRows.join(broadcast(incomplete), col(CAT_ID).equalTo(col("_i_cat"))
                .and(col(Columns.PERIOD_TYPE).equalTo(col("_i_type"))).and(col(Columns.PERIOD_END).equalTo(col("_i_end")))
                .and(col(Geography.GEO_KEY).equalTo(col("_area")))
                .and(col(Columns.GEOGRAPHIC_LEVEL).notEqual("local_authority")), "left");
        Column leftOut = col("_incomplete").isNotNull().and(col("_incomplete").gt(0));
        LinkedHashMap<String, Column> checks = new LinkedHashMap<>();
        checks.put(EXPLAINED, when(differs, explained.or(leftOut)));
        checks.put(EXPLANATION, when(differs.and(explained), concat(
                        lit("the published figure was computed from unrounded inputs; inputs here are rounded ("),
                        when(nHalf.gt(0), concat(lit("numerator to "), col("_n_unit").cast("string"))).otherwise(lit("")),
                        when(nHalf.gt(0).and(dHalf.gt(0)), lit(", ")).otherwise(lit("")),
                        when(dHalf.gt(0), concat(lit("denominator to "), col("_d_unit").cast("string"))).otherwise(lit("")),
                        lit(")")))
                .when(differs.and(leftOut), concat(lit("the published figure leaves out "),
                        col("_incomplete").cast("string"),
                        lit(" authorities whose inputs are not available or of low reliability")))
                .when(differs.and(col(ROUNDING_UNKNOWN)), lit("rounding unknown: the source's entry says "
                        + "rounded_to: unknown, so input rounding may explain the difference"))
                .when(differs, lit("not explained by input rounding or missing authorities: check the source")));
        checks.put(PUBLISHED_CHECK, when(differs.and(explained), lit("explained_by_input_rounding"))
                .when(differs.and(leftOut), lit("explained_by_authorities_left_out"))
                .when(differs.and(col(ROUNDING_UNKNOWN)), lit("rounding_unknown"))
                .when(differs, lit("unexplained"))
                .when(col(PUBLISHED_VALUE).isNotNull().and(col(VALUE_COMPUTED).isNotNull()), lit("matches")));
        checks.put(LEFT_OUT, when(differs.and(explained.unary_$bang()).and(leftOut), col("_incomplete")));
        Dataset<Row> judged = Projections.withColumns(withIncomplete, checks);
        // Published figures win where csbench cannot compute: a rate or percentage the source publishes is the value
        // when an input is suppressed; a numerator published as 'low' (more than 0, under half its last digit)
        // gives the value every figure in its range rounds to, with status low.
        Column lowHigh = when(col("_has_denominator"), try_divide(col(N_LOW_HALF).multiply(col("_multiplier")),
                        when(usesPopulation, col("_pop")).otherwise(coalesce(col("_d"), lit(0.0)))))
                .otherwise(col(N_LOW_HALF).multiply(col("_multiplier")));
        Column lowCase = col(Columns.STATUS).equalTo(LOW).and(col(N_LOW_HALF).isNotNull())
                .and(coalesce(col(D_OTHER_MISSING), lit(0L)).equalTo(0))
                .and(usesPopulation.unary_$bang().or(col("_pop_status").equalTo(AVAILABLE)));
        LinkedHashMap<String, Column> cases = new LinkedHashMap<>();
        cases.put(LOW_ROUNDS_TO_ZERO, lowCase.and(coalesce(Rounding.roundedDouble(lowHigh.minus(1e-9),
                col(DECIMALS)).equalTo(0.0), lit(false))));
        cases.put(PUBLISHED_OVER_SUPPRESSED, lit(compareWithPublished)
                .and(col(Columns.STATUS).equalTo(SUPPRESSED)).and(col(PUBLISHED_VALUE).isNotNull()));
        // What follows reads the two cases just added, and each column as it was before this step.
        LinkedHashMap<String, Column> won = new LinkedHashMap<>();
        won.put(VALUE_COMPUTED, when(col(LOW_ROUNDS_TO_ZERO), lit(0.0)).otherwise(col(VALUE_COMPUTED)));
        won.put(PUBLISHED_CHECK, when(col(PUBLISHED_OVER_SUPPRESSED), lit("published_input_suppressed"))
                .otherwise(col(PUBLISHED_CHECK)));
        won.put(STATUS_REASON, when(col(PUBLISHED_OVER_SUPPRESSED), lit(null).cast(DataTypes.StringType))
                .when(col(LOW_ROUNDS_TO_ZERO), concat(lit("numerator "), col(NUMERATOR_MEASURE),
                        lit(" is low (more than 0, under half its last published digit): every value it "
                                + "could have rounds to 0")))
                .otherwise(col(STATUS_REASON)));
        won.put(STATUS_REASON_LABEL, when(col(PUBLISHED_OVER_SUPPRESSED), lit(null).cast(DataTypes.StringType))
                .otherwise(col(STATUS_REASON_LABEL)));
        won.put(Columns.STATUS, when(col(PUBLISHED_OVER_SUPPRESSED), lit(AVAILABLE)).otherwise(col(Columns.STATUS)));
        judged = Projections.withColumns(Projections.withColumns(judged, cases), won);
        Column useTarget = col(EXPLAINED).isNotNull().and(col(EXPLAINED)).or(col(PUBLISHED_OVER_SUPPRESSED));
        Column value = when(useTarget, col(PUBLISHED_VALUE)).otherwise(col(VALUE_COMPUTED));
        Column inRange = when(value.isNull(), lit(null).cast(DataTypes.BooleanType))
                .otherwise(col("_valid_min").isNull().or(value.geq(col("_valid_min")))
                        .and(col("_valid_max").isNull().or(value.leq(col("_valid_max")))));
        LinkedHashMap<String, Column> chosen = new LinkedHashMap<>();
        chosen.put(Columns.VALUE, value);
        chosen.put(VALUE_SOURCE, when(useTarget, lit("published")).when(value.isNotNull(), lit("computed")));
        chosen.put(IN_VALID_RANGE, inRange);
        return Projections.withColumns(judged, chosen)
                .select(col(CAT_ID).as(Columns.INDICATOR_ID), col(REF), col(NAME), col(Columns.UNIT), col(POLARITY),
                        col(FREQUENCY), col(Columns.PERIOD_TYPE), col(Columns.TIME_PERIOD), col(Columns.YEAR),
                        col(Columns.PERIOD_END), col(Columns.GEOGRAPHIC_LEVEL), col(Geography.GEO_KEY),
                        col(Columns.COUNTRY_CODE), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                        col(Columns.OLD_LA_CODE), col(Columns.NEW_LA_CODE), col(Columns.LA_NAME),
                        col(NUMERATOR_MEASURE), col(NUMERATOR), col(DENOMINATOR_MEASURE), col(DENOMINATOR),
                        col(POPULATION_MID_YEAR), col(VALUE_UNROUNDED), col(VALUE_COMPUTED), col(PUBLISHED_VALUE),
                        col(Columns.VALUE), col(VALUE_SOURCE), col(DECIMALS), col(Columns.STATUS), col(STATUS_REASON),
                        col(STATUS_REASON_LABEL), col(IN_VALID_RANGE), col(EXPLAINED), col(EXPLANATION),
                        col(PUBLISHED_CHECK), col(LEFT_OUT), col(Columns.VINTAGE),
                        col(Columns.SOURCE_ID));
    }

    /** Half the last published digit of a measure published as {@code low}: whole counts, other units to 0.1. */
    private static Column lowHalf() {
        return when(col(Columns.UNIT).equalTo(org.csbench.model.Unit.COUNT.code()), lit(0.5)).otherwise(lit(0.05));
    }

    private static Column numeratorFirst(String column) {
        return first(when(col(ROLE).equalTo(NUM), col(column)), true).as(column);
    }

    /**
     * One observation per measure, period and geography: where two sources publish a measure (a council's wide
     * scorecard and a pooled long extract, or two releases loaded as separate sources), the latest loaded wins,
     * then the first source id. Only measures that more than one source publishes are ranked (a cheap
     * aggregate finds them), so the usual case needs no shuffle of the observations.
     */
    private static Dataset<Row> oneValuePerKey(Dataset<Row> observations) {
        List<String> shared = observations.groupBy(Columns.INDICATOR_ID)
                .agg(org.apache.spark.sql.functions.countDistinct(col(Columns.SOURCE_ID)).as("_sources"))
                .filter(col("_sources").gt(1)).select(Columns.INDICATOR_ID).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        if (shared.isEmpty()) {
            return observations;
        }
        Column isShared = col(Columns.INDICATOR_ID).isin(shared.toArray());
        Dataset<Row> ranked = observations.filter(isShared)
                .withColumn("_rank", row_number().over(Window.partitionBy(col(Columns.INDICATOR_ID),
                        col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END), col(Geography.GEO_KEY))
                        .orderBy(col(Columns.INGESTED_AT).desc(), col(Columns.SOURCE_ID))))
                .filter(col("_rank").equalTo(1))
                .drop("_rank");
        return observations.filter(isShared.unary_$bang()).unionByName(ranked);
    }

    /** The measures each indicator reads, one row per (indicator, role, measure). */
    private static Dataset<Row> terms(SparkSession spark, List<Indicator> indicators) {
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            String frequency = indicator.frequency().name().toLowerCase(java.util.Locale.ROOT);
            rows.add(RowFactory.create(indicator.id(), NUM, indicator.numerator(), frequency));
            for (String denominator : indicator.denominators()) {
                if (!denominator.equals(Indicator.POPULATION)) {
                    rows.add(RowFactory.create(indicator.id(), DEN, denominator, frequency));
                }
            }
            if (indicator.published() != null) {
                rows.add(RowFactory.create(indicator.id(), PUB, indicator.published(), frequency));
            }
        }
        StructType schema = new StructType().add(CAT_ID, DataTypes.StringType).add(ROLE, DataTypes.StringType)
                .add(MEASURE, DataTypes.StringType).add("_term_frequency", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    /** The catalogue as a table: one row per indicator with what the computation needs. */
    static Dataset<Row> indicatorTable(SparkSession spark, Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            long measureDenominators = i.denominators().stream().filter(d -> !d.equals(Indicator.POPULATION)).count();
            rows.add(RowFactory.create(i.id(), i.ref(), i.name(), i.unit().code(),
                    i.polarity().name().toLowerCase(java.util.Locale.ROOT), i.numerator(),
                    i.denominators().isEmpty() ? null : String.join(" + ", i.denominators()),
                    i.denominators().contains(Indicator.POPULATION), (int) measureDenominators, i.multiplier(),
                    i.decimals(), i.rounding() == Indicator.Rounding.HALF_EVEN, i.validMin(), i.validMax(),
                    i.aggregation() == Indicator.Aggregation.MEAN));
        }
        StructType schema = new StructType()
                .add(CAT_ID, DataTypes.StringType).add(REF, DataTypes.StringType).add(NAME, DataTypes.StringType)
                .add(Columns.UNIT, DataTypes.StringType).add(POLARITY, DataTypes.StringType)
                .add(NUMERATOR_MEASURE, DataTypes.StringType).add(DENOMINATOR_MEASURE, DataTypes.StringType)
                .add("_uses_population", DataTypes.BooleanType).add("_d_expected", DataTypes.IntegerType)
                .add("_multiplier", DataTypes.DoubleType).add(DECIMALS, DataTypes.IntegerType)
                .add("_half_even", DataTypes.BooleanType).add("_valid_min", DataTypes.DoubleType)
                .add("_valid_max", DataTypes.DoubleType).add("_mean", DataTypes.BooleanType);
        return spark.createDataFrame(rows, schema);
    }
}

package org.csbench.contract;

import static org.csbench.contract.ColumnDef.code;
import static org.csbench.contract.ColumnDef.date;
import static org.csbench.contract.ColumnDef.flag;
import static org.csbench.contract.ColumnDef.integer;
import static org.csbench.contract.ColumnDef.key;
import static org.csbench.contract.ColumnDef.number;
import static org.csbench.contract.ColumnDef.text;

import java.util.List;

/**
 * The published layer: a star schema for BI tools. Dimensions hold one row per member with a stable surrogate key
 * ({@link Keys}); facts hold keys and measures only, at one grain each, with repeating text as codes
 * ({@link CodeSet}, labelled in {@code gold.dim_code}). This class is the
 * one description of every published table and column: jobs write through {@link TableDef#conform}, and the data
 * dictionary and the README's table list come from here.
 */
public final class Star {
    private Star() {
    }

    // Keys shared by the facts: the same name and meaning in every table.
    public static final String INDICATOR_KEY = "indicator_key";
    public static final String AREA_KEY = "area_key";
    public static final String PERIOD_KEY = "period_key";
    private static final ColumnDef INDICATOR = key(INDICATOR_KEY, "The indicator (gold.dim_indicator)");
    private static final ColumnDef AREA = key(AREA_KEY, "The area: England, a region or an authority (gold.dim_area)");
    private static final ColumnDef PERIOD = key(PERIOD_KEY, "The period (gold.dim_period)");

    /** {@code gold.dim_indicator}: the catalogue. */
    public static final class DimIndicator {
        public static final String INDICATOR_ID = "indicator_id";
        public static final String REF = "ref";
        public static final String NAME = "indicator_name";
        public static final String DESCRIPTION = "description";
        public static final String UNIT = "unit";
        public static final String POLARITY = "polarity";
        public static final String FREQUENCY = "frequency";
        public static final String DECIMALS = "decimals";
        public static final String NUMERATOR = "numerator_measure";
        public static final String DENOMINATOR = "denominator_measure";
        public static final String MULTIPLIER = "multiplier";
        public static final String TARGET_LOW = "target_low";
        public static final String TARGET_HIGH = "target_high";
        public static final String TOLERANCE_PCT = "tolerance_pct";
        public static final String COMPARATOR_METHOD = "comparator_method";
        public static final String VALID_MIN = "valid_min";
        public static final String VALID_MAX = "valid_max";
        public static final String PUBLISHED_MEASURE = "published_measure";
        public static final String AGGREGATION = "aggregation";
        public static final String SOURCES = "sources";

        public static final TableDef TABLE = TableDef.of("gold.dim_indicator", "one row per catalogue indicator",
                "Everything the indicator catalogue (pipelines/indicators.yaml) says of each indicator",
                INDICATOR,
                text(INDICATOR_ID, "Catalogue id, e.g. cin_rate"),
                text(REF, "The scorecard reference councils use, e.g. CIN2 (empty when it has none)"),
                text(NAME, "Short name for reports"),
                text(DESCRIPTION, "What the indicator measures"),
                text(UNIT, "Unit of the value: count, percent, rate_per_10000, fte, ratio, days"),
                text(POLARITY, "Which direction is better: higher_is_better, lower_is_better or neutral"),
                text(FREQUENCY, "How often it is published: monthly, quarterly or annual"),
                integer(DECIMALS, "places", "Decimal places the value is published to"),
                text(NUMERATOR, "The observed measure counted (silver.observation indicator_id)"),
                text(DENOMINATOR, "The measures summed into the denominator, or population_0_17 for the ONS "
                        + "child population; empty when the numerator is the value"),
                number(MULTIPLIER, null, "The quotient is multiplied by this: 100 for a percentage, 10,000 for a rate"),
                number(TARGET_LOW, "the indicator's unit", "The catalogue's target, or the lower end of a target range"),
                number(TARGET_HIGH, "the indicator's unit", "The upper end of a target range (equal to target_low "
                        + "for a single target)"),
                number(TOLERANCE_PCT, "%", "Amber band: a value within this many percent of the target is amber"),
                text(COMPARATOR_METHOD, "How a comparator group's value is formed: mean of the members' values, or "
                        + "pooled (sum of numerators over sum of denominators)"),
                number(VALID_MIN, "the indicator's unit", "Lowest valid value (data-quality check), if any"),
                number(VALID_MAX, "the indicator's unit", "Highest valid value (data-quality check), if any"),
                text(PUBLISHED_MEASURE, "The measure holding the figure as the source publishes it, if any"),
                text(AGGREGATION, "How monthly values combine over a window: sum (flows) or mean (snapshots)"),
                text(SOURCES, "The pipeline sources whose files publish the numerator, comma-separated"));
    }

    /** {@code gold.dim_area}: England, regions (with Inner and Outer London) and authorities. */
    public static final class DimArea {
        public static final String LEVEL = "geographic_level";
        public static final String AREA_CODE = "area_code";
        public static final String OLD_LA_CODE = "old_la_code";
        public static final String GSS_CODE = "gss_code";
        public static final String NAME = "area_name";
        public static final String REGION_CODE = "region_code";
        public static final String REGION_NAME = "region_name";
        public static final String COMPARATOR_REGION_CODE = "comparator_region_code";
        public static final String FIRST_YEAR = "first_reporting_year";
        public static final String LAST_YEAR = "last_reporting_year";
        public static final String PREDECESSORS = "predecessor_codes";
        public static final String SUCCESSORS = "successor_codes";

        public static final TableDef TABLE = TableDef.of("gold.dim_area", "one row per area",
                "England, the regions (with Inner and Outer London) and every local authority a fact refers to",
                AREA,
                text(LEVEL, "national, regional or local_authority"),
                text(AREA_CODE, "The area's code in the facts: England's or a region's GSS code, or an authority's "
                        + "3-digit DfE number"),
                text(OLD_LA_CODE, "An authority's 3-digit DfE number (stable across GSS code changes)"),
                text(GSS_CODE, "ONS GSS code (an authority's latest one)"),
                text(NAME, "Name as DfE publishes it (an authority's latest one)"),
                text(REGION_CODE, "An authority's region (London boroughs: Inner or Outer London), or a region's "
                        + "own code"),
                text(REGION_NAME, "Name of region_code"),
                text(COMPARATOR_REGION_CODE, "The region an authority is compared with (London for Inner and Outer "
                        + "London boroughs)"),
                integer(FIRST_YEAR, "year", "First reporting year (year to 31 March) the authority exists in"),
                integer(LAST_YEAR, "year", "Last reporting year the authority exists in"),
                text(PREDECESSORS, "DfE numbers of the authorities it replaced (reference.la_code_change), "
                        + "comma-separated"),
                text(SUCCESSORS, "DfE numbers of the authorities that replaced it, comma-separated"));
    }

    /** {@code gold.dim_period}: every period a fact uses. */
    public static final class DimPeriod {
        public static final String TYPE = "period_type";
        public static final String START = "start_date";
        public static final String END = "end_date";
        public static final String TIME_PERIOD = "time_period";
        public static final String LABEL = "period_label";
        public static final String FINANCIAL_YEAR = "financial_year";
        public static final String REPORTING_YEAR = "reporting_year";
        public static final String IS_LATEST = "is_latest";

        public static final TableDef TABLE = TableDef.of("gold.dim_period", "one row per period",
                "Every period a fact uses: months, reporting years (to 31 March), census dates (30 September), and "
                        + "the windows over them (rolling 12 months, financial year to date, quarters, 3 years)",
                PERIOD,
                text(TYPE, "month, reporting_year, census, rolling_12_months, financial_year_to_date, quarter or "
                        + "three_years"),
                date(START, "First day of the period"),
                date(END, "Last day of the period"),
                text(TIME_PERIOD, "The period as the source names it (2024, 2023-09), or as csbench names a window"),
                text(LABEL, "As analysts write it: Sep-23, 2023-24, Q2 2023-24, 12 months to Sep-23, "
                        + "2023-24 to Sep-23, 2021-22 to 2023-24, Sep 2023 (census)"),
                text(FINANCIAL_YEAR, "The financial year (April-March) the period ends in, e.g. 2023-24"),
                integer(REPORTING_YEAR, "year", "The year to 31 March the period ends in (2024 for 2023-24)"),
                flag(IS_LATEST, "True for the latest period of its type that any fact has"));
    }

    /** {@code gold.dim_code}: the labels of every code column. */
    public static final class DimCode {
        public static final String CODE_SET = "code_set";
        public static final String CODE = "code";
        public static final String LABEL = "label";
        public static final String MEANING = "meaning";

        public static final TableDef TABLE = TableDef.of("gold.dim_code", "one row per code of a code set",
                "What each code of the facts' code columns means (a column's unit names its code set)",
                text(CODE_SET, "The code set, e.g. status"),
                new ColumnDef(CODE, org.apache.spark.sql.types.DataTypes.ByteType, null, "The code stored in facts"),
                text(LABEL, "Its label, e.g. suppressed"),
                text(MEANING, "What it means"));
    }

    /** {@code gold.fact_indicator_value}: every indicator for every area and period. */
    public static final class FactIndicatorValue {
        public static final String NUMERATOR = "numerator";
        public static final String DENOMINATOR = "denominator";
        public static final String POPULATION_MID_YEAR = "population_mid_year";
        public static final String VALUE_UNROUNDED = "value_unrounded";
        public static final String VALUE_COMPUTED = "value_computed";
        public static final String PUBLISHED_VALUE = "published_value";
        public static final String VALUE = "value";
        public static final String VALUE_SOURCE = "value_source_code";
        public static final String STATUS = "status_code";
        public static final String STATUS_REASON = "status_reason_code";
        public static final String IN_VALID_RANGE = "in_valid_range";
        public static final String PUBLISHED_CHECK = "published_check_code";
        public static final String LEFT_OUT = "authorities_left_out";

        public static final TableDef TABLE = TableDef.of("gold.fact_indicator_value",
                "one row per indicator, area and period",
                "Every catalogue indicator for England, each region and each authority, in every period its numerator "
                        + "is published for, with the published figure where the source has one",
                INDICATOR, AREA, PERIOD,
                number(NUMERATOR, "the numerator measure's unit", "The numerator as published"),
                number(DENOMINATOR, "the denominator's unit", "The denominator: the sum of the denominator measures, "
                        + "or the ONS population aged 0-17"),
                integer(POPULATION_MID_YEAR, "year", "The ONS mid-year estimate used as denominator (mid-year N-1 "
                        + "for the year to 31 March N)"),
                number(VALUE_UNROUNDED, "the indicator's unit", "The exact quotient, before rounding"),
                number(VALUE_COMPUTED, "the indicator's unit", "The computed value rounded to the indicator's "
                        + "decimal places"),
                number(PUBLISHED_VALUE, "the indicator's unit", "The figure as the source publishes it, if it does"),
                number(VALUE, "the indicator's unit", "The value to show: the published figure where the computed one "
                        + "differs only by input rounding or left-out authorities, otherwise the computed one"),
                code(VALUE_SOURCE, CodeSet.VALUE_SOURCE, "Where value comes from"),
                code(STATUS, CodeSet.STATUS, "Whether the value is available, and if not why"),
                code(STATUS_REASON, CodeSet.STATUS_REASON, "Why the value is not available (empty when it is)"),
                flag(IN_VALID_RANGE, "Whether value lies in the catalogue's valid range"),
                code(PUBLISHED_CHECK, CodeSet.PUBLISHED_CHECK, "How the computed value compares with the published "
                        + "figure (empty when none is published)"),
                integer(LEFT_OUT, "authorities", "For a region or England whose published figure leaves authorities "
                        + "out: how many authorities in it have no usable input"));
    }

    /** {@code gold.fact_indicator_window}: monthly indicators over windows, annual ones over 3 years. */
    public static final class FactIndicatorWindow {
        public static final String EXPECTED = "periods_expected";
        public static final String AVAILABLE = "periods_available";
        public static final String NUMERATOR_SUM = "numerator_sum";
        public static final String DENOMINATOR_SUM = "denominator_sum";
        public static final String VALUE = "value";
        public static final String STATUS = "status_code";

        public static final TableDef TABLE = TableDef.of("gold.fact_indicator_window",
                "one row per indicator, area and window period",
                "Monthly indicators over rolling 12 months, the financial year to date and quarters; annual ones over "
                        + "3 years. A window with any period missing, suppressed or not available has no value",
                INDICATOR, AREA,
                key(PERIOD_KEY, "The window (gold.dim_period: rolling_12_months, financial_year_to_date, quarter, "
                        + "three_years)"),
                integer(EXPECTED, "periods", "Periods the window spans"),
                integer(AVAILABLE, "periods", "Periods with a usable value"),
                number(NUMERATOR_SUM, "the numerator measure's unit", "Sum of the numerators over the window"),
                number(DENOMINATOR_SUM, "the denominator's unit", "Sum of the measure denominators over the window "
                        + "(a rate uses the population of the window's last month)"),
                number(VALUE, "the indicator's unit", "The window's value, rounded as the indicator"),
                code(STATUS, CodeSet.STATUS, "available; incomplete when a period is missing, suppressed or not "
                        + "available (periods_available < periods_expected); not_available when the denominator is "
                        + "zero or not available"));
    }

    /** {@code gold.fact_benchmark}: each authority's value against its comparators, targets and earlier periods. */
    public static final class FactBenchmark {
        public static final String SN_MODEL = "sn_model";
        public static final String SN_EXPECTED = "sn_expected";
        public static final String SN_COUNT = "sn_count";
        public static final String SN_AVERAGE = "sn_average";
        public static final String REGION_AREA_KEY = "region_area_key";
        public static final String REGION_VALUE = "region_value";
        public static final String REGION_SOURCE = "region_source_code";
        public static final String REGION_COUNT = "region_count";
        public static final String ENGLAND_VALUE = "england_value";
        public static final String ENGLAND_SOURCE = "england_source_code";
        public static final String ENGLAND_COUNT = "england_count";
        public static final String EXTRACT_SN = "extract_sn_average";
        public static final String EXTRACT_REGION = "extract_region_average";
        public static final String EXTRACT_ENGLAND = "extract_england_average";
        public static final String RANK = "rank";
        public static final String RANK_COUNT = "rank_count";
        public static final String Q25 = "quartile_25";
        public static final String Q50 = "quartile_50";
        public static final String Q75 = "quartile_75";
        public static final String QUARTILE = "quartile";
        public static final String BAND = "quartile_band_code";
        public static final String TARGET_LOW = "target_low";
        public static final String TARGET_HIGH = "target_high";
        public static final String TARGET_SOURCE = "target_source_code";
        public static final String RAG = "rag_code";
        public static final String GAP_TO_TARGET = "gap_to_target";
        public static final String PREVIOUS_PERIOD_KEY = "previous_period_key";
        public static final String PREVIOUS_VALUE = "previous_value";
        public static final String PREVIOUS_DIRECTION = "direction_vs_previous_code";
        public static final String PREVIOUS_REASON = "direction_vs_previous_reason_code";
        public static final String LAST_YEAR_PERIOD_KEY = "last_year_period_key";
        public static final String LAST_YEAR_VALUE = "last_year_value";
        public static final String LAST_YEAR_DIRECTION = "direction_vs_last_year_code";
        public static final String LAST_YEAR_REASON = "direction_vs_last_year_reason_code";
        /** The comparators with a gap, in the order of their columns. */
        public static final List<String> COMPARATORS = List.of("sn", "region", "england", "extract_sn",
                "extract_region", "extract_england");

        public static String gap(String comparator) {
            return "gap_to_" + comparator;
        }

        public static String gapPct(String comparator) {
            return "gap_to_" + comparator + "_pct";
        }

        public static String versus(String comparator) {
            return "vs_" + comparator + "_code";
        }

        private static final String UNIT = "the indicator's unit";

        public static final TableDef TABLE = new TableDef("gold.fact_benchmark",
                "one row per authority, indicator and period", "Each authority's value (gold.fact_indicator_value) "
                        + "against its statistical neighbours, region, England, the comparators and target of a "
                        + "council's own extract, its rank and quartile band, and its direction of travel",
                columns());

        private static List<ColumnDef> columns() {
            List<ColumnDef> columns = new java.util.ArrayList<>(List.of(INDICATOR,
                    key(AREA_KEY, "The authority (gold.dim_area)"), PERIOD,
                    integer(SN_MODEL, "year", "The statistical-neighbour model in force for the period's reporting "
                            + "year (2021 or 2025)"),
                    integer(SN_EXPECTED, "authorities", "Neighbours the model gives the authority"),
                    integer(SN_COUNT, "authorities", "Neighbours with a usable value"),
                    number(SN_AVERAGE, UNIT, "The neighbours' average: the mean of their values, or pooled "
                            + "(dim_indicator.comparator_method)"),
                    key(REGION_AREA_KEY, "The region compared with (gold.dim_area; London for Inner and Outer "
                            + "London boroughs)"),
                    number(REGION_VALUE, UNIT, "The region's value"),
                    code(REGION_SOURCE, CodeSet.COMPARATOR_SOURCE, "Where region_value comes from"),
                    integer(REGION_COUNT, "authorities", "Authorities of the region with a usable value"),
                    number(ENGLAND_VALUE, UNIT, "England's value"),
                    code(ENGLAND_SOURCE, CodeSet.COMPARATOR_SOURCE, "Where england_value comes from"),
                    integer(ENGLAND_COUNT, "authorities", "Authorities with a usable value"),
                    number(EXTRACT_SN, UNIT, "The statistical-neighbour average the council's extract shows"),
                    number(EXTRACT_REGION, UNIT, "The regional average the council's extract shows"),
                    number(EXTRACT_ENGLAND, UNIT, "The England average the council's extract shows")));
            for (String comparator : COMPARATORS) {
                String name = comparator.replace("extract_", "the extract's ").replace("sn", "statistical neighbours");
                columns.add(number(gap(comparator), UNIT, "Value minus " + name + ", to the indicator's decimal "
                        + "places"));
                columns.add(number(gapPct(comparator), "%", "The gap to " + name + " relative to it, 1 decimal place"));
                columns.add(code(versus(comparator), CodeSet.COMPARISON, "Better, worse or similar than " + name
                        + " by polarity (higher or lower for a neutral indicator)"));
            }
            columns.addAll(List.of(
                    integer(RANK, "rank", "Rank among all authorities with a value, 1 = best; ties share the lower "
                            + "rank; neutral indicators are not ranked"),
                    integer(RANK_COUNT, "authorities", "Authorities ranked"),
                    number(Q25, UNIT, "Lower quartile of the authorities' values (R type 7)"),
                    number(Q50, UNIT, "Median of the authorities' values"),
                    number(Q75, UNIT, "Upper quartile of the authorities' values"),
                    integer(QUARTILE, "quarter", "Which quarter of the values the authority's lies in, 1 = lowest"),
                    code(BAND, CodeSet.QUARTILE_BAND, "LAIT's quartile band, A = best"),
                    number(TARGET_LOW, UNIT, "The target, or the lower end of a target range"),
                    number(TARGET_HIGH, UNIT, "The upper end of a target range (target_low for a single target)"),
                    code(TARGET_SOURCE, CodeSet.TARGET_SOURCE, "Where the target comes from"),
                    code(RAG, CodeSet.RAG, "Red, amber or green against the target"),
                    number(GAP_TO_TARGET, UNIT, "Value minus the target (the nearer end of a range)"),
                    key(PREVIOUS_PERIOD_KEY, "The period before (gold.dim_period), when the series has it"),
                    number(PREVIOUS_VALUE, UNIT, "The value of the period before, when usable"),
                    code(PREVIOUS_DIRECTION, CodeSet.DIRECTION, "Direction of travel against the period before"),
                    code(PREVIOUS_REASON, CodeSet.DIRECTION_REASON, "Why there is no direction against the period "
                            + "before"),
                    key(LAST_YEAR_PERIOD_KEY, "The same period a year earlier (gold.dim_period), when the series "
                            + "has it"),
                    number(LAST_YEAR_VALUE, UNIT, "The value a year earlier, when usable"),
                    code(LAST_YEAR_DIRECTION, CodeSet.DIRECTION, "Direction of travel against a year earlier"),
                    code(LAST_YEAR_REASON, CodeSet.DIRECTION_REASON, "Why there is no direction against a year "
                            + "earlier")));
            return columns;
        }
    }

    /** Every published table, dimensions first. */
    public static List<TableDef> tables() {
        return List.of(DimIndicator.TABLE, DimArea.TABLE, DimPeriod.TABLE, DimCode.TABLE, FactIndicatorValue.TABLE,
                FactIndicatorWindow.TABLE, FactBenchmark.TABLE);
    }
}

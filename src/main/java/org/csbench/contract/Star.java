package org.csbench.contract;

import static org.csbench.contract.ColumnDef.code;
import static org.csbench.contract.ColumnDef.count;
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

    /**
     * {@code gold.fact_signal}: every value of every series on its SPC chart, and each authority's place in its
     * indicator-period cross-section (funnel plot, robust outliers).
     */
    public static final class FactSignal {
        public static final String VALUE = "value";
        public static final String SEGMENT = "segment";
        public static final String CENTRE_LINE = "centre_line";
        public static final String LOWER_LIMIT = "lower_limit";
        public static final String UPPER_LIMIT = "upper_limit";
        public static final String LOWER_INNER = "lower_inner";
        public static final String UPPER_INNER = "upper_inner";
        public static final String MOVING_RANGE = "moving_range";
        public static final String RULE = "spc_rule_code";
        public static final String DIRECTION = "spc_direction";
        public static final String POINT_TYPE = "point_type_code";
        public static final String FUNNEL_VALUE = "funnel_value";
        public static final String FUNNEL_Z = "funnel_z";
        public static final String FUNNEL_LOWER_95 = "funnel_lower_95";
        public static final String FUNNEL_UPPER_95 = "funnel_upper_95";
        public static final String FUNNEL_LOWER_998 = "funnel_lower_998";
        public static final String FUNNEL_UPPER_998 = "funnel_upper_998";
        public static final String FUNNEL_POSITION_95 = "funnel_position_95_code";
        public static final String FUNNEL_POSITION_998 = "funnel_position_998_code";
        public static final String FUNNEL_JUDGEMENT_95 = "funnel_judgement_95_code";
        public static final String FUNNEL_JUDGEMENT_998 = "funnel_judgement_998_code";
        public static final String FUNNEL_EXCLUDED = "funnel_excluded_code";
        public static final String OUTLIER_Z = "outlier_modified_z";
        public static final String OUTLIER_FLAG = "outlier_flag_code";
        public static final String OUTLIER_JUDGEMENT = "outlier_judgement_code";

        private static final String UNIT = "the indicator's unit";

        public static final TableDef TABLE = TableDef.of("gold.fact_signal", "one row per indicator, area and period",
                "Every value of every series (England, regions, authorities) on its SPC (XmR) chart, and each "
                        + "authority's place among all authorities for the same indicator and period: funnel plot "
                        + "and robust outlier score (the cross-section's pooled value and spread are in "
                        + "gold.fact_cross_section). A series is one indicator for one area and period type; an "
                        + "authority that is reorganised gets a new area, so no series crosses a boundary change",
                INDICATOR, AREA, PERIOD,
                number(VALUE, UNIT, "The value charted (gold.fact_indicator_value.value); empty when it is not "
                        + "available, which the statistics leave out"),
                integer(SEGMENT, "segment", "The chart segment the point is in, 0 for the first"),
                number(CENTRE_LINE, UNIT, "The segment's centre line: the mean of its values"),
                number(LOWER_LIMIT, UNIT, "Lower process limit: centre line - 2.66 x mean moving range"),
                number(UPPER_LIMIT, UNIT, "Upper process limit: centre line + 2.66 x mean moving range"),
                number(LOWER_INNER, UNIT, "Lower inner limit (2 sigma): centre line - 1.773 x mean moving range"),
                number(UPPER_INNER, UNIT, "Upper inner limit (2 sigma): centre line + 1.773 x mean moving range"),
                number(MOVING_RANGE, UNIT, "|value - the previous available value|; empty for the first"),
                code(RULE, CodeSet.SPC_RULE, "The special-cause rule the point meets"),
                integer(DIRECTION, null, "Side of the special cause: 1 high, -1 low, 0 none"),
                code(POINT_TYPE, CodeSet.SPC_POINT_TYPE, "What the chart says of the point, by polarity"),
                number(FUNNEL_VALUE, UNIT, "An authority's value in the funnel plot: numerator / denominator x "
                        + "multiplier, unrounded; empty when the indicator has no funnel plot or the authority is "
                        + "left out"),
                number(FUNNEL_Z, "z-score", "(value - pooled value) / the standard error at the authority's "
                        + "denominator, widened for overdispersion"),
                number(FUNNEL_LOWER_95, UNIT, "Lower 95% funnel limit at the authority's denominator"),
                number(FUNNEL_UPPER_95, UNIT, "Upper 95% funnel limit"),
                number(FUNNEL_LOWER_998, UNIT, "Lower 99.8% funnel limit"),
                number(FUNNEL_UPPER_998, UNIT, "Upper 99.8% funnel limit"),
                code(FUNNEL_POSITION_95, CodeSet.FUNNEL_POSITION, "Inside, above or below the 95% limits"),
                code(FUNNEL_POSITION_998, CodeSet.FUNNEL_POSITION, "Inside, above or below the 99.8% limits"),
                code(FUNNEL_JUDGEMENT_95, CodeSet.JUDGEMENT, "What the position against the 95% limits means, by "
                        + "polarity"),
                code(FUNNEL_JUDGEMENT_998, CodeSet.JUDGEMENT, "What the position against the 99.8% limits means"),
                code(FUNNEL_EXCLUDED, CodeSet.FUNNEL_EXCLUSION, "Why the funnel plot leaves an authority with an "
                        + "available value out (its funnel columns are then empty)"),
                number(OUTLIER_Z, "modified z-score", "The authority's modified z-score among all authorities' "
                        + "values: 0.6745 (value - median) / MAD, or the mean-absolute-deviation fallback; empty "
                        + "for counts and FTEs, whose spread is mostly size"),
                code(OUTLIER_FLAG, CodeSet.OUTLIER_FLAG, "Whether |modified z| is above the threshold (3.5)"),
                code(OUTLIER_JUDGEMENT, CodeSet.JUDGEMENT, "What an outlier means, by polarity"));
    }

    /** {@code gold.fact_series_signal}: one row per series: its SPC summary and its trend. */
    public static final class FactSeriesSignal {
        public static final String FIRST_PERIOD_KEY = "first_period_key";
        public static final String PERIODS = "periods";
        public static final String POINTS = "points";
        public static final String LAST_VALUE = "last_value";
        public static final String SEGMENTS = "segments";
        public static final String CENTRE_LINE = FactSignal.CENTRE_LINE;
        public static final String LOWER_LIMIT = FactSignal.LOWER_LIMIT;
        public static final String UPPER_LIMIT = FactSignal.UPPER_LIMIT;
        public static final String LOWER_INNER = FactSignal.LOWER_INNER;
        public static final String UPPER_INNER = FactSignal.UPPER_INNER;
        public static final String VARIATION = "variation_icon_code";
        public static final String ASSURANCE = "assurance_icon_code";
        public static final String ENOUGH_POINTS = "enough_points";
        public static final String WARNINGS = "warnings";
        public static final String TREND_POINTS = "trend_points";
        public static final String S = "mann_kendall_s";
        public static final String VAR_S = "mann_kendall_var_s";
        public static final String Z = "mann_kendall_z";
        public static final String P_VALUE = "p_value";
        public static final String TAU = "kendall_tau";
        public static final String TAU_B = "kendall_tau_b";
        public static final String SEN_SLOPE = "sen_slope";
        public static final String SEN_INTERCEPT = "sen_intercept";
        public static final String ALPHA = "alpha";
        public static final String TREND = "trend_code";
        public static final String SIGNIFICANT = "trend_significant";

        private static final String UNIT = "the indicator's unit";

        public static final TableDef TABLE = TableDef.of("gold.fact_series_signal",
                "one row per series: indicator, area and period type (period_key is the series' last period)",
                "Each series' SPC summary (the NHS 'Making Data Count' variation and assurance icons, the last "
                        + "segment's limits) and its Mann-Kendall trend with Sen's slope. The target judged is "
                        + "gold.dim_indicator's",
                INDICATOR, AREA,
                key(PERIOD_KEY, "The series' last period (gold.dim_period; its period_type is the series')"),
                key(FIRST_PERIOD_KEY, "The series' first period (gold.dim_period)"),
                integer(PERIODS, "periods", "Periods with a row (available or not); gaps have none"),
                integer(POINTS, "periods", "Periods with an available value"),
                number(LAST_VALUE, UNIT, "The last available value"),
                integer(SEGMENTS, "segments", "Chart segments (recalculations of the limits)"),
                number(CENTRE_LINE, UNIT, "The last segment's centre line"),
                number(LOWER_LIMIT, UNIT, "The last segment's lower process limit"),
                number(UPPER_LIMIT, UNIT, "The last segment's upper process limit"),
                number(LOWER_INNER, UNIT, "The last segment's lower inner limit (2 sigma)"),
                number(UPPER_INNER, UNIT, "The last segment's upper inner limit (2 sigma)"),
                code(VARIATION, CodeSet.VARIATION_ICON, "Variation icon of the latest point"),
                code(ASSURANCE, CodeSet.ASSURANCE_ICON, "Assurance icon: the last limits against the indicator's "
                        + "target"),
                flag(ENOUGH_POINTS, "Every segment has the recommended number of values (13)"),
                text(WARNINGS, "What makes the chart less reliable (short segments), '; '-separated; empty when "
                        + "nothing does"),
                integer(TREND_POINTS, "periods", "Values the trend test uses"),
                count(S, null, "Mann-Kendall S: pairs rising minus pairs falling"),
                number(VAR_S, null, "Variance of S, corrected for ties"),
                number(Z, "z-score", "Continuity-corrected normal score of S"),
                number(P_VALUE, "probability", "Two-sided p-value of the trend"),
                number(TAU, null, "Kendall's tau-a"),
                number(TAU_B, null, "Kendall's tau-b (tie-corrected)"),
                number(SEN_SLOPE, "the indicator's unit per period", "Sen's slope: the median of the pairwise "
                        + "slopes, per period of the series' type, across gaps"),
                number(SEN_INTERCEPT, UNIT, "Sen's intercept at the first period: median(value) - slope x "
                        + "median(position)"),
                number(ALPHA, "probability", "The significance level the trend is judged at (csbench run's "
                        + "setting, 0.05 by default)"),
                code(TREND, CodeSet.TREND, "The trend's direction, by polarity, or why there is none"),
                flag(SIGNIFICANT, "The trend is significant at alpha (p_value < alpha with enough values)"));
    }

    /**
     * {@code gold.fact_cross_section}: what is the same for every authority of an indicator-period cross-section
     * (the funnel plot's pooled value and overdispersion, the outlier score's median and spread).
     */
    public static final class FactCrossSection {
        public static final String AUTHORITIES = "authorities";
        public static final String FUNNEL_MODEL = "funnel_model_code";
        public static final String POOLED_VALUE = "pooled_value";
        public static final String PHI = "phi";
        public static final String TAU2 = "tau2";
        public static final String MEDIAN = "outlier_median";
        public static final String MAD = "outlier_mad";
        public static final String MEAN_ABSOLUTE_DEVIATION = "outlier_mean_absolute_deviation";
        public static final String SCALE = "outlier_scale_code";

        private static final String UNIT = "the indicator's unit";

        public static final TableDef TABLE = TableDef.of("gold.fact_cross_section",
                "one row per indicator and period compared across authorities",
                "The authorities with an available value for one indicator and period, compared with each other: "
                        + "what their funnel plot and outlier scores share (each authority's own figures are in "
                        + "gold.fact_signal with the same indicator and period keys)",
                INDICATOR, PERIOD,
                integer(AUTHORITIES, "authorities", "Authorities compared: those with an available value"),
                code(FUNNEL_MODEL, CodeSet.FUNNEL_MODEL, "The funnel plot's model; empty when the indicator has "
                        + "none (no denominator, or not a percentage or rate)"),
                number(POOLED_VALUE, UNIT, "The funnel's centre: the sum of the numerators over the sum of the "
                        + "denominators x multiplier"),
                number(PHI, null, "Overdispersion factor (winsorised z-scores, 10% each side)"),
                number(TAU2, "the indicator's unit squared", "Between-authority variance added to the limits "
                        + "(additive random effects); 0 when there is no overdispersion"),
                number(MEDIAN, UNIT, "Median of the authorities' values; empty for counts and FTEs (no outlier "
                        + "scores)"),
                number(MAD, UNIT, "Median absolute deviation from the median"),
                number(MEAN_ABSOLUTE_DEVIATION, UNIT, "Mean absolute deviation from the median (the fallback "
                        + "when MAD is 0)"),
                code(SCALE, CodeSet.OUTLIER_SCALE, "Which spread the modified z-scores are scaled by"));
    }

    /** {@code gold.fact_data_quality}: one row per data-quality anomaly. */
    public static final class FactDataQuality {
        public static final String ANOMALY = "anomaly_code";
        public static final String VALUE = "value";
        public static final String REFERENCE = "reference";
        public static final String MESSAGE = "message";

        public static final TableDef TABLE = TableDef.of("gold.fact_data_quality",
                "one row per indicator, area, period and anomaly",
                "Values that look wrong against the series' own history or the catalogue's valid range: relative "
                        + "jumps, newly missing or suppressed values, values out of range. Status and published "
                        + "figure are in gold.fact_indicator_value with the same keys",
                INDICATOR, AREA,
                key(PERIOD_KEY, "The period (gold.dim_period); for a newly missing value, the period with no value"),
                code(ANOMALY, CodeSet.ANOMALY, "What is wrong"),
                number(VALUE, "the indicator's unit", "The value; empty when there is none"),
                number(REFERENCE, "the indicator's unit", "What it is measured against: the median of the "
                        + "previous values (jump), the last available value (newly missing or suppressed), the "
                        + "bound crossed (out of range)"),
                text(MESSAGE, "The anomaly in words, with its figures"));
    }

    /** {@code gold.fact_revision}: each value a later release of a source changed. */
    public static final class FactRevision {
        public static final String FROM_RELEASE = "from_release";
        public static final String TO_RELEASE = "to_release";
        public static final String OLD_VALUE = "old_value";
        public static final String NEW_VALUE = "new_value";
        public static final String DIFFERENCE = "difference";
        public static final String OLD_STATUS = "old_status_code";
        public static final String NEW_STATUS = "new_status_code";
        public static final String OLD_NUMERATOR = "old_numerator";
        public static final String NEW_NUMERATOR = "new_numerator";
        public static final String OLD_DENOMINATOR = "old_denominator";
        public static final String NEW_DENOMINATOR = "new_denominator";
        public static final String CAUSE = "cause_code";

        public static final TableDef TABLE = TableDef.of("gold.fact_revision",
                "one row per indicator, area, period and pair of consecutive releases",
                "Each value that a later release of a source changed (releases ordered by their publication date or "
                        + "label): the value as published in each release (or as computed from it where it publishes "
                        + "none), the difference and its cause where the releases show it",
                INDICATOR, AREA, PERIOD,
                text(FROM_RELEASE, "The earlier release (the source entry's release label, or the file's SHA-256)"),
                text(TO_RELEASE, "The later release that changed the value"),
                number(OLD_VALUE, "the indicator's unit", "The value in the earlier release: its published figure, "
                        + "or the value computed from its inputs where it publishes none"),
                number(NEW_VALUE, "the indicator's unit", "The value in the later release, found the same way"),
                number(DIFFERENCE, "the indicator's unit", "new_value - old_value"),
                code(OLD_STATUS, CodeSet.STATUS, "The value's status in the earlier release"),
                code(NEW_STATUS, CodeSet.STATUS, "The value's status in the later release"),
                number(OLD_NUMERATOR, "the numerator measure's unit", "The numerator in the earlier release"),
                number(NEW_NUMERATOR, "the numerator measure's unit", "The numerator in the later release"),
                number(OLD_DENOMINATOR, "the denominator's unit", "The denominator the earlier release's value was "
                        + "computed with here (the current population for a rate per 10,000)"),
                number(NEW_DENOMINATOR, "the denominator's unit", "The denominator of the later release's value"),
                code(CAUSE, CodeSet.REVISION_CAUSE, "Why the value changed, where the releases show it"));
    }

    /** {@code gold.bridge_statistical_neighbour}: each authority's statistical neighbours, by model. */
    public static final class BridgeStatisticalNeighbour {
        public static final String NEIGHBOUR_AREA_KEY = "neighbour_area_key";
        public static final String MODEL = "model";
        public static final String RANK = "neighbour_rank";
        public static final String CLOSENESS = "closeness_code";
        public static final String FIRST_YEAR = "first_reporting_year";
        public static final String LAST_YEAR = "last_reporting_year";

        public static final TableDef TABLE = TableDef.of("gold.bridge_statistical_neighbour",
                "one row per authority, model and neighbour",
                "The DfE statistical-neighbour models (reference.statistical_neighbour): each authority's ten "
                        + "closest authorities, the model in force for a reporting year, for comparisons with "
                        + "neighbours in BI tools",
                key(AREA_KEY, "The authority (gold.dim_area)"),
                key(NEIGHBOUR_AREA_KEY, "Its neighbour (gold.dim_area)"),
                integer(MODEL, "year", "The model: 2021 or 2025"),
                integer(RANK, "rank", "The neighbour's rank, 1 = closest"),
                code(CLOSENESS, CodeSet.CLOSENESS, "How close the model says the neighbour is"),
                integer(FIRST_YEAR, "year", "First reporting year (year to 31 March) the model is in force"),
                integer(LAST_YEAR, "year", "Last reporting year the model is in force; empty while it is current"));
    }

    /** Every published table, dimensions first. */
    public static List<TableDef> tables() {
        return List.of(DimIndicator.TABLE, DimArea.TABLE, DimPeriod.TABLE, DimCode.TABLE,
                BridgeStatisticalNeighbour.TABLE, FactIndicatorValue.TABLE, FactIndicatorWindow.TABLE,
                FactBenchmark.TABLE, FactSignal.TABLE, FactSeriesSignal.TABLE, FactCrossSection.TABLE,
                FactDataQuality.TABLE, FactRevision.TABLE);
    }

    /** The columns that identify one row of {@code table} (its grain): unique together, never empty. */
    public static List<String> grain(TableDef table) {
        if (table.equals(FactCrossSection.TABLE)) {
            return List.of(INDICATOR_KEY, PERIOD_KEY);
        } else if (table.equals(FactDataQuality.TABLE)) {
            return List.of(INDICATOR_KEY, AREA_KEY, PERIOD_KEY, FactDataQuality.ANOMALY);
        } else if (table.equals(FactRevision.TABLE)) {
            return List.of(INDICATOR_KEY, AREA_KEY, PERIOD_KEY, FactRevision.FROM_RELEASE, FactRevision.TO_RELEASE);
        } else if (table.equals(BridgeStatisticalNeighbour.TABLE)) {
            return List.of(AREA_KEY, BridgeStatisticalNeighbour.MODEL, BridgeStatisticalNeighbour.RANK);
        } else if (table.equals(DimCode.TABLE)) {
            return List.of(DimCode.CODE_SET, DimCode.CODE);
        } else if (table.name().startsWith("gold.fact_")) {
            return List.of(INDICATOR_KEY, AREA_KEY, PERIOD_KEY);
        }
        return List.of(table.columns().get(0).name());
    }
}

package org.csbench.publish.disclosure;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.contract.CodeSet;
import org.csbench.contract.ColumnDef;
import org.csbench.contract.Star;
import org.csbench.model.GeographicLevel;
import org.csbench.model.Unit;
import org.csbench.publish.AnalystView;
import org.csbench.model.Seqs;

/**
 * Disclosure control on the way out of the warehouse: {@code Disclosure.apply(analystRows, rules, level)} turns the
 * analyst view ({@link AnalystView}, keys included) into what may be published. The warehouse keeps exact values.
 *
 * <p>At {@link DisclosureLevel#PUBLIC}, with each row's rule ({@link DisclosureRules}):
 * <ol>
 * <li>Counts are the cells of a measure for an area and period: the numerator of a count, percentage or rate, and a
 * denominator other than the ONS population. A measure used by several indicators (referrals: the numerator of the
 * referral rate, the denominator of the re-referral percentage) is one cell, decided once, so no indicator
 * publishes what another hides.</li>
 * <li>Primary: a local authority's count from the rule's min to max (DfE: 1 to 5) is suppressed.</li>
 * <li>Secondary: a total is assumed known for every region and for England (published, or implied by a comparator
 * csbench aggregates from the authorities). Where one of its authorities' counts is the only one unknown (suppressed
 * here, or by the source) and it was suppressed here, the smallest known count of the same total is suppressed too;
 * repeated until nothing changes, so no suppressed count is the difference of a total and published counts.</li>
 * <li>A row's value is suppressed when its numerator or denominator is; then so is everything worked out from it
 * (gaps, comparisons, rank, band, RAG, directions). A neighbour average that includes a suppressed value, and an
 * earlier period's value that is suppressed in its own row, are suppressed too.</li>
 * <li>England's and the regions' counts are rounded to the rule's unit (DfE: 10).</li>
 * </ol>
 * A suppressed number becomes null and a suppressed label {@value #SYMBOL}; {@link #SUPPRESSED_COLUMNS} lists a row's
 * suppressed columns, so writers print {@value #SYMBOL} for them ({@link #isSuppressed}). At
 * {@link DisclosureLevel#INTERNAL} the rows are returned exact, with an empty list.
 */
public final class Disclosure {
    /** The DfE's symbol for a suppressed figure. */
    public static final String SYMBOL = "c";
    public static final String SUPPRESSED_COLUMNS = "suppressed_columns";
    /** The column's description, for exports. */
    public static final ColumnDef SUPPRESSED_COLUMNS_DEF = new ColumnDef(SUPPRESSED_COLUMNS,
            DataTypes.createArrayType(DataTypes.StringType), null, "The columns of this row suppressed by "
                    + "disclosure control (shown as " + SYMBOL + "); empty in an internal export");
    /** {@link AnalystView#STATUS_REASON} of a value suppressed because a count behind it is small. */
    public static final String REASON_SMALL_COUNT = "small_count";
    /** {@link AnalystView#STATUS_REASON} of a value suppressed so that a small count cannot be worked out. */
    public static final String REASON_SECONDARY = "secondary_suppression";
    /** The most secondary passes; each adds at least one cell, and one or two are needed in practice. */
    static final int MAX_PASSES = 20;

    private static final String RULE = "_rule";
    private static final String MEASURE = "_measure";
    private static final String COUNT = "_count";
    private static final String SUPPRESS_MIN = "_suppress_min";
    private static final String SUPPRESS_MAX = "_suppress_max";
    private static final String SECONDARY = "_secondary";
    private static final String SUPPRESSED = "_suppressed";
    private static final String REASON = "_reason";
    private static final String UNKNOWN = "_unknown";
    private static final String UNKNOWN_IN_TOTAL = "_unknown_in_total";
    private static final String OURS_IN_TOTAL = "_ours_in_total";
    private static final String ORDER = "_order";
    private static final String ADDED = "_added";
    private static final String NUMERATOR_SUPPRESSED = "_numerator_suppressed";
    private static final String NUMERATOR_REASON = "_numerator_reason";
    private static final String DENOMINATOR_SUPPRESSED = "_denominator_suppressed";
    private static final String DENOMINATOR_REASON = "_denominator_reason";
    private static final String VALUE_SUPPRESSED = "_value_suppressed";
    private static final String NEIGHBOUR_SUPPRESSED = "_neighbour_suppressed";
    private static final String PREVIOUS_SUPPRESSED = "_previous_suppressed";
    private static final String LAST_YEAR_SUPPRESSED = "_last_year_suppressed";
    private static final String LA = GeographicLevel.LOCAL_AUTHORITY.code();
    /** The status label of a suppressed value (a label of {@link CodeSet#STATUS}: checked when the class loads). */
    private static final String STATUS_SUPPRESSED = CodeSet.STATUS.labels()
            .get(CodeSet.STATUS.code("suppressed") - 1).label();

    private Disclosure() {
    }

    /** Whether {@code column} of a row {@link #apply} returned is suppressed (to be shown as {@value #SYMBOL}). */
    public static boolean isSuppressed(Row row, String column) {
        List<String> suppressed = row.getList(row.fieldIndex(SUPPRESSED_COLUMNS));
        return suppressed != null && suppressed.contains(column);
    }

    /**
     * The analyst view's rows ({@link AnalystView#build}, keys included, before any filter: totals need every
     * authority) as they may leave the warehouse at {@code level}: the same columns plus {@link #SUPPRESSED_COLUMNS}.
     */
    public static Dataset<Row> apply(Dataset<Row> analystRows, DisclosureRules rules, DisclosureLevel level) {
        if (level == DisclosureLevel.INTERNAL) {
            return analystRows.withColumn(SUPPRESSED_COLUMNS, array().cast(SUPPRESSED_COLUMNS_DEF.type()));
        }
        Dataset<Row> ruled = analystRows.withColumn(RULE,
                rules.ruleFor(col(AnalystView.INDICATOR_ID), col(AnalystView.SOURCES)));
        Dataset<Row> settled = secondary(primary(cells(ruled)));
        Dataset<Row> exposed = exposedTotals(settled).localCheckpoint();
        Dataset<Row> cells = withTotalsSuppressed(settled, exposed);
        return hide(roundTotals(comparatorTotals(flag(ruled, cells), exposed)), analystRows.columns());
    }

    /** The numerator counts something (children, referrals, plans): the value is a count, percentage or rate of it. */
    static Column numeratorIsCount() {
        Column unit = col(AnalystView.UNIT);
        return unit.equalTo(Unit.COUNT.code()).or(col(AnalystView.DENOMINATOR_MEASURE).isNotNull()
                .and(unit.isin(Unit.PERCENT.code(), Unit.RATE_PER_10000.code(), Unit.RATE_PER_100000.code())));
    }

    /** The denominator is a count (not the ONS population, which is published). */
    static Column denominatorIsCount() {
        return col(AnalystView.DENOMINATOR_MEASURE).isNotNull()
                .and(not(col(AnalystView.DENOMINATOR_MEASURE).startsWith("population_")))
                .and(col(AnalystView.UNIT).isin(Unit.PERCENT.code(), Unit.RATE_PER_10000.code(),
                        Unit.RATE_PER_100000.code(), Unit.COUNT.code()));
    }

    /** One row per measure, area and period that is a count, with the strictest rule of the rows that show it. */
    private static Dataset<Row> cells(Dataset<Row> ruled) {
        Dataset<Row> numerators = ruled.filter(numeratorIsCount()).select(col(AnalystView.NUMERATOR_MEASURE).as(MEASURE),
                col(AnalystView.AREA_CODE), col(AnalystView.LEVEL), col(AnalystView.REGION_CODE),
                col(AnalystView.COMPARATOR_REGION_CODE), col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END),
                col(AnalystView.NUMERATOR).as(COUNT),
                col(RULE));
        Dataset<Row> denominators = ruled.filter(denominatorIsCount()).select(
                col(AnalystView.DENOMINATOR_MEASURE).as(MEASURE), col(AnalystView.AREA_CODE), col(AnalystView.LEVEL),
                col(AnalystView.REGION_CODE), col(AnalystView.COMPARATOR_REGION_CODE), col(AnalystView.PERIOD_TYPE),
                col(AnalystView.PERIOD_END), col(AnalystView.DENOMINATOR).as(COUNT), col(RULE));
        return numerators.union(denominators)
                .groupBy(col(MEASURE), col(AnalystView.AREA_CODE), col(AnalystView.PERIOD_TYPE),
                        col(AnalystView.PERIOD_END))
                .agg(first(AnalystView.LEVEL).as(AnalystView.LEVEL),
                        first(AnalystView.REGION_CODE).as(AnalystView.REGION_CODE),
                        first(AnalystView.COMPARATOR_REGION_CODE).as(AnalystView.COMPARATOR_REGION_CODE),
                        max(COUNT).as(COUNT),
                        min(col(RULE).getField(DisclosureRules.SUPPRESS_MIN)).as(SUPPRESS_MIN),
                        max(col(RULE).getField(DisclosureRules.SUPPRESS_MAX)).as(SUPPRESS_MAX),
                        max(col(RULE).getField(DisclosureRules.SECONDARY)).as(SECONDARY));
    }

    private static Dataset<Row> primary(Dataset<Row> cells) {
        Column small = col(AnalystView.LEVEL).equalTo(LA).and(col(COUNT).geq(col(SUPPRESS_MIN)))
                .and(col(COUNT).leq(col(SUPPRESS_MAX)));
        return cells.withColumn(SUPPRESSED, coalesce(small, lit(false)))
                .withColumn(REASON, when(col(SUPPRESSED), lit(REASON_SMALL_COUNT)));
    }

    /**
     * Secondary passes over the totals of each region, comparator region (London for its boroughs) and England, until
     * no pass adds a cell; then the totals that still give a suppressed count back (a total of one authority) are
     * suppressed themselves ({@link #exposedTotals}).
     */
    private static Dataset<Row> secondary(Dataset<Row> cells) {
        Dataset<Row> current = cells.localCheckpoint();
        long suppressed = current.filter(col(SUPPRESSED)).count();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Dataset<Row> next = secondaryPass(current).localCheckpoint();
            long now = next.filter(col(SUPPRESSED)).count();
            current = next;
            if (now == suppressed) {
                return current;
            }
            suppressed = now;
        }
        throw new IllegalStateException("Secondary suppression did not settle in " + MAX_PASSES + " passes");
    }

    private static final String TOTAL_CODE = "_total_code";
    private static final String TOTAL_KNOWN = "_total_known";
    private static final String GROUP_SIZE = "_group_size";
    /** The total code of England's group. */
    private static final String ENGLAND = GeographicLevel.NATIONAL.code();

    /** The groups of authorities whose total is known, as the column that names their total. */
    private static List<Column> totals() {
        return List.of(col(AnalystView.REGION_CODE), col(AnalystView.COMPARATOR_REGION_CODE), lit(ENGLAND));
    }

    private static WindowSpec group(Column total) {
        return Window.partitionBy(col(MEASURE), col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END), total);
    }

    private static Dataset<Row> secondaryPass(Dataset<Row> cells) {
        // A region's own total is known where its row publishes the count; a comparator region's and England's
        // always (csbench shows them as comparators, aggregated from the authorities where nothing is published).
        Dataset<Row> published = cells.filter(col(AnalystView.LEVEL).equalTo(GeographicLevel.REGIONAL.code())
                        .and(col(COUNT).isNotNull()))
                .select(col(MEASURE).as("_k_measure"), col(AnalystView.PERIOD_TYPE).as("_k_type"),
                        col(AnalystView.PERIOD_END).as("_k_end"), col(AnalystView.AREA_CODE).as("_k_code"));
        Dataset<Row> authorities = cells.filter(col(AnalystView.LEVEL).equalTo(LA))
                .join(published, col(MEASURE).equalTo(col("_k_measure"))
                        .and(col(AnalystView.PERIOD_TYPE).equalTo(col("_k_type")))
                        .and(col(AnalystView.PERIOD_END).equalTo(col("_k_end")))
                        .and(col(AnalystView.REGION_CODE).equalTo(col("_k_code"))), "left")
                .withColumn(TOTAL_KNOWN, col("_k_code").isNotNull())
                .drop("_k_measure", "_k_type", "_k_end", "_k_code");
        List<Column> totals = totals();
        for (int i = 0; i < totals.size(); i++) {
            authorities = withinTotal(authorities, group(totals.get(i)), i == 0 ? col(TOTAL_KNOWN) : lit(true));
        }
        return authorities.drop(TOTAL_KNOWN).unionByName(cells.filter(col(AnalystView.LEVEL).notEqual(LA)));
    }

    /**
     * Where a known total's only unknown count is one suppressed here, the smallest known count of that total (then
     * the lowest area code) is suppressed too.
     */
    private static Dataset<Row> withinTotal(Dataset<Row> authorities, WindowSpec total, Column known) {
        Column unknown = col(SUPPRESSED).or(col(COUNT).isNull());
        Column added = col(SECONDARY).and(known).and(col(UNKNOWN_IN_TOTAL).equalTo(1))
                .and(col(OURS_IN_TOTAL).equalTo(1)).and(col(ORDER).equalTo(1)).and(not(col(UNKNOWN)));
        return authorities.withColumn(UNKNOWN, unknown)
                .withColumn(UNKNOWN_IN_TOTAL, sum(col(UNKNOWN).cast(DataTypes.IntegerType)).over(total))
                .withColumn(OURS_IN_TOTAL, sum(col(SUPPRESSED).cast(DataTypes.IntegerType)).over(total))
                .withColumn(ORDER, row_number().over(total.orderBy(col(UNKNOWN), col(COUNT), col(AnalystView.AREA_CODE))))
                .withColumn(ADDED, coalesce(added, lit(false)))
                .withColumn(SUPPRESSED, col(SUPPRESSED).or(col(ADDED)))
                .withColumn(REASON, when(col(ADDED), lit(REASON_SECONDARY)).otherwise(col(REASON)))
                .drop(UNKNOWN, UNKNOWN_IN_TOTAL, OURS_IN_TOTAL, ORDER, ADDED);
    }

    /**
     * The totals (measure, period, and the region's code or {@code national}) of a group of one authority whose count
     * is suppressed: no other count can hide it, so the total is suppressed instead (the region's or England's own
     * count, and the comparator value an authority's row shows).
     */
    private static Dataset<Row> exposedTotals(Dataset<Row> cells) {
        Dataset<Row> authorities = cells.filter(col(AnalystView.LEVEL).equalTo(LA));
        Dataset<Row> exposed = null;
        for (Column total : totals()) {
            Dataset<Row> alone = authorities.withColumn(GROUP_SIZE, org.apache.spark.sql.functions.count(lit(1))
                            .over(group(total)))
                    .filter(col(GROUP_SIZE).equalTo(1).and(col(SUPPRESSED)).and(col(SECONDARY)))
                    .select(col(MEASURE), col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END),
                            total.as(TOTAL_CODE));
            exposed = exposed == null ? alone : exposed.union(alone);
        }
        return exposed.distinct();
    }

    /** The cells with the exposed totals' own cells (a region's or England's count) suppressed. */
    private static Dataset<Row> withTotalsSuppressed(Dataset<Row> cells, Dataset<Row> exposed) {
        Column totalCode = when(col(AnalystView.LEVEL).equalTo(GeographicLevel.NATIONAL.code()), lit(ENGLAND))
                .otherwise(col(AnalystView.AREA_CODE));
        Dataset<Row> marked = cells.withColumn(TOTAL_CODE, totalCode)
                .join(exposed.withColumn(ADDED, lit(true)), Seqs.of(MEASURE, AnalystView.PERIOD_TYPE,
                        AnalystView.PERIOD_END, TOTAL_CODE), "left");
        Column hit = coalesce(col(ADDED), lit(false)).and(col(AnalystView.LEVEL).notEqual(LA));
        return marked.withColumn(REASON, when(hit.and(not(col(SUPPRESSED))), lit(REASON_SECONDARY))
                        .otherwise(col(REASON)))
                .withColumn(SUPPRESSED, col(SUPPRESSED).or(hit))
                .drop(TOTAL_CODE, ADDED);
    }


    /** The rows with what is suppressed in them and in the rows they refer to (neighbours, earlier periods). */
    private static Dataset<Row> flag(Dataset<Row> ruled, Dataset<Row> cells) {
        Dataset<Row> decided = cells.filter(col(SUPPRESSED));
        Dataset<Row> rows = ruled
                .join(decisions(decided, "_n"), col(AnalystView.NUMERATOR_MEASURE).equalTo(col("_n" + MEASURE))
                        .and(numeratorIsCount()).and(sameCell("_n")), "left")
                .withColumnRenamed("_n" + REASON, NUMERATOR_REASON)
                .join(decisions(decided, "_d"), col(AnalystView.DENOMINATOR_MEASURE).equalTo(col("_d" + MEASURE))
                        .and(denominatorIsCount()).and(sameCell("_d")), "left")
                .withColumnRenamed("_d" + REASON, DENOMINATOR_REASON)
                .withColumn(NUMERATOR_SUPPRESSED, col(NUMERATOR_REASON).isNotNull())
                .withColumn(DENOMINATOR_SUPPRESSED, col(DENOMINATOR_REASON).isNotNull())
                .withColumn(VALUE_SUPPRESSED, col(NUMERATOR_SUPPRESSED).or(col(DENOMINATOR_SUPPRESSED)))
                .drop("_n" + MEASURE, "_n" + AnalystView.AREA_CODE, "_n" + AnalystView.PERIOD_TYPE,
                        "_n" + AnalystView.PERIOD_END, "_d" + MEASURE, "_d" + AnalystView.AREA_CODE,
                        "_d" + AnalystView.PERIOD_TYPE, "_d" + AnalystView.PERIOD_END);
        Dataset<Row> hiddenValues = rows.filter(col(VALUE_SUPPRESSED).and(col(AnalystView.VALUE).isNotNull()))
                .select(col(Star.INDICATOR_KEY).as("_h_indicator"), col(Star.PERIOD_KEY).as("_h_period"),
                        col(Star.AREA_KEY).as("_h_area"), col(AnalystView.AREA_CODE).as("_h_code"));
        Dataset<Row> neighbourHit = rows.filter(col(AnalystView.SN_CODES).isNotNull())
                .select(col(Star.INDICATOR_KEY).as("_s_indicator"), col(Star.PERIOD_KEY).as("_s_period"),
                        col(Star.AREA_KEY).as("_s_area"), explode(split(col(AnalystView.SN_CODES), ",")).as("_s_code"))
                .join(hiddenValues, col("_s_indicator").equalTo(col("_h_indicator"))
                        .and(col("_s_period").equalTo(col("_h_period"))).and(col("_s_code").equalTo(col("_h_code"))))
                .select("_s_indicator", "_s_period", "_s_area").distinct();
        Dataset<Row> previous = hiddenValues.select(col("_h_indicator").as("_p_indicator"),
                col("_h_area").as("_p_area"), col("_h_period").as("_p_period"));
        Dataset<Row> lastYear = hiddenValues.select(col("_h_indicator").as("_y_indicator"),
                col("_h_area").as("_y_area"), col("_h_period").as("_y_period"));
        return rows
                .join(neighbourHit, col(Star.INDICATOR_KEY).equalTo(col("_s_indicator"))
                        .and(col(Star.PERIOD_KEY).equalTo(col("_s_period")))
                        .and(col(Star.AREA_KEY).equalTo(col("_s_area"))), "left")
                .withColumn(NEIGHBOUR_SUPPRESSED, col("_s_area").isNotNull())
                .join(previous, col(Star.INDICATOR_KEY).equalTo(col("_p_indicator"))
                        .and(col(Star.AREA_KEY).equalTo(col("_p_area")))
                        .and(col(Star.FactBenchmark.PREVIOUS_PERIOD_KEY).equalTo(col("_p_period"))),
                        "left")
                .withColumn(PREVIOUS_SUPPRESSED, col("_p_area").isNotNull())
                .join(lastYear, col(Star.INDICATOR_KEY).equalTo(col("_y_indicator"))
                        .and(col(Star.AREA_KEY).equalTo(col("_y_area")))
                        .and(col(Star.FactBenchmark.LAST_YEAR_PERIOD_KEY).equalTo(col("_y_period"))),
                        "left")
                .withColumn(LAST_YEAR_SUPPRESSED, col("_y_area").isNotNull());
    }

    private static final String REGION_TOTAL_SUPPRESSED = "_region_total_suppressed";
    private static final String ENGLAND_TOTAL_SUPPRESSED = "_england_total_suppressed";

    /** An authority's region and England comparators, where their total is exposed (see {@link #exposedTotals}). */
    private static Dataset<Row> comparatorTotals(Dataset<Row> rows, Dataset<Row> exposed) {
        Dataset<Row> measures = exposed.select(col(MEASURE).as("_x_measure"), col(AnalystView.PERIOD_TYPE).as("_x_type"),
                col(AnalystView.PERIOD_END).as("_x_end"), col(TOTAL_CODE).as("_x_code"));
        Column sameTotal = col(AnalystView.PERIOD_TYPE).equalTo(col("_x_type"))
                .and(col(AnalystView.PERIOD_END).equalTo(col("_x_end")))
                .and(col(AnalystView.NUMERATOR_MEASURE).equalTo(col("_x_measure"))
                        .or(col(AnalystView.DENOMINATOR_MEASURE).equalTo(col("_x_measure"))));
        Dataset<Row> region = rows.filter(col(AnalystView.LEVEL).equalTo(LA)).select(col(Star.INDICATOR_KEY), col(Star.AREA_KEY), col(Star.PERIOD_KEY),
                        col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END), col(AnalystView.NUMERATOR_MEASURE),
                        col(AnalystView.DENOMINATOR_MEASURE), col(AnalystView.COMPARATOR_REGION_CODE))
                .join(org.apache.spark.sql.functions.broadcast(measures), sameTotal.and(col(AnalystView.COMPARATOR_REGION_CODE).equalTo(col("_x_code"))
                        .or(sameTotal.and(col("_x_code").equalTo(ENGLAND)))))
                .groupBy(col(Star.INDICATOR_KEY).as("_c_indicator"), col(Star.AREA_KEY).as("_c_area"),
                        col(Star.PERIOD_KEY).as("_c_period"))
                .agg(max(col("_x_code").notEqual(ENGLAND)).as(REGION_TOTAL_SUPPRESSED),
                        max(col("_x_code").equalTo(ENGLAND)).as(ENGLAND_TOTAL_SUPPRESSED));
        return rows.join(region, col(Star.INDICATOR_KEY).equalTo(col("_c_indicator"))
                        .and(col(Star.AREA_KEY).equalTo(col("_c_area"))).and(col(Star.PERIOD_KEY).equalTo(col("_c_period"))),
                        "left")
                .withColumn(REGION_TOTAL_SUPPRESSED, coalesce(col(REGION_TOTAL_SUPPRESSED), lit(false)))
                .withColumn(ENGLAND_TOTAL_SUPPRESSED, coalesce(col(ENGLAND_TOTAL_SUPPRESSED), lit(false)))
                .drop("_c_indicator", "_c_area", "_c_period");
    }

    private static Dataset<Row> decisions(Dataset<Row> suppressedCells, String prefix) {
        return suppressedCells.select(col(MEASURE).as(prefix + MEASURE),
                col(AnalystView.AREA_CODE).as(prefix + AnalystView.AREA_CODE),
                col(AnalystView.PERIOD_TYPE).as(prefix + AnalystView.PERIOD_TYPE),
                col(AnalystView.PERIOD_END).as(prefix + AnalystView.PERIOD_END), col(REASON).as(prefix + REASON));
    }

    private static Column sameCell(String prefix) {
        return col(AnalystView.AREA_CODE).equalTo(col(prefix + AnalystView.AREA_CODE))
                .and(col(AnalystView.PERIOD_TYPE).equalTo(col(prefix + AnalystView.PERIOD_TYPE)))
                .and(col(AnalystView.PERIOD_END).equalTo(col(prefix + AnalystView.PERIOD_END)));
    }

    /** England's and the regions' counts, and an authority's comparators that are counts, to the rule's unit. */
    private static Dataset<Row> roundTotals(Dataset<Row> rows) {
        Column national = col(RULE).getField(DisclosureRules.ROUND_NATIONAL);
        Column regional = col(RULE).getField(DisclosureRules.ROUND_REGIONAL);
        Column level = col(AnalystView.LEVEL);
        Column unit = when(level.equalTo(GeographicLevel.NATIONAL.code()), national)
                .when(level.equalTo(GeographicLevel.REGIONAL.code()), regional);
        Column isCount = col(AnalystView.UNIT).equalTo(Unit.COUNT.code());
        return rows
                .withColumn(AnalystView.NUMERATOR, roundedIf(numeratorIsCount(), AnalystView.NUMERATOR, unit))
                .withColumn(AnalystView.DENOMINATOR, roundedIf(denominatorIsCount(), AnalystView.DENOMINATOR, unit))
                .withColumn(AnalystView.VALUE, roundedIf(isCount, AnalystView.VALUE, unit))
                .withColumn(AnalystView.REGION_VALUE, roundedIf(isCount, AnalystView.REGION_VALUE, regional))
                .withColumn(AnalystView.ENGLAND_VALUE, roundedIf(isCount, AnalystView.ENGLAND_VALUE, national));
    }

    private static Column roundedIf(Column condition, String column, Column unit) {
        return when(condition.and(unit.isNotNull()), round(col(column).divide(unit)).multiply(unit))
                .otherwise(col(column));
    }

    /** Suppressed cells emptied (numbers) or set to {@value #SYMBOL} (labels), and listed per row. */
    private static Dataset<Row> hide(Dataset<Row> rows, String[] columns) {
        Column value = col(VALUE_SUPPRESSED);
        Column neighbours = col(NEIGHBOUR_SUPPRESSED);
        Column previous = col(PREVIOUS_SUPPRESSED);
        Column lastYear = col(LAST_YEAR_SUPPRESSED);
        Map<String, Column> when = new LinkedHashMap<>();
        when.put(AnalystView.NUMERATOR, col(NUMERATOR_SUPPRESSED));
        when.put(AnalystView.DENOMINATOR, col(DENOMINATOR_SUPPRESSED));
        when.put(AnalystView.VALUE, value);
        Column region = col(REGION_TOTAL_SUPPRESSED);
        Column england = col(ENGLAND_TOTAL_SUPPRESSED);
        when.put(AnalystView.SN_AVERAGE, neighbours);
        when.put(AnalystView.REGION_VALUE, region);
        when.put(AnalystView.ENGLAND_VALUE, england);
        when.put(AnalystView.GAP_TO_SN, value.or(neighbours));
        when.put(AnalystView.VS_SN, value.or(neighbours));
        when.put(AnalystView.GAP_TO_REGION, value.or(region));
        when.put(AnalystView.VS_REGION, value.or(region));
        when.put(AnalystView.GAP_TO_ENGLAND, value.or(england));
        when.put(AnalystView.VS_ENGLAND, value.or(england));
        for (String column : List.of(AnalystView.RANK, AnalystView.QUARTILE_BAND, AnalystView.RAG,
                AnalystView.GAP_TO_TARGET)) {
            when.put(column, value);
        }
        when.put(AnalystView.PREVIOUS_VALUE, previous);
        when.put(AnalystView.DIRECTION_VS_PREVIOUS, value.or(previous));
        when.put(AnalystView.LAST_YEAR_VALUE, lastYear);
        when.put(AnalystView.DIRECTION_VS_LAST_YEAR, value.or(lastYear));

        Dataset<Row> out = rows;
        List<Column> listed = new ArrayList<>();
        for (Map.Entry<String, Column> entry : when.entrySet()) {
            String name = entry.getKey();
            Column hidden = entry.getValue().and(col(name).isNotNull());
            listed.add(when(hidden, lit(name)));
            out = out.withColumn("_hide_" + name, hidden);
        }
        out = out.withColumn(SUPPRESSED_COLUMNS, filter(array(listed.toArray(Column[]::new)), Column::isNotNull))
                .withColumn(AnalystView.STATUS, when(col("_hide_" + AnalystView.VALUE), lit(STATUS_SUPPRESSED)).otherwise(col(AnalystView.STATUS)))
                .withColumn(AnalystView.STATUS_REASON, when(col("_hide_" + AnalystView.VALUE),
                        coalesce(col(NUMERATOR_REASON), col(DENOMINATOR_REASON))).otherwise(col(AnalystView.STATUS_REASON)));
        for (String name : when.keySet()) {
            DataType type = out.schema().apply(name).dataType();
            Column replacement = type.equals(DataTypes.StringType) ? lit(SYMBOL) : lit(null).cast(type);
            out = out.withColumn(name, when(col("_hide_" + name), replacement).otherwise(col(name)));
        }
        List<Column> kept = new ArrayList<>();
        for (String column : columns) {
            kept.add(col(column));
        }
        kept.add(col(SUPPRESSED_COLUMNS));
        return out.select(kept.toArray(Column[]::new));
    }
}

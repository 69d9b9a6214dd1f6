package org.csbench.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star.BridgeStatisticalNeighbour;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimCode;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;

/**
 * The star's dimensions: indicators from the catalogue, areas from the observations and reference tables, periods
 * from the observations and the windows over them, and the code sets' labels; and the bridge of statistical
 * neighbours between areas.
 */
public final class Dimensions {
    private Dimensions() {
    }

    /** {@code gold.dim_indicator}: one row per catalogue indicator, with the sources that publish its numerator. */
    public static Dataset<Row> indicators(SparkSession spark, Catalogue catalogue, Dataset<Row> observations) {
        Dataset<Row> sources = observations.filter(col(Columns.IS_CURRENT))
                .groupBy(col(Columns.INDICATOR_ID).as("_measure"))
                .agg(array_join(sort_array(collect_set(col(Columns.SOURCE_ID))), ",").as("_sources"));
        return DimIndicator.TABLE.conform(catalogueIndicators(spark, catalogue)
                .join(sources, col(DimIndicator.NUMERATOR).equalTo(col("_measure")), "left")
                .withColumn(DimIndicator.SOURCES, col("_sources")));
    }

    /**
     * {@code gold.dim_indicator} as the catalogue alone says it, without the sources that publish each numerator
     * ({@link DimIndicator#SOURCES} is empty): what a refresh compares to know whether the catalogue changed.
     */
    public static Dataset<Row> catalogueIndicators(SparkSession spark, Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            rows.add(DimIndicator.TABLE.row()
                    .set(Star.INDICATOR_KEY, 0L)
                    .set(DimIndicator.INDICATOR_ID, i.id())
                    .set(DimIndicator.REF, i.ref())
                    .set(DimIndicator.NAME, i.name())
                    .set(DimIndicator.DESCRIPTION, i.description())
                    .set(DimIndicator.UNIT, i.unit().code())
                    .set(DimIndicator.POLARITY, lower(i.polarity()))
                    .set(DimIndicator.FREQUENCY, lower(i.frequency()))
                    .set(DimIndicator.DECIMALS, i.decimals())
                    .set(DimIndicator.NUMERATOR, i.numerator())
                    .set(DimIndicator.DENOMINATOR, i.denominators().isEmpty() ? null : String.join(" + ", i.denominators()))
                    .set(DimIndicator.MULTIPLIER, i.multiplier())
                    .set(DimIndicator.TARGET_LOW, i.target() == null ? null : i.target().low())
                    .set(DimIndicator.TARGET_HIGH, i.target() == null ? null : i.target().high())
                    .set(DimIndicator.TOLERANCE_PCT, i.tolerancePct())
                    .set(DimIndicator.COMPARATOR_METHOD, lower(i.comparator()))
                    .set(DimIndicator.VALID_MIN, i.validMin())
                    .set(DimIndicator.VALID_MAX, i.validMax())
                    .set(DimIndicator.PUBLISHED_MEASURE, i.published())
                    .set(DimIndicator.AGGREGATION, lower(i.aggregation()))
                    .set(DimIndicator.SOURCES, null)
                    .build());
        }
        return spark.createDataFrame(rows, DimIndicator.TABLE.schema())
                .withColumn(Star.INDICATOR_KEY, Keys.indicator(col(DimIndicator.INDICATOR_ID)));
    }

    /**
     * {@code gold.dim_area}: England, the regions and every authority the observations name, each with its latest
     * codes and name (of its latest period; of the file loaded last, then the source id, where periods tie); an authority's region and years from {@code reference.region}, its predecessors and
     * successors from {@code reference.la_code_change} (null when the pipeline has none).
     */
    public static Dataset<Row> areas(Dataset<Row> observations, Dataset<Row> regions, Dataset<Row> codeChanges) {
        Column level = col(Columns.GEOGRAPHIC_LEVEL);
        Dataset<Row> observed = observations.filter(col(Columns.IS_CURRENT))
                .withColumn(Geography.GEO_KEY, Geography.geoKey())
                .groupBy(level, col(Geography.GEO_KEY))
                .agg(max_by(struct(col(Columns.NEW_LA_CODE), col(Columns.LA_NAME), col(Columns.REGION_CODE),
                        col(Columns.REGION_NAME), col(Columns.OLD_LA_CODE)),
                        // latest period, then latest loaded, then source id: one answer however rows are ordered
                        struct(col(Columns.PERIOD_END), col(Columns.INGESTED_AT), col(Columns.SOURCE_ID))).as("_latest"));
        Dataset<Row> years = regions.groupBy(col(Columns.OLD_LA_CODE).as("_r_la"))
                .agg(min(col(ReferenceTables.FIRST_YEAR)).as(DimArea.FIRST_YEAR),
                        max(col(ReferenceTables.LAST_YEAR)).as(DimArea.LAST_YEAR),
                        max(col(ReferenceTables.PARENT_REGION_CODE)).as("_parent"));
        Column isLa = level.equalTo(GeographicLevel.LOCAL_AUTHORITY.code());
        Column isRegion = level.equalTo(GeographicLevel.REGIONAL.code());
        Dataset<Row> areas = observed.join(years, isLa.and(col(Geography.GEO_KEY).equalTo(col("_r_la"))), "left")
                .withColumn(Star.AREA_KEY, Keys.area(col(Geography.GEO_KEY)))
                .withColumn(DimArea.AREA_CODE, col(Geography.GEO_KEY))
                .withColumn(DimArea.OLD_LA_CODE, when(isLa, col(Geography.GEO_KEY)))
                .withColumn(DimArea.GSS_CODE, when(isLa, col("_latest." + Columns.NEW_LA_CODE))
                        .otherwise(col(Geography.GEO_KEY)))
                .withColumn(DimArea.NAME, when(isLa, col("_latest." + Columns.LA_NAME))
                        .when(isRegion, col("_latest." + Columns.REGION_NAME)).otherwise(lit("England")))
                .withColumn(DimArea.REGION_CODE, when(isLa.or(isRegion), col("_latest." + Columns.REGION_CODE)))
                .withColumn(DimArea.REGION_NAME, when(isLa.or(isRegion), col("_latest." + Columns.REGION_NAME)))
                .withColumn(DimArea.COMPARATOR_REGION_CODE, when(isLa, coalesce(col("_parent"),
                        col("_latest." + Columns.REGION_CODE))));
        if (codeChanges == null) {
            return DimArea.TABLE.conform(areas.withColumn(DimArea.PREDECESSORS, lit(null).cast("string"))
                    .withColumn(DimArea.SUCCESSORS, lit(null).cast("string")));
        }
        Dataset<Row> changes = codeChanges.filter(col("from_old_la_code").notEqual(col("to_old_la_code")));
        Dataset<Row> predecessors = changes.groupBy(col("to_old_la_code").as("_p_la"))
                .agg(array_join(sort_array(collect_set(col("from_old_la_code"))), ",").as(DimArea.PREDECESSORS));
        Dataset<Row> successors = changes.groupBy(col("from_old_la_code").as("_s_la"))
                .agg(array_join(sort_array(collect_set(col("to_old_la_code"))), ",").as(DimArea.SUCCESSORS));
        return DimArea.TABLE.conform(areas
                .join(predecessors, isLa.and(col(Geography.GEO_KEY).equalTo(col("_p_la"))), "left")
                .join(successors, isLa.and(col(Geography.GEO_KEY).equalTo(col("_s_la"))), "left"));
    }

    /**
     * Every period the facts can use: the observed periods and the windows over them (rolling 12 months, year to
     * date and quarter of each month; 3 years ending at each annual period), in {@code gold.dim_period}'s columns
     * but for {@link DimPeriod#IS_LATEST}.
     */
    public static Dataset<Row> periodCandidates(Dataset<Row> observations) {
        Dataset<Row> observed = observations.filter(col(Columns.IS_CURRENT))
                .groupBy(col(Columns.PERIOD_TYPE).as(DimPeriod.TYPE), col(Columns.PERIOD_END).as(DimPeriod.END))
                .agg(max(col(Columns.TIME_PERIOD)).as(DimPeriod.TIME_PERIOD));
        Column end = col(DimPeriod.END);
        Column type = col(DimPeriod.TYPE);
        Column isMonth = type.equalTo("month");
        Column fyStart = financialYearStart(end);
        Column quarterEnd = quarterEnd(end);
        Dataset<Row> months = observed.filter(isMonth);
        Dataset<Row> annual = observed.filter(isMonth.unary_$bang());
        List<Dataset<Row>> parts = List.of(
                observed.select(type, when(isMonth, trunc(end, "month"))
                        .when(type.equalTo("reporting_year"), date_add(add_months(end, -12), 1))
                        .otherwise(end).as(DimPeriod.START), end, col(DimPeriod.TIME_PERIOD)),
                months.select(lit(Windows.ROLLING_12).as(DimPeriod.TYPE), add_months(trunc(end, "month"), -11)
                        .as(DimPeriod.START), end, lit(null).cast("string").as(DimPeriod.TIME_PERIOD)),
                months.select(lit(Windows.YEAR_TO_DATE).as(DimPeriod.TYPE), fyStart.as(DimPeriod.START), end,
                        lit(null).cast("string").as(DimPeriod.TIME_PERIOD)),
                months.select(lit(Windows.QUARTER).as(DimPeriod.TYPE), trunc(add_months(quarterEnd, -2), "month")
                        .as(DimPeriod.START), quarterEnd.as(DimPeriod.END), lit(null).cast("string")
                        .as(DimPeriod.TIME_PERIOD)).distinct(),
                annual.select(lit(Windows.THREE_YEARS).as(DimPeriod.TYPE), date_add(add_months(end, -36), 1)
                        .as(DimPeriod.START), end, lit(null).cast("string").as(DimPeriod.TIME_PERIOD)).distinct());
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i));
        }
        Column start = col(DimPeriod.START);
        Column fy = financialYearEnd(end);
        Column startFy = financialYearEnd(start);
        Column monthLabel = date_format(end, "MMM-yy");
        Column quarterNumber = month(add_months(end, -3)).plus(2).divide(3).cast("int");
        Column label = when(type.equalTo("month"), monthLabel)
                .when(type.equalTo("reporting_year"), financialYear(fy))
                .when(type.equalTo("census"), date_format(end, "MMM yyyy"))
                .when(type.equalTo(Windows.ROLLING_12), concat(lit("12 months to "), monthLabel))
                .when(type.equalTo(Windows.YEAR_TO_DATE), concat(financialYear(fy), lit(" to "), monthLabel))
                .when(type.equalTo(Windows.QUARTER), concat(lit("Q"), quarterNumber.cast("string"), lit(" "),
                        financialYear(fy)))
                .when(type.equalTo(Windows.THREE_YEARS).and(month(end).equalTo(3)),
                        concat(financialYear(startFy), lit(" to "), financialYear(fy)))
                .when(type.equalTo(Windows.THREE_YEARS), concat(date_format(add_months(end, -24), "MMM yyyy"),
                        lit(" to "), date_format(end, "MMM yyyy")));
        return all.withColumn(Star.PERIOD_KEY, Keys.period(type, end))
                .withColumn(DimPeriod.LABEL, label)
                .withColumn(DimPeriod.TIME_PERIOD, coalesce(col(DimPeriod.TIME_PERIOD), label))
                .withColumn(DimPeriod.FINANCIAL_YEAR, financialYear(fy))
                .withColumn(DimPeriod.REPORTING_YEAR, fy);
    }

    /** {@code gold.dim_period}: the candidates whose key {@code usedKeys} (one column of period keys) holds. */
    public static Dataset<Row> periods(Dataset<Row> candidates, Dataset<Row> usedKeys) {
        Dataset<Row> used = candidates.join(usedKeys.distinct().withColumnRenamed(usedKeys.columns()[0], "_used"),
                col(Star.PERIOD_KEY).equalTo(col("_used")), "left_semi");
        return DimPeriod.TABLE.conform(used.withColumn(DimPeriod.IS_LATEST, col(DimPeriod.END)
                .equalTo(max(col(DimPeriod.END)).over(Window.partitionBy(col(DimPeriod.TYPE))))));
    }

    /** {@code gold.dim_code}: every code of every code set. */
    public static Dataset<Row> codes(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (CodeSet set : CodeSet.values()) {
            for (CodeSet.Label label : set.labels()) {
                rows.add(DimCode.TABLE.row().set(DimCode.CODE_SET, set.id()).set(DimCode.CODE, set.code(label.label()))
                        .set(DimCode.LABEL, label.label()).set(DimCode.MEANING, label.meaning()).build());
            }
        }
        return spark.createDataFrame(rows, DimCode.TABLE.schema());
    }

    /**
     * {@code gold.bridge_statistical_neighbour}: {@code reference.statistical_neighbour} (one row per authority,
     * model and neighbour) with both authorities as area keys and the closeness label as a code. The published
     * labels vary in case and spacing ({@code Very Close}, {@code Very close}, {@code Close }); a label outside
     * {@link CodeSet#CLOSENESS} has no code.
     */
    public static Dataset<Row> neighbours(Dataset<Row> neighbours) {
        Column label = org.apache.spark.sql.functions.lower(trim(col(NeighbourTransform.CLOSENESS)));
        Column closeness = regexp_replace(label, "\\s+", "_");
        return BridgeStatisticalNeighbour.TABLE.conform(neighbours
                .withColumn(Star.AREA_KEY, Keys.area(col(Columns.OLD_LA_CODE)))
                .withColumn(BridgeStatisticalNeighbour.NEIGHBOUR_AREA_KEY,
                        Keys.area(col(NeighbourTransform.NEIGHBOUR_CODE)))
                .withColumn(BridgeStatisticalNeighbour.MODEL, col(NeighbourTransform.MODEL))
                .withColumn(BridgeStatisticalNeighbour.RANK, col(NeighbourTransform.RANK))
                .withColumn(BridgeStatisticalNeighbour.CLOSENESS, CodeSet.CLOSENESS.encode(closeness))
                .withColumn(BridgeStatisticalNeighbour.FIRST_YEAR, col(NeighbourTransform.VALID_FROM))
                .withColumn(BridgeStatisticalNeighbour.LAST_YEAR, col(NeighbourTransform.VALID_TO)));
    }

    /** The year (to 31 March) a date falls in, as the calendar year it ends in. */
    public static Column financialYearEnd(Column date) {
        return year(date).plus(when(month(date).geq(4), 1).otherwise(0));
    }

    /** The 1 April that starts the financial year {@code date} falls in. */
    static Column financialYearStart(Column date) {
        return make_date(financialYearEnd(date).minus(1), lit(4), lit(1));
    }

    /** The last day of the financial quarter (April-June, July-September...) {@code date} falls in. */
    static Column quarterEnd(Column date) {
        Column monthOfYear = month(add_months(date, -3));
        return last_day(add_months(financialYearStart(date), monthOfYear.plus(2).divide(3).cast("int").multiply(3)
                .minus(1)));
    }

    /** {@code 2024-25} for the financial year ending in March 2025. */
    static Column financialYear(Column fyEnd) {
        return concat(fyEnd.minus(1).cast("string"), lit("-"), lpad(fyEnd.mod(100).cast("string"), 2, "0"));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

package org.csbench.benchmark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.ingest.ScorecardLongTransform;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.model.Columns;

/**
 * What a council's monthly scorecard extract ({@code silver.scorecard_indicator}) carries beside its values: the
 * regional, statistical-neighbour and England averages it shows for the report month, and its target.
 *
 * <p>A scorecard row belongs to the monthly catalogue indicator whose {@code ref} it carries, or whose id, published
 * measure, or (for an indicator without a denominator) numerator measure it names. The comparators apply to the
 * report month; a target applies to every month of the report month's financial year (the latest report of the
 * year wins).
 */
final class ExtractComparators {
    static final String SN = "extract_sn_average";
    static final String REGION = "extract_region_average";
    static final String ENGLAND = "extract_england_average";
    static final String TARGET_LOW = "_extract_target_low";
    static final String TARGET_HIGH = "_extract_target_high";

    private static final String KEY = "_match_key";

    private ExtractComparators() {
    }

    /** One row per authority, catalogue indicator and report month (its last day, {@code period_end}). */
    static Dataset<Row> comparators(Dataset<Row> scorecards, Catalogue catalogue) {
        return matched(scorecards, catalogue)
                .select(col(Columns.INDICATOR_ID), col(Columns.OLD_LA_CODE), col(Columns.PERIOD_END),
                        col(ScorecardWideTransform.SN_AVERAGE).as(SN), col(ScorecardWideTransform.REGION_AVERAGE).as(REGION),
                        col(ScorecardWideTransform.ENGLAND_AVERAGE).as(ENGLAND))
                .dropDuplicates(Columns.INDICATOR_ID, Columns.OLD_LA_CODE, Columns.PERIOD_END);
    }

    /** One row per authority, catalogue indicator and financial year with a target in an extract. */
    static Dataset<Row> targets(Dataset<Row> scorecards, Catalogue catalogue) {
        return matched(scorecards, catalogue)
                .filter(col(ScorecardWideTransform.TARGET_LOW).isNotNull())
                .groupBy(col(Columns.INDICATOR_ID), col(Columns.OLD_LA_CODE),
                        Benchmarks.reportingYear(col(Columns.PERIOD_END)).as("_target_year"))
                .agg(max_by(struct(col(ScorecardWideTransform.TARGET_LOW).as("low"),
                        col(ScorecardWideTransform.TARGET_HIGH).as("high")), col(Columns.PERIOD_END)).as("_t"))
                .select(col(Columns.INDICATOR_ID), col(Columns.OLD_LA_CODE), col("_target_year"),
                        col("_t.low").as(TARGET_LOW), col("_t.high").as(TARGET_HIGH));
    }

    private static Dataset<Row> matched(Dataset<Row> scorecards, Catalogue catalogue) {
        Dataset<Row> keys = broadcast(matchKeys(scorecards.sparkSession(), catalogue));
        Column periodEnd = ScorecardWideTransform.reportMonthEnd(col(ScorecardWideTransform.REPORT_MONTH));
        Dataset<Row> byRef = scorecards.join(keys, lower(col(ScorecardLongTransform.REF)).equalTo(col(KEY)));
        Dataset<Row> byMeasure = scorecards.join(keys, lower(col(Columns.INDICATOR_ID)).equalTo(col(KEY)));
        return byRef.drop(Columns.INDICATOR_ID).unionByName(byMeasure.drop(Columns.INDICATOR_ID))
                .withColumnRenamed("_catalogue_id", Columns.INDICATOR_ID)
                .withColumn(Columns.PERIOD_END, periodEnd);
    }

    /** Each catalogue indicator's names in an extract: ref, id, published measure, numerator of a count. */
    private static Dataset<Row> matchKeys(SparkSession spark, Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        for (Indicator i : catalogue.indicators()) {
            if (i.frequency() != Indicator.Frequency.MONTHLY) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(i.id()));
            if (i.ref() != null) {
                names.add(i.ref());
            }
            if (i.published() != null) {
                names.add(i.published());
            }
            if (i.denominators().isEmpty()) {
                names.add(i.numerator());
            }
            names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
                    .forEach(n -> rows.add(RowFactory.create(i.id(), n)));
        }
        StructType schema = new StructType().add("_catalogue_id", DataTypes.StringType).add(KEY, DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }
}

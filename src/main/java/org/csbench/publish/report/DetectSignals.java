package org.csbench.publish.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.delta.Warehouse;
import org.csbench.detect.CrossSections;
import org.csbench.detect.SeriesSignals;
import org.csbench.metrics.Geography;
import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;

/**
 * The only reads of the detection step's tables ({@code gold.spc_summary}, {@code gold.trend}, {@code gold.spc_point},
 * {@code gold.funnel}) in the reports: each method gives the report's own shape (the field names of
 * {@link ReportColumns}), keyed by {@link ReportColumns#AREA_CODE}, so that when the detection tables change only
 * this class changes.
 */
final class DetectSignals {
    private DetectSignals() {
    }

    private static final Column AUTHORITY = col(Columns.GEOGRAPHIC_LEVEL)
            .equalTo(GeographicLevel.LOCAL_AUTHORITY.code());

    /**
     * One row per authority in {@code areaCodes} (a dataset with the column {@link ReportColumns#AREA_CODE}) and
     * series: its SPC icons and limits and its trend test.
     */
    static Dataset<Row> series(Warehouse warehouse, Dataset<Row> areaCodes) {
        Dataset<Row> summary = warehouse.read(SeriesSignals.SUMMARY_TABLE).filter(AUTHORITY);
        Dataset<Row> trend = warehouse.read(SeriesSignals.TREND_TABLE).filter(AUTHORITY).select(col(Columns.INDICATOR_ID),
                col(Geography.GEO_KEY), col(Columns.PERIOD_TYPE), col(SeriesSignals.VERDICT),
                col(SeriesSignals.P_VALUE), col(SeriesSignals.SEN_SLOPE), col(SeriesSignals.N));
        return summary.join(areaCodes, col(Geography.GEO_KEY).equalTo(col(ReportColumns.AREA_CODE)))
                .join(trend, ReportQuery.seq(Columns.INDICATOR_ID, Geography.GEO_KEY, Columns.PERIOD_TYPE), "left")
                .select(col(ReportColumns.AREA_CODE), struct(
                        col(Columns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                        col(Columns.PERIOD_TYPE).as(ReportColumns.PERIOD_TYPE),
                        col(SeriesSignals.VARIATION_ICON).as(ReportColumns.VARIATION),
                        col(SeriesSignals.ASSURANCE_ICON).as(ReportColumns.ASSURANCE),
                        col(SeriesSignals.MEAN).as(ReportColumns.CENTRE),
                        col(SeriesSignals.LOWER_LIMIT).as(ReportColumns.LOWER_LIMIT),
                        col(SeriesSignals.UPPER_LIMIT).as(ReportColumns.UPPER_LIMIT),
                        col(SeriesSignals.VERDICT).as(ReportColumns.TREND),
                        col(SeriesSignals.P_VALUE).as(ReportColumns.P_VALUE),
                        col(SeriesSignals.SEN_SLOPE).as(ReportColumns.SLOPE),
                        col(SeriesSignals.N).as(ReportColumns.TREND_POINTS)).as(ReportColumns.SIGNAL));
    }

    /** One row per authority in {@code areaCodes} and month of its monthly series: the XmR chart's points. */
    static Dataset<Row> spcPoints(Warehouse warehouse, Dataset<Row> areaCodes, Column periodInScope) {
        return warehouse.read(SeriesSignals.POINT_TABLE).filter(AUTHORITY.and(col(Columns.PERIOD_TYPE).equalTo("month"))
                        .and(periodInScope))
                .join(areaCodes, col(Geography.GEO_KEY).equalTo(col(ReportColumns.AREA_CODE)))
                .select(col(ReportColumns.AREA_CODE), struct(
                        col(Columns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                        col(Columns.PERIOD_END).as(ReportColumns.PERIOD_END),
                        col(Columns.VALUE).as(ReportColumns.VALUE),
                        col(SeriesSignals.MEAN).as(ReportColumns.CENTRE),
                        col(SeriesSignals.LOWER_LIMIT).as(ReportColumns.LOWER_LIMIT),
                        col(SeriesSignals.UPPER_LIMIT).as(ReportColumns.UPPER_LIMIT),
                        col(SeriesSignals.RULE).as(ReportColumns.RULE),
                        col(SeriesSignals.POINT_TYPE).as(ReportColumns.POINT_TYPE)).as(ReportColumns.POINT));
    }

    /**
     * One row per authority in {@code areaCodes} and indicator with a funnel plot: its position in the latest
     * cross-section in scope.
     */
    static Dataset<Row> funnel(Warehouse warehouse, Dataset<Row> areaCodes, Column periodInScope) {
        Dataset<Row> funnel = warehouse.read(CrossSections.FUNNEL_TABLE).filter(periodInScope)
                .filter(col(CrossSections.EXCLUDED_REASON).isNull());
        Dataset<Row> latest = funnel.groupBy(col(Columns.INDICATOR_ID).as("_latest_indicator"))
                .agg(max(col(Columns.PERIOD_END)).as("_latest_end"));
        return funnel.join(latest, col(Columns.INDICATOR_ID).equalTo(col("_latest_indicator"))
                        .and(col(Columns.PERIOD_END).equalTo(col("_latest_end"))))
                .join(areaCodes, col(Geography.GEO_KEY).equalTo(col(ReportColumns.AREA_CODE)))
                .select(col(ReportColumns.AREA_CODE), struct(
                        col(Columns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                        col(Columns.PERIOD_END).as(ReportColumns.PERIOD_END),
                        col(Columns.VALUE).as(ReportColumns.VALUE),
                        col(CrossSections.POOLED_VALUE).as(ReportColumns.CENTRE),
                        col(CrossSections.LOWER_95).as(ReportColumns.LOWER_95),
                        col(CrossSections.UPPER_95).as(ReportColumns.UPPER_95),
                        col(CrossSections.LOWER_998).as(ReportColumns.LOWER_LIMIT),
                        col(CrossSections.UPPER_998).as(ReportColumns.UPPER_LIMIT),
                        col(CrossSections.JUDGEMENT_95).as(ReportColumns.JUDGEMENT_95),
                        col(CrossSections.JUDGEMENT_998).as(ReportColumns.JUDGEMENT_998)).as(ReportColumns.FUNNEL));
    }

    /**
     * The trends report's counts: per indicator, how many authorities of {@code areas} (columns
     * {@link ReportColumns#AREA_CODE}, {@link ReportColumns#AREA_NAME}) have each variation icon, assurance icon
     * and trend verdict ({@link ReportColumns#KIND}: variation, assurance, trend; {@link ReportColumns#CODE}), with the
     * authorities' names in order.
     */
    static Dataset<Row> overview(Warehouse warehouse, Dataset<Row> areas) {
        Dataset<Row> series = series(warehouse, areas.select(ReportColumns.AREA_CODE))
                .join(areas.select(ReportColumns.AREA_CODE, ReportColumns.AREA_NAME), ReportQuery.seq(
                        ReportColumns.AREA_CODE))
                .select(col(ReportColumns.AREA_NAME), col(ReportColumns.SIGNAL + "." + ReportColumns.INDICATOR_ID)
                        .as(ReportColumns.INDICATOR_ID), col(ReportColumns.SIGNAL + "." + ReportColumns.VARIATION)
                        .as(ReportColumns.VARIATION), col(ReportColumns.SIGNAL + "." + ReportColumns.ASSURANCE)
                        .as(ReportColumns.ASSURANCE), col(ReportColumns.SIGNAL + "." + ReportColumns.TREND)
                        .as(ReportColumns.TREND));
        Dataset<Row> counts = null;
        for (String kind : java.util.List.of(ReportColumns.VARIATION, ReportColumns.ASSURANCE, ReportColumns.TREND)) {
            Dataset<Row> byCode = series.filter(col(kind).isNotNull())
                    .groupBy(col(ReportColumns.INDICATOR_ID), lit(kind).as(ReportColumns.KIND),
                            col(kind).as(ReportColumns.CODE))
                    .agg(count(lit(1)).as(ReportColumns.AUTHORITIES),
                            array_sort(collect_list(col(ReportColumns.AREA_NAME))).as(ReportColumns.NAMES));
            counts = counts == null ? byCode : counts.unionByName(byCode);
        }
        return counts;
    }

    /**
     * The authorities of {@code areas} outside the 99.8% limits of each indicator's latest funnel plot in scope:
     * indicator, period end, name, value, pooled value and judgement.
     */
    static Dataset<Row> funnelOutliers(Warehouse warehouse, Dataset<Row> areas, Column periodInScope) {
        return funnel(warehouse, areas.select(ReportColumns.AREA_CODE), periodInScope)
                .join(areas.select(ReportColumns.AREA_CODE, ReportColumns.AREA_NAME), ReportQuery.seq(
                        ReportColumns.AREA_CODE))
                .filter(col(ReportColumns.FUNNEL + "." + ReportColumns.JUDGEMENT_998).notEqual("none"))
                .select(col(ReportColumns.FUNNEL + "." + ReportColumns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                        col(ReportColumns.FUNNEL + "." + ReportColumns.PERIOD_END).as(ReportColumns.PERIOD_END),
                        col(ReportColumns.AREA_NAME),
                        col(ReportColumns.FUNNEL + "." + ReportColumns.VALUE).as(ReportColumns.VALUE),
                        col(ReportColumns.FUNNEL + "." + ReportColumns.CENTRE).as(ReportColumns.CENTRE),
                        col(ReportColumns.FUNNEL + "." + ReportColumns.JUDGEMENT_998).as(ReportColumns.JUDGEMENT_998));
    }

    /** The period a series or cross-section row ends in, for the caller's period filter. */
    static Column periodEnd() {
        return col(Columns.PERIOD_END);
    }
}

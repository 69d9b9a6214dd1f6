package org.csbench.publish.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.contract.CodeSet;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.delta.Warehouse;
import org.csbench.model.Seqs;

/**
 * The only reads of the detection step's facts ({@code gold.fact_series_signal}, {@code gold.fact_signal},
 * {@code gold.fact_cross_section}) in the reports: each method gives the report's own shape (the field names of
 * {@link ReportColumns}, codes as labels), keyed by {@link ReportColumns#AREA_CODE}.
 *
 * <p>The inputs are the report's dimensions in scope: {@code areas} (area key, {@link ReportColumns#AREA_CODE},
 * {@link ReportColumns#AREA_NAME}), {@code indicators} (indicator key, {@link ReportColumns#INDICATOR_ID}) and
 * {@code periods} (period key, {@link ReportColumns#PERIOD_TYPE}, {@link ReportColumns#PERIOD_END}) up to the report's
 * year.
 */
final class DetectSignals {
    private static final String LATEST_END = "_latest_end";
    private static final String LATEST_INDICATOR = "_latest_indicator";

    private DetectSignals() {
    }

    /**
     * The report's dimensions in scope, shared by the methods below, and the star's values as they may leave the
     * warehouse ({@code disclosed}: the analyst view after disclosure control, keys kept).
     */
    record Scope(Dataset<Row> areas, Dataset<Row> indicators, Dataset<Row> periods, Dataset<Row> disclosed) {
        /** The keys of the values disclosure control suppressed: a chart must not show them either. */
        Dataset<Row> suppressed() {
            return disclosed.filter(col(ReportColumns.VALUE_SUPPRESSED)).select(col(Star.INDICATOR_KEY),
                    col(Star.AREA_KEY), col(Star.PERIOD_KEY), lit(true).as(ReportColumns.VALUE_SUPPRESSED));
        }
    }

    /**
     * One row per authority in scope and series whose last period is in scope: its SPC icons and limits and its
     * trend test (struct {@link ReportColumns#SIGNAL}).
     */
    static Dataset<Row> series(Warehouse warehouse, Scope scope) {
        return warehouse.read(FactSeriesSignal.TABLE.name())
                .join(broadcast(scope.areas()), Star.AREA_KEY)
                .join(broadcast(scope.indicators()), Star.INDICATOR_KEY)
                .join(broadcast(scope.periods()), Star.PERIOD_KEY)
                .select(col(ReportColumns.AREA_CODE), col(ReportColumns.AREA_NAME), struct(
                        col(ReportColumns.INDICATOR_ID),
                        col(ReportColumns.PERIOD_TYPE),
                        CodeSet.VARIATION_ICON.decode(col(FactSeriesSignal.VARIATION)).as(ReportColumns.VARIATION),
                        CodeSet.ASSURANCE_ICON.decode(col(FactSeriesSignal.ASSURANCE)).as(ReportColumns.ASSURANCE),
                        col(FactSeriesSignal.CENTRE_LINE).as(ReportColumns.CENTRE),
                        col(FactSeriesSignal.LOWER_LIMIT).as(ReportColumns.LOWER_LIMIT),
                        col(FactSeriesSignal.UPPER_LIMIT).as(ReportColumns.UPPER_LIMIT),
                        CodeSet.TREND.decode(col(FactSeriesSignal.TREND)).as(ReportColumns.TREND),
                        col(FactSeriesSignal.P_VALUE).as(ReportColumns.P_VALUE),
                        col(FactSeriesSignal.SEN_SLOPE).as(ReportColumns.SLOPE),
                        col(FactSeriesSignal.TREND_POINTS).as(ReportColumns.TREND_POINTS)).as(ReportColumns.SIGNAL));
    }

    /**
     * One row per authority in scope and month of its monthly series: the XmR chart's points, without the values
     * disclosure control suppressed.
     */
    static Dataset<Row> spcPoints(Warehouse warehouse, Scope scope) {
        return warehouse.read(FactSignal.TABLE.name())
                .join(broadcast(scope.areas()), Star.AREA_KEY)
                .join(scope.suppressed(), Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY), "left")
                .join(broadcast(scope.indicators()), Star.INDICATOR_KEY)
                .join(broadcast(scope.periods().filter(col(ReportColumns.PERIOD_TYPE).equalTo("month"))),
                        Star.PERIOD_KEY)
                .select(col(ReportColumns.AREA_CODE), struct(
                        col(ReportColumns.INDICATOR_ID),
                        col(ReportColumns.PERIOD_END),
                        when(col(ReportColumns.VALUE_SUPPRESSED).isNull(), col(FactSignal.VALUE))
                                .as(ReportColumns.VALUE),
                        col(FactSignal.CENTRE_LINE).as(ReportColumns.CENTRE),
                        col(FactSignal.LOWER_LIMIT).as(ReportColumns.LOWER_LIMIT),
                        col(FactSignal.UPPER_LIMIT).as(ReportColumns.UPPER_LIMIT),
                        CodeSet.SPC_RULE.decode(col(FactSignal.RULE)).as(ReportColumns.RULE),
                        CodeSet.SPC_POINT_TYPE.decode(col(FactSignal.POINT_TYPE)).as(ReportColumns.POINT_TYPE))
                        .as(ReportColumns.POINT));
    }

    /**
     * One row per authority in scope and indicator with a funnel plot: its place in the indicator's latest funnel
     * plot in scope (struct {@link ReportColumns#FUNNEL}); none where disclosure control suppressed the value (the
     * funnel's unrounded value would give it away).
     */
    static Dataset<Row> funnel(Warehouse warehouse, Scope scope) {
        Dataset<Row> crossSections = warehouse.read(FactCrossSection.TABLE.name())
                .filter(col(FactCrossSection.FUNNEL_MODEL).isNotNull())
                .join(broadcast(scope.periods()), Star.PERIOD_KEY);
        Dataset<Row> latest = crossSections.groupBy(col(Star.INDICATOR_KEY).as(LATEST_INDICATOR))
                .agg(max(col(ReportColumns.PERIOD_END)).as(LATEST_END));
        Dataset<Row> latestSections = crossSections.join(latest, col(Star.INDICATOR_KEY).equalTo(col(LATEST_INDICATOR))
                        .and(col(ReportColumns.PERIOD_END).equalTo(col(LATEST_END))))
                .select(col(Star.INDICATOR_KEY), col(Star.PERIOD_KEY), col(ReportColumns.PERIOD_END),
                        col(FactCrossSection.POOLED_VALUE));
        return warehouse.read(FactSignal.TABLE.name()).filter(col(FactSignal.FUNNEL_VALUE).isNotNull())
                .join(broadcast(scope.areas()), Star.AREA_KEY)
                .join(broadcast(latestSections), Seqs.of(Star.INDICATOR_KEY, Star.PERIOD_KEY))
                .join(scope.suppressed(), Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY),
                        "left_anti")
                .join(broadcast(scope.indicators()), Star.INDICATOR_KEY)
                .select(col(ReportColumns.AREA_CODE), col(ReportColumns.AREA_NAME), struct(
                        col(ReportColumns.INDICATOR_ID),
                        col(ReportColumns.PERIOD_END),
                        col(FactSignal.FUNNEL_VALUE).as(ReportColumns.VALUE),
                        col(FactCrossSection.POOLED_VALUE).as(ReportColumns.CENTRE),
                        col(FactSignal.FUNNEL_LOWER_95).as(ReportColumns.LOWER_95),
                        col(FactSignal.FUNNEL_UPPER_95).as(ReportColumns.UPPER_95),
                        col(FactSignal.FUNNEL_LOWER_998).as(ReportColumns.LOWER_LIMIT),
                        col(FactSignal.FUNNEL_UPPER_998).as(ReportColumns.UPPER_LIMIT),
                        CodeSet.JUDGEMENT.decode(col(FactSignal.FUNNEL_JUDGEMENT_95)).as(ReportColumns.JUDGEMENT_95),
                        CodeSet.JUDGEMENT.decode(col(FactSignal.FUNNEL_JUDGEMENT_998)).as(ReportColumns.JUDGEMENT_998))
                        .as(ReportColumns.FUNNEL));
    }

    /**
     * The trends report's counts: per indicator, how many authorities in scope have each variation icon, assurance
     * icon and trend verdict ({@link ReportColumns#KIND}: variation, assurance, trend; {@link ReportColumns#CODE}),
     * with the authorities' names in order.
     */
    static Dataset<Row> overview(Warehouse warehouse, Scope scope) {
        String signal = ReportColumns.SIGNAL + ".";
        Dataset<Row> series = series(warehouse, scope).select(col(ReportColumns.AREA_NAME),
                col(signal + ReportColumns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                col(signal + ReportColumns.VARIATION).as(ReportColumns.VARIATION),
                col(signal + ReportColumns.ASSURANCE).as(ReportColumns.ASSURANCE),
                col(signal + ReportColumns.TREND).as(ReportColumns.TREND));
        Dataset<Row> counts = null;
        for (String kind : List.of(ReportColumns.VARIATION, ReportColumns.ASSURANCE, ReportColumns.TREND)) {
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
     * The authorities in scope outside the 99.8% limits of each indicator's latest funnel plot in scope: indicator,
     * period end, name, value, pooled value and judgement.
     */
    static Dataset<Row> funnelOutliers(Warehouse warehouse, Scope scope) {
        String funnel = ReportColumns.FUNNEL + ".";
        return funnel(warehouse, scope)
                .filter(col(funnel + ReportColumns.JUDGEMENT_998).notEqual("none"))
                .select(col(funnel + ReportColumns.INDICATOR_ID).as(ReportColumns.INDICATOR_ID),
                        col(funnel + ReportColumns.PERIOD_END).as(ReportColumns.PERIOD_END),
                        col(ReportColumns.AREA_NAME),
                        col(funnel + ReportColumns.VALUE).as(ReportColumns.VALUE),
                        col(funnel + ReportColumns.CENTRE).as(ReportColumns.CENTRE),
                        col(funnel + ReportColumns.JUDGEMENT_998).as(ReportColumns.JUDGEMENT_998));
    }
}

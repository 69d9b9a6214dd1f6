package org.csbench.detect;

import static org.csbench.detect.Labels.label;
import static org.csbench.detect.Labels.nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Judgement;
import org.csbench.model.Polarity;
import org.csbench.signals.funnel.ExcludedUnit;
import org.csbench.signals.funnel.FunnelPlot;
import org.csbench.signals.funnel.FunnelPoint;
import org.csbench.signals.funnel.FunnelResult;
import org.csbench.signals.funnel.FunnelUnit;
import org.csbench.signals.funnel.Overdispersion;
import org.csbench.signals.outlier.ModifiedZScore;
import org.csbench.signals.outlier.OutlierFlag;
import org.csbench.signals.outlier.OutlierPoint;
import org.csbench.signals.outlier.OutlierResult;
import org.csbench.signals.outlier.UnitValue;

/**
 * Analyses one indicator-period cross-section of authorities inside an executor: a funnel plot when the indicator
 * has a funnel model, modified z-scores when its values are comparable across authorities; one
 * {@link CrossSections#ANALYSED} row per authority out.
 */
final class CrossSectionAnalysis implements FlatMapGroupsFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private static final int INDICATOR = CrossSections.INPUT.indexOf(Columns.INDICATOR_ID);
    private static final int PERIOD_TYPE = CrossSections.INPUT.indexOf(Columns.PERIOD_TYPE);
    private static final int PERIOD_END = CrossSections.INPUT.indexOf(Columns.PERIOD_END);
    private static final int TIME_PERIOD = CrossSections.INPUT.indexOf(Columns.TIME_PERIOD);
    private static final int GEO_KEY = CrossSections.INPUT.indexOf(Geography.GEO_KEY);
    private static final int LA_NAME = CrossSections.INPUT.indexOf(Columns.LA_NAME);
    private static final int REGION_CODE = CrossSections.INPUT.indexOf(Columns.REGION_CODE);
    private static final int UNIT = CrossSections.INPUT.indexOf(Columns.UNIT);
    private static final int POLARITY = CrossSections.INPUT.indexOf(IndicatorValues.POLARITY);
    private static final int NUMERATOR = CrossSections.INPUT.indexOf(IndicatorValues.NUMERATOR);
    private static final int DENOMINATOR = CrossSections.INPUT.indexOf(IndicatorValues.DENOMINATOR);
    private static final int VALUE = CrossSections.INPUT.indexOf(Columns.VALUE);

    private final Map<String, IndicatorSignals> catalogue;
    private final DetectOptions options;

    CrossSectionAnalysis(Map<String, IndicatorSignals> catalogue, DetectOptions options) {
        this.catalogue = catalogue;
        this.options = options;
    }

    @Override
    public Iterator<Row> call(Row key, Iterator<Row> group) {
        List<Row> rows = new ArrayList<>();
        group.forEachRemaining(rows::add);
        IndicatorSignals indicator = catalogue.get(rows.get(0).getString(INDICATOR));
        Polarity polarity = Polarity.valueOf(rows.get(0).getString(POLARITY).toUpperCase(Locale.ROOT));

        boolean inFunnel = indicator.funnelModel() != null;
        FunnelResult funnel = null;
        Map<String, FunnelPoint> plotted = new HashMap<>();
        Map<String, ExcludedUnit> excluded = new HashMap<>();
        if (inFunnel) {
            List<FunnelUnit> units = rows.stream().map(r -> FunnelUnit.of(r.getString(GEO_KEY),
                    orNaN(r, NUMERATOR), orNaN(r, DENOMINATOR))).toList();
            funnel = new FunnelPlot(indicator.funnelModel(), polarity, indicator.multiplier(),
                    Overdispersion.ADDITIVE_RANDOM_EFFECTS).detect(units);
            funnel.points().forEach(p -> plotted.put(p.id(), p));
            funnel.excluded().forEach(e -> excluded.put(e.id(), e));
        }
        boolean inOutlier = indicator.comparableAcrossAuthorities();
        OutlierResult outliers = !inOutlier ? null : new ModifiedZScore(options.outlierThreshold())
                .detect(rows.stream().map(r -> UnitValue.of(r.getString(GEO_KEY), orNaN(r, VALUE))).toList());

        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            FunnelPoint p = plotted.get(r.getString(GEO_KEY));
            ExcludedUnit e = excluded.get(r.getString(GEO_KEY));
            OutlierPoint o = outliers == null ? null : outliers.points().get(i);
            out.add(RowFactory.create(r.get(INDICATOR), r.get(PERIOD_TYPE), r.get(PERIOD_END), r.get(TIME_PERIOD),
                    r.get(GEO_KEY), r.get(LA_NAME), r.get(REGION_CODE), r.get(UNIT), r.get(POLARITY), r.get(VALUE),
                    inFunnel, funnel == null ? null : label(funnel.model()),
                    funnel == null ? null : nullable(funnel.target()), funnel == null ? null : nullable(funnel.phi()),
                    funnel == null ? null : nullable(funnel.tau2()), r.get(NUMERATOR), r.get(DENOMINATOR),
                    p == null ? null : nullable(p.value()), p == null ? null : nullable(p.zScore()),
                    p == null ? null : nullable(p.lower95()), p == null ? null : nullable(p.upper95()),
                    p == null ? null : nullable(p.lower998()), p == null ? null : nullable(p.upper998()),
                    p == null ? null : label(p.flag95()), p == null ? null : label(p.flag998()),
                    p == null ? null : label(p.judgement95()), p == null ? null : label(p.judgement998()),
                    e == null ? null : label(e.reason()),
                    inOutlier, outliers == null ? null : nullable(outliers.median()),
                    outliers == null ? null : nullable(outliers.mad()),
                    outliers == null ? null : nullable(outliers.meanAbsoluteDeviation()),
                    outliers == null ? null : label(outliers.scale()), o == null ? null : nullable(o.score()),
                    o == null ? null : label(o.flag()), o == null ? null : label(outlierJudgement(o, polarity))));
        }
        return out.iterator();
    }

    private static Judgement outlierJudgement(OutlierPoint o, Polarity polarity) {
        return o.flag() == OutlierFlag.HIGH_OUTLIER ? polarity.judge(1)
                : o.flag() == OutlierFlag.LOW_OUTLIER ? polarity.judge(-1) : Judgement.NONE;
    }

    private static double orNaN(Row row, int field) {
        return row.isNullAt(field) ? Double.NaN : row.getDouble(field);
    }
}

package org.csbench.detect;

import static org.csbench.detect.Labels.code;
import static org.csbench.detect.Labels.nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

import org.csbench.contract.CodeSet;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactSignal;

import org.csbench.metrics.Geography;
import org.csbench.metrics.IndicatorValues;
import org.csbench.model.Columns;
import org.csbench.model.Judgement;
import org.csbench.model.Polarity;
import org.csbench.signals.funnel.ExcludedUnit;
import org.csbench.signals.funnel.ExclusionReason;
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
 * {@link CrossSections#ANALYSED} row per authority out, the first carrying what the cross-section shares.
 */
final class CrossSectionAnalysis implements FlatMapGroupsFunction<Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private static final int INDICATOR = CrossSections.INPUT.indexOf(Columns.INDICATOR_ID);
    private static final int PERIOD_TYPE = CrossSections.INPUT.indexOf(Columns.PERIOD_TYPE);
    private static final int PERIOD_END = CrossSections.INPUT.indexOf(Columns.PERIOD_END);
    private static final int GEO_KEY = CrossSections.INPUT.indexOf(Geography.GEO_KEY);
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
        // The statistics add up the authorities in this order, so it must not depend on how the rows arrive.
        rows.sort(Comparator.comparing(r -> r.getString(GEO_KEY)));
        IndicatorSignals indicator = catalogue.get(rows.get(0).getString(INDICATOR));
        Polarity polarity = Polarity.valueOf(rows.get(0).getString(POLARITY).toUpperCase(Locale.ROOT));

        FunnelResult funnel = null;
        Map<String, FunnelPoint> plotted = new HashMap<>();
        Map<String, ExcludedUnit> excluded = new HashMap<>();
        if (indicator.funnelModel() != null) {
            List<FunnelUnit> units = rows.stream().map(r -> FunnelUnit.of(r.getString(GEO_KEY),
                    orNaN(r, NUMERATOR), orNaN(r, DENOMINATOR))).toList();
            try {
                funnel = new FunnelPlot(indicator.funnelModel(), polarity, indicator.multiplier(),
                        Overdispersion.ADDITIVE_RANDOM_EFFECTS).detect(units);
                funnel.points().forEach(p -> plotted.put(p.id(), p));
                funnel.excluded().forEach(e -> excluded.put(e.id(), e));
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                // The plot failed as a whole (FunnelPlot leaves out the units it cannot plot, so this is a last
                // resort): every authority of this cross-section says so, and the run goes on.
                units.forEach(u -> excluded.put(u.id(), new ExcludedUnit(u.id(), ExclusionReason.LIMITS_NOT_COMPUTABLE)));
            }
        }
        OutlierResult outliers = !indicator.comparableAcrossAuthorities() ? null : new ModifiedZScore(options.outlierThreshold())
                .detect(rows.stream().map(r -> UnitValue.of(r.getString(GEO_KEY), orNaN(r, VALUE))).toList());

        Row shared = CrossSections.SHARED.row()
                .set(FactCrossSection.AUTHORITIES, rows.size())
                .set(FactCrossSection.FUNNEL_MODEL, funnel == null ? null : code(CodeSet.FUNNEL_MODEL, funnel.model()))
                .set(FactCrossSection.POOLED_VALUE, funnel == null ? null : nullable(funnel.target()))
                .set(FactCrossSection.PHI, funnel == null ? null : nullable(funnel.phi()))
                .set(FactCrossSection.TAU2, funnel == null ? null : nullable(funnel.tau2()))
                .set(FactCrossSection.MEDIAN, outliers == null ? null : nullable(outliers.median()))
                .set(FactCrossSection.MAD, outliers == null ? null : nullable(outliers.mad()))
                .set(FactCrossSection.MEAN_ABSOLUTE_DEVIATION, outliers == null ? null
                        : nullable(outliers.meanAbsoluteDeviation()))
                .set(FactCrossSection.SCALE, outliers == null ? null : code(CodeSet.OUTLIER_SCALE, outliers.scale()))
                .build();
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            FunnelPoint p = plotted.get(r.getString(GEO_KEY));
            ExcludedUnit e = excluded.get(r.getString(GEO_KEY));
            OutlierPoint o = outliers == null ? null : outliers.points().get(i);
            out.add(CrossSections.ANALYSED.row()
                    .set(Columns.INDICATOR_ID, r.get(INDICATOR))
                    .set(Columns.PERIOD_TYPE, r.get(PERIOD_TYPE))
                    .set(Columns.PERIOD_END, r.get(PERIOD_END))
                    .set(Geography.GEO_KEY, r.get(GEO_KEY))
                    .set(FactSignal.FUNNEL_VALUE, p == null ? null : nullable(p.value()))
                    .set(FactSignal.FUNNEL_Z, p == null ? null : nullable(p.zScore()))
                    .set(FactSignal.FUNNEL_LOWER_95, p == null ? null : nullable(p.lower95()))
                    .set(FactSignal.FUNNEL_UPPER_95, p == null ? null : nullable(p.upper95()))
                    .set(FactSignal.FUNNEL_LOWER_998, p == null ? null : nullable(p.lower998()))
                    .set(FactSignal.FUNNEL_UPPER_998, p == null ? null : nullable(p.upper998()))
                    .set(FactSignal.FUNNEL_POSITION_95, p == null ? null : code(CodeSet.FUNNEL_POSITION, p.flag95()))
                    .set(FactSignal.FUNNEL_POSITION_998, p == null ? null : code(CodeSet.FUNNEL_POSITION, p.flag998()))
                    .set(FactSignal.FUNNEL_JUDGEMENT_95, p == null ? null : code(CodeSet.JUDGEMENT, p.judgement95()))
                    .set(FactSignal.FUNNEL_JUDGEMENT_998, p == null ? null : code(CodeSet.JUDGEMENT, p.judgement998()))
                    .set(FactSignal.FUNNEL_EXCLUDED, e == null ? null : code(CodeSet.FUNNEL_EXCLUSION, e.reason()))
                    .set(FactSignal.OUTLIER_Z, o == null ? null : nullable(o.score()))
                    .set(FactSignal.OUTLIER_FLAG, o == null ? null : code(CodeSet.OUTLIER_FLAG, o.flag()))
                    .set(FactSignal.OUTLIER_JUDGEMENT, o == null ? null
                            : code(CodeSet.JUDGEMENT, outlierJudgement(o, polarity)))
                    .set(CrossSections.CROSS_SECTION, i == 0 ? shared : null)
                    .build());
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

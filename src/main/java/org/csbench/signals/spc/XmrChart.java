package org.csbench.signals.spc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.csbench.model.Judgement;
import org.csbench.model.Polarity;
import org.csbench.signals.SeriesSignal;

/**
 * Statistical process control XmR (individuals) chart following NHS England's "Making Data Count" guidance and the
 * NHSRplotthedots R package ({@code ptd_spc}).
 *
 * <p>Per segment: centre line = mean; process limits = mean &plusmn; 2.66 &times; mean moving range; inner band =
 * mean &plusmn; 2/3 &times; 2.66 &times; mean moving range ({@link XmrLimits}), with optional moving-range
 * screening ({@link Screening}, on by default). {@link #withBaseline(int)} fixes each segment's limits on its first n
 * non-missing points; {@link #withRebaseAt(int...)} starts a new segment, with its own limits, at each given index.
 * Special-cause rules are evaluated within a segment on its consecutive non-missing points (a gap does not break a
 * run): (a) a point strictly outside the process limits; (b) a trend of 7 points (6 strict rises or falls); (c) a
 * shift of 7+ points strictly on one side of the mean; (d) two of three consecutive points beyond the inner band on
 * the same side. One label per point, by precedence outside &gt; trend &gt; two-of-three &gt; shift.
 *
 * <p>Improvement/concern follows the direction of the special cause: the side of the mean for rules (a), (c) and
 * (d), and the direction of the run for a trend (an increasing trend is an improvement when higher is better, even
 * below the mean). This differs from NHSRplotthedots, which judges every rule, trends included, by the side of the
 * mean. Two further deliberate differences: moving ranges span gaps (they join consecutive non-missing points), and
 * rule (d) does not require the third point to be on the same side of the mean.
 *
 * @param polarity which direction is improvement
 * @param screening moving-range screening
 * @param baselinePoints 0 for limits from all points of a segment, otherwise the number of first non-missing points
 *     of each segment the limits are fixed on (at least 2)
 * @param rebaseAt indices (strictly increasing, &ge; 1) at which a new segment starts
 * @param target the target for the assurance icon, NaN for none
 * @param minSegmentPoints segments with fewer non-missing points get a warning (default 13)
 */
public record XmrChart(Polarity polarity, Screening screening, int baselinePoints, List<Integer> rebaseAt,
        double target, int minSegmentPoints) implements SeriesSignal<XmrResult> {

    /** Recommended minimum number of points for reliable limits. */
    public static final int RECOMMENDED_POINTS = 13;

    public XmrChart {
        if (polarity == null || screening == null) {
            throw new IllegalArgumentException("Invalid XmR options: polarity and screening are required");
        }
        if (baselinePoints != 0 && baselinePoints < 2) {
            throw new IllegalArgumentException(String.format("Invalid baseline length: %s points", baselinePoints));
        }
        rebaseAt = List.copyOf(rebaseAt);
        for (int i = 0; i < rebaseAt.size(); i++) {
            if (rebaseAt.get(i) < 1 || (i > 0 && rebaseAt.get(i) <= rebaseAt.get(i - 1))) {
                throw new IllegalArgumentException(String.format("Invalid rebase index: %s in %s", rebaseAt.get(i), rebaseAt));
            }
        }
        if (Double.isInfinite(target)) {
            throw new IllegalArgumentException(String.format("Invalid target: %s", target));
        }
        if (minSegmentPoints < 0) {
            throw new IllegalArgumentException(String.format("Invalid minimum segment length: %s points", minSegmentPoints));
        }
    }

    /** A chart with screening on, limits from all points, no rebase and no target. */
    public static XmrChart of(Polarity polarity) {
        return new XmrChart(polarity, Screening.SCREEN_MOVING_RANGES, 0, List.of(), Double.NaN, RECOMMENDED_POINTS);
    }

    public XmrChart withScreening(Screening newScreening) {
        return new XmrChart(polarity, newScreening, baselinePoints, rebaseAt, target, minSegmentPoints);
    }

    /** Fixes each segment's limits on its first {@code points} non-missing values. */
    public XmrChart withBaseline(int points) {
        return new XmrChart(polarity, screening, points, rebaseAt, target, minSegmentPoints);
    }

    /** Starts a new segment at each of {@code indices}. */
    public XmrChart withRebaseAt(int... indices) {
        return new XmrChart(polarity, screening, baselinePoints, Arrays.stream(indices).boxed().toList(), target,
                minSegmentPoints);
    }

    public XmrChart withTarget(double newTarget) {
        return new XmrChart(polarity, screening, baselinePoints, rebaseAt, newTarget, minSegmentPoints);
    }

    public XmrChart withMinSegmentPoints(int points) {
        return new XmrChart(polarity, screening, baselinePoints, rebaseAt, target, points);
    }

    @Override
    public XmrResult detect(double[] series) {
        if (!rebaseAt.isEmpty() && rebaseAt.get(rebaseAt.size() - 1) >= series.length) {
            throw new IllegalArgumentException(
                    String.format("Invalid rebase index: %s for a series of %s points", rebaseAt, series.length));
        }
        List<XmrPoint> points = new ArrayList<>(series.length);
        List<String> warnings = new ArrayList<>();
        XmrLimits last = null;
        for (int seg = 0; seg <= rebaseAt.size(); seg++) {
            int from = seg == 0 ? 0 : rebaseAt.get(seg - 1);
            int to = seg == rebaseAt.size() ? series.length : rebaseAt.get(seg);
            last = segment(series, from, to, seg, points, warnings);
        }
        return new XmrResult(points, variation(points), assurance(last), warnings);
    }

    private XmrLimits segment(double[] series, int from, int to, int seg, List<XmrPoint> out, List<String> warnings) {
        int[] idx = java.util.stream.IntStream.range(from, to).filter(i -> !Double.isNaN(series[i])).toArray();
        double[] v = Arrays.stream(idx).mapToDouble(i -> series[i]).toArray();
        int n = baselinePoints == 0 ? v.length : Math.min(baselinePoints, v.length);
        XmrLimits limits = XmrLimits.fromBaseline(Arrays.copyOf(v, n), screening);
        if (v.length < minSegmentPoints) {
            warnings.add(String.format("Segment %d (points %d-%d) has %d values; at least %d are recommended",
                    seg, from, to - 1, v.length, minSegmentPoints));
        }
        if (Double.isNaN(limits.meanMovingRange())) {
            warnings.add(String.format("Segment %d (points %d-%d): limits need at least 2 values", seg, from, to - 1));
        }
        SpcRules.Hit[] hits = SpcRules.label(v, limits);
        int k = 0;
        for (int i = from; i < to; i++) {
            boolean present = k < idx.length && idx[k] == i;
            SpcRules.Hit hit = present ? hits[k] : SpcRules.Hit.NONE;
            double mr = present && k > 0 ? Math.abs(v[k] - v[k - 1]) : Double.NaN;
            PointType type = present ? PointType.of(polarity.judge(hit.direction())) : PointType.MISSING;
            out.add(new XmrPoint(i, series[i], seg, limits.mean(), limits.lowerLimit(), limits.upperLimit(),
                    limits.lowerInner(), limits.upperInner(), mr, hit.rule(), hit.direction(), type));
            k += present ? 1 : 0;
        }
        return limits;
    }

    private static VariationIcon variation(List<XmrPoint> points) {
        for (int i = points.size() - 1; i >= 0; i--) {
            XmrPoint p = points.get(i);
            if (p.type() != PointType.MISSING) {
                boolean high = p.direction() > 0;
                return switch (p.type()) {
                    case SPECIAL_CAUSE_IMPROVEMENT -> high ? VariationIcon.IMPROVEMENT_HIGH : VariationIcon.IMPROVEMENT_LOW;
                    case SPECIAL_CAUSE_CONCERN -> high ? VariationIcon.CONCERN_HIGH : VariationIcon.CONCERN_LOW;
                    case SPECIAL_CAUSE_NEUTRAL_HIGH -> VariationIcon.NEUTRAL_HIGH;
                    case SPECIAL_CAUSE_NEUTRAL_LOW -> VariationIcon.NEUTRAL_LOW;
                    default -> VariationIcon.COMMON_CAUSE;
                };
            }
        }
        return VariationIcon.NO_DATA;
    }

    private AssuranceIcon assurance(XmrLimits limits) {
        if (Double.isNaN(target) || polarity == Polarity.NEUTRAL || limits == null
                || Double.isNaN(limits.meanMovingRange())) {
            return AssuranceIcon.NONE;
        }
        // Side of the target relative to the limits, judged by polarity: a target above the upper limit is "high".
        int side = target > limits.upperLimit() ? 1 : target < limits.lowerLimit() ? -1 : 0;
        Judgement targetBeyond = polarity.judge(side);
        return switch (targetBeyond) {
            case FAVOURABLE -> AssuranceIcon.CONSISTENTLY_FAILING;
            case UNFAVOURABLE -> AssuranceIcon.CONSISTENTLY_PASSING;
            default -> AssuranceIcon.INCONSISTENT;
        };
    }
}

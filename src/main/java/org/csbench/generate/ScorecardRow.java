package org.csbench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.csbench.model.Errors;

/**
 * One row of the wide scorecard: a generated series as it is, or a percentage a council derives from two of
 * them (re-referrals / referrals, assessments in 45 days / assessments completed), placed after its
 * numerator.
 *
 * @param ref         the row's {@code Ref}
 * @param name        the row's {@code Indicator} text
 * @param kind        how its values print
 * @param target      the council's target, if any
 * @param numerator   the index of the series (or the derived percentage's numerator) in the LA's series
 * @param denominator the index of the derived percentage's denominator, or -1 for a series as it is
 */
public record ScorecardRow(String ref, String name, SeriesKind kind, Optional<Target> target, int numerator,
        int denominator) {
    /** Percentages a council derives, by numerator ref. */
    private static final List<Derived> DERIVED = List.of(
            new Derived(Indicators.REREFERRALS, Indicators.REFERRALS, "rereferrals_pct",
                    "Re-referrals within 12 months of a previous referral (%)", Target.between(20, 24)),
            new Derived(Indicators.ASSESSMENTS_IN_45_DAYS, Indicators.ASSESSMENTS_COMPLETED,
                    "assessments_in_45_days_pct", "Child and family assessments completed within 45 working days (%)",
                    Target.atLeast(85)));

    private record Derived(String numerator, String denominator, String ref, String name, Target target) {
    }

    public ScorecardRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if (numerator < 0 || denominator < -1) {
            throw Errors.invalidArgument(String.format("Scorecard row %s: invalid series indices %d / %d", ref,
                    numerator, denominator));
        }
    }

    /** The scorecard rows for a run's indicators, in catalogue order with derived percentages interleaved. */
    public static List<ScorecardRow> forIndicators(List<IndicatorDef> indicators) {
        List<ScorecardRow> rows = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDef indicator = indicators.get(i);
            rows.add(new ScorecardRow(indicator.ref(), indicator.name(), indicator.kind(), indicator.target(), i, -1));
            for (Derived derived : DERIVED) {
                int denominator = indexOf(indicators, derived.denominator());
                if (derived.numerator().equals(indicator.ref()) && denominator >= 0) {
                    rows.add(new ScorecardRow(derived.ref(), derived.name(), SeriesKind.PERCENT,
                            Optional.of(derived.target()), i, denominator));
                }
            }
        }
        return List.copyOf(rows);
    }

    /** Whether this row is a percentage derived from two series. */
    public boolean isDerived() {
        return denominator >= 0;
    }

    /** The row's value in month {@code month}: NaN if unpublished (or a zero denominator). */
    public double value(LaSeries series, int month) {
        double top = series.value(numerator, month);
        if (!isDerived()) {
            return top;
        }
        double bottom = series.value(denominator, month);
        return bottom > 0 && !Double.isNaN(top) ? SeriesModel.oneDecimal(100 * top / bottom) : Double.NaN;
    }

    /** Whether the row's cell in {@code month} reads {@code Not Yet Available}. */
    public boolean isNotYetAvailable(LaSeries series, int month) {
        return series.isNotYetAvailable(numerator, month)
                || (isDerived() && series.isNotYetAvailable(denominator, month));
    }

    private static int indexOf(List<IndicatorDef> indicators, String ref) {
        for (int i = 0; i < indicators.size(); i++) {
            if (indicators.get(i).ref().equals(ref)) {
                return i;
            }
        }
        return -1;
    }
}

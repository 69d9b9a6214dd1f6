package org.csbench.signals.funnel;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.csbench.signals.CrossSectionSignal;
import org.csbench.model.Polarity;

/**
 * Funnel plot for comparing institutional performance (Spiegelhalter 2005, Statistics in Medicine 24:1185-1202),
 * with Public Health England's exact Poisson limits for rates.
 *
 * <p>Target &theta;0 = &Sigma;numerator / &Sigma;denominator (pooled). Limits at 95% and 99.8% (z = &Phi;<sup>-1</sup>
 * (1 - &alpha;/2) = 1.959964, 3.090232) come from {@link FunnelModel}: normal approximation for proportions, exact
 * Poisson for rates. z-scores z_i = (y_i - &theta;0) / &radic;(V(&theta;0)/n_i) on the unit scale. With
 * {@link Overdispersion#ADDITIVE_RANDOM_EFFECTS} (the default) an {@link OverdispersionEstimate} is made; if
 * &tau;&sup2; &gt; 0 the limits become &theta;0 &plusmn; z &radic;(s_i&sup2; + &tau;&sup2;) (normal, clamped to the
 * valid range) for both models, and z-scores use the same denominator. A unit is ABOVE/BELOW a level when strictly
 * outside its limits, judged by polarity.
 *
 * <p>Units with a missing numerator, a missing or zero denominator, an infinite value, a negative value or (for
 * proportions) a numerator above the denominator are excluded and reported. A unit whose limits cannot be computed
 * (a quantile that does not converge for an extreme expected count) is excluded as {@code LIMITS_NOT_COMPUTABLE} and
 * the plot made without it: one such unit never stops the plot of the others.
 *
 * @param model proportion or rate
 * @param polarity which direction is better
 * @param multiplier reporting scale (e.g. 100 for a percentage, 10000 for a rate per 10,000)
 * @param overdispersion overdispersion handling
 */
public record FunnelPlot(FunnelModel model, Polarity polarity, double multiplier, Overdispersion overdispersion)
        implements CrossSectionSignal<FunnelUnit, FunnelResult> {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    private static final double ALPHA_95 = 0.05;
    private static final double ALPHA_998 = 0.002;

    public FunnelPlot {
        if (model == null || polarity == null || overdispersion == null) {
            throw new IllegalArgumentException("Invalid funnel plot options: model, polarity and overdispersion required");
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException(String.format("Invalid funnel multiplier: %s", multiplier));
        }
    }

    /** Proportions on the 0-1 scale, overdispersion-adjusted. */
    public static FunnelPlot proportions(Polarity polarity) {
        return new FunnelPlot(FunnelModel.PROPORTION, polarity, 1, Overdispersion.ADDITIVE_RANDOM_EFFECTS);
    }

    /** Rates per {@code perPopulation} (e.g. 10000), overdispersion-adjusted. */
    public static FunnelPlot ratesPer(double perPopulation, Polarity polarity) {
        return new FunnelPlot(FunnelModel.RATE, polarity, perPopulation, Overdispersion.ADDITIVE_RANDOM_EFFECTS);
    }

    public FunnelPlot withMultiplier(double newMultiplier) {
        return new FunnelPlot(model, polarity, newMultiplier, overdispersion);
    }

    public FunnelPlot withOverdispersion(Overdispersion newOverdispersion) {
        return new FunnelPlot(model, polarity, multiplier, newOverdispersion);
    }

    @Override
    public FunnelResult detect(List<FunnelUnit> units) {
        List<FunnelUnit> used = new ArrayList<>();
        List<ExcludedUnit> excluded = new ArrayList<>();
        for (FunnelUnit u : units) {
            ExclusionReason reason = exclusion(u);
            if (reason == null) {
                used.add(u);
            } else {
                excluded.add(new ExcludedUnit(u.id(), reason));
            }
        }
        // A unit whose limits cannot be computed is left out and the plot made again without it, so one extreme
        // unit costs its own point, never the cross-section (each round leaves out at least one unit).
        while (true) {
            double target = used.stream().mapToDouble(FunnelUnit::numerator).sum()
                    / used.stream().mapToDouble(FunnelUnit::denominator).sum();
            double[] variances = used.stream().mapToDouble(u -> model.variance(target, u.denominator())).toArray();
            double[] z = new double[used.size()];
            for (int i = 0; i < z.length; i++) {
                z[i] = zScore(value(used.get(i)) - target, variances[i]);
            }
            OverdispersionEstimate od = overdispersion == Overdispersion.NONE || !Double.isFinite(target)
                    ? new OverdispersionEstimate(Double.NaN, 0) : OverdispersionEstimate.of(z, variances);
            List<FunnelPoint> points = new ArrayList<>();
            List<FunnelUnit> failed = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                try {
                    points.add(point(used.get(i), target, variances[i], od.tau2()));
                } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                    failed.add(used.get(i));
                }
            }
            if (failed.isEmpty()) {
                return new FunnelResult(model, target * multiplier, od.phi(), od.tau2() * multiplier * multiplier,
                        points, excluded);
            }
            FunnelUnit worst = mostExtreme(failed, target);
            used.remove(worst);
            excluded.add(new ExcludedUnit(worst.id(), ExclusionReason.LIMITS_NOT_COMPUTABLE));
        }
    }

    /** Of the units that failed, the one furthest from the target (the likeliest cause of the others' failing). */
    private static FunnelUnit mostExtreme(List<FunnelUnit> failed, double target) {
        FunnelUnit worst = failed.get(0);
        for (FunnelUnit u : failed) {
            if (Math.abs(value(u) - target) > Math.abs(value(worst) - target)) {
                worst = u;
            }
        }
        return worst;
    }

    private ExclusionReason exclusion(FunnelUnit u) {
        if (Double.isNaN(u.numerator())) {
            return ExclusionReason.MISSING_NUMERATOR;
        }
        if (Double.isNaN(u.denominator()) || u.denominator() == 0) {
            return ExclusionReason.MISSING_OR_ZERO_DENOMINATOR;
        }
        if (Double.isInfinite(u.numerator()) || Double.isInfinite(u.denominator()) || Double.isInfinite(value(u))) {
            return ExclusionReason.NON_FINITE_VALUE;
        }
        if (u.numerator() < 0 || u.denominator() < 0) {
            return ExclusionReason.NEGATIVE_VALUE;
        }
        return model == FunnelModel.PROPORTION && u.numerator() > u.denominator()
                ? ExclusionReason.NUMERATOR_EXCEEDS_DENOMINATOR : null;
    }

    private FunnelPoint point(FunnelUnit u, double target, double variance, double tau2) {
        double y = value(u);
        double[] l95 = limits(target, u.denominator(), ALPHA_95, tau2);
        double[] l998 = limits(target, u.denominator(), ALPHA_998, tau2);
        FunnelFlag f95 = flag(y, l95);
        FunnelFlag f998 = flag(y, l998);
        return new FunnelPoint(u.id(), u.numerator(), u.denominator(), y * multiplier, zScore(y - target, variance + tau2),
                l95[0] * multiplier, l95[1] * multiplier, l998[0] * multiplier, l998[1] * multiplier, f95, f998,
                polarity.judge(direction(f95)), polarity.judge(direction(f998)));
    }

    private double[] limits(double target, double n, double alpha, double tau2) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        return tau2 > 0 ? model.widenedLimits(target, n, z, tau2) : model.limits(target, n, z, alpha);
    }

    private static double value(FunnelUnit u) {
        return u.numerator() / u.denominator();
    }

    private static double zScore(double deviation, double variance) {
        return deviation == 0 ? 0 : deviation / Math.sqrt(variance);
    }

    private static FunnelFlag flag(double y, double[] limits) {
        return y > limits[1] ? FunnelFlag.ABOVE : y < limits[0] ? FunnelFlag.BELOW : FunnelFlag.INSIDE;
    }

    private static int direction(FunnelFlag flag) {
        return flag == FunnelFlag.ABOVE ? 1 : flag == FunnelFlag.BELOW ? -1 : 0;
    }
}

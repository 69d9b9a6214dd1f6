package org.csbench.generate;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.random.RandomGenerator;
import org.csbench.model.Errors;

/**
 * Draws an LA's monthly series from its calibrated levels.
 *
 * <p>Counts in the month are Poisson draws around level / 12 x a seasonal factor x a slow trend. The trend is
 * a mean-reverting random walk on the log scale, scaled so that the expected total over the anchor year (the
 * financial year to March of the calibration's reporting year, or the last 12 months if that year is not in
 * the window) equals the calibrated annual figure. Snapshots (open at month end) are a smooth random walk
 * that passes through the published 31 March figure at the anchor year's March. Numerators are binomial
 * draws from their denominators, so they never exceed them. Ratios and percentages walk around their level
 * with a little noise.
 *
 * <p>Every LA draws from its own streams (seed, LA code, ref), so its values do not depend on which other LAs
 * or how many indicators are generated.
 */
public final class SeriesModel {
    /**
     * Seasonal factor by calendar month (January first) before normalising to a mean of 1: school holidays
     * dip (August 0.85, December 0.8), term months are slightly higher.
     */
    private static final double[] RAW_SEASON = {1.02, 1.00, 1.05, 1.00, 1.05, 1.05, 1.00, 0.85, 1.05, 1.08, 1.08, 0.80};
    static final double[] SEASON = normalised(RAW_SEASON);

    /** Chance that the final month of a series reads Not Yet Available. */
    static final double PENDING_CHANCE = 0.01;
    /** The same for measures councils report a month late (workforce, care leavers). */
    static final double PENDING_CHANCE_LAGGING = 0.25;
    private static final Set<String> LAGGING = Set.of(Indicators.SW_CASELOAD, Indicators.CARE_LEAVERS_EET_PCT);

    private static final double ASSESSMENTS_PER_REFERRAL = 0.9;

    private final long seed;
    private final MonthWindow window;
    private final double blankFraction;
    private final int anchorFrom;
    private final int anchorTo;
    private final double[] season;

    /**
     * @param seed          the run's seed
     * @param window        the months to draw
     * @param reportingYear the calibration's reporting year (its annual figures are for the year to March)
     * @param blankFraction the share of cells left blank, 0 to 0.5
     */
    public SeriesModel(long seed, MonthWindow window, int reportingYear, double blankFraction) {
        if (!(blankFraction >= 0 && blankFraction <= GeneratorOptions.MAX_BLANK_FRACTION)) {
            throw Errors.invalidArgument(String.format("--blank-fraction must be between 0 and %s, got %s",
                    GeneratorOptions.MAX_BLANK_FRACTION, blankFraction));
        }
        this.seed = seed;
        this.window = window;
        this.blankFraction = blankFraction;
        int march = window.indexOf(YearMonth.of(reportingYear, 3));
        this.anchorTo = march >= 11 ? march : window.count() - 1;
        this.anchorFrom = anchorTo - 11;
        this.season = new double[window.count()];
        for (int m = 0; m < season.length; m++) {
            season[m] = SEASON[window.month(m).getMonthValue() - 1];
        }
    }

    /** The first index of the anchor year (12 months ending {@link #anchorTo()}). */
    public int anchorFrom() {
        return anchorFrom;
    }

    /** The last index of the anchor year. */
    public int anchorTo() {
        return anchorTo;
    }

    /** Draws {@code indicators} for {@code la}. */
    public LaSeries generate(Authority la, List<IndicatorDef> indicators) {
        int n = window.count();
        Map<String, double[]> core = null;
        double[][] values = new double[indicators.size()][];
        boolean[] pending = new boolean[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDef indicator = indicators.get(i);
            if (indicator.synthetic().isPresent()) {
                values[i] = synthetic(la, indicator, indicator.synthetic().get());
            } else {
                if (core == null) {
                    core = core(la);
                }
                double[] series = core.get(indicator.ref());
                if (series == null) {
                    throw Errors.invalidArgument("Unknown observed indicator: " + indicator.ref());
                }
                values[i] = series.clone();
            }
            pending[i] = applyMissingCells(la, indicator, values[i], n);
        }
        return new LaSeries(la, indicators, values, pending);
    }

    /** Blanks cells (and marks the final month Not Yet Available) from a stream of their own. */
    private boolean applyMissingCells(Authority la, IndicatorDef indicator, double[] values, int n) {
        long cells = Seeds.of(seed, la.code(), indicator.ref(), "cells");
        double chance = LAGGING.contains(indicator.ref()) ? PENDING_CHANCE_LAGGING : PENDING_CHANCE;
        boolean pending = Seeds.uniform(cells, n) < chance;
        if (blankFraction > 0) {
            for (int m = 0; m < n; m++) {
                if (Seeds.uniform(cells, m) < blankFraction) {
                    values[m] = Double.NaN;
                }
            }
        }
        if (pending) {
            values[n - 1] = Double.NaN;
        }
        return pending;
    }

    private Map<String, double[]> core(Authority la) {
        RandomGenerator random = Seeds.random(seed, la.code(), "core");
        int n = window.count();
        Map<String, double[]> out = new HashMap<>();

        double referralLevel = la.level(Measure.REFERRALS) / 12;
        double[] demand = trend(random, 0.97, 0.02, season);
        double[] expectedReferrals = new double[n];
        double[] referrals = new double[n];
        for (int m = 0; m < n; m++) {
            expectedReferrals[m] = referralLevel * season[m] * demand[m];
            referrals[m] = Sampling.poisson(random, expectedReferrals[m]);
        }
        out.put(Indicators.REFERRALS, referrals);

        double contactsPerReferral = 3 + 2 * random.nextDouble();
        double[] contactTrend = trend(random, 0.95, 0.02, null);
        double[] contacts = new double[n];
        for (int m = 0; m < n; m++) {
            contacts[m] = Sampling.poisson(random, expectedReferrals[m] * contactsPerReferral * contactTrend[m]);
        }
        out.put(Indicators.CONTACTS, contacts);

        double rereferralShare = share(la.level(Measure.REREFERRALS), la.level(Measure.REFERRALS), 0.22, 0.6);
        double[] rereferrals = new double[n];
        for (int m = 0; m < n; m++) {
            rereferrals[m] = Sampling.binomial(random, (long) referrals[m], rereferralShare);
        }
        out.put(Indicators.REREFERRALS, rereferrals);

        // Assessments follow referrals with a short lag: half this month's, half last month's.
        double[] completed = new double[n];
        double[] inTime = new double[n];
        double timelyBase = 0.80 + 0.10 * random.nextDouble();
        double[] timelyWalk = walk(random, 0.9, 0.01);
        for (int m = 0; m < n; m++) {
            double lagged = 0.5 * expectedReferrals[m] + 0.5 * expectedReferrals[Math.max(0, m - 1)];
            completed[m] = Sampling.poisson(random, ASSESSMENTS_PER_REFERRAL * lagged);
            double p = Math.max(0.6, Math.min(0.98, timelyBase + timelyWalk[m]));
            inTime[m] = Sampling.binomial(random, (long) completed[m], p);
        }
        out.put(Indicators.ASSESSMENTS_COMPLETED, completed);
        out.put(Indicators.ASSESSMENTS_IN_45_DAYS, inTime);

        out.put(Indicators.CIN_OPEN, snapshot(random, la.level(Measure.CIN_AT_31_MARCH), 0.006));
        out.put(Indicators.CPP_OPEN, snapshot(random, la.level(Measure.CPP_AT_31_MARCH), 0.01));

        double[] cppTrend = trend(random, 0.97, 0.03, season);
        double cppLevel = la.level(Measure.CPP_STARTED) / 12;
        double subsequentShare = share(la.level(Measure.CPP_SUBSEQUENT), la.level(Measure.CPP_STARTED), 0.24, 0.8);
        double[] cppStarted = new double[n];
        double[] cppSubsequent = new double[n];
        for (int m = 0; m < n; m++) {
            cppStarted[m] = Sampling.poisson(random, cppLevel * season[m] * cppTrend[m]);
            cppSubsequent[m] = Sampling.binomial(random, (long) cppStarted[m], subsequentShare);
        }
        out.put(Indicators.CPP_STARTED, cppStarted);
        out.put(Indicators.CPP_SUBSEQUENT, cppSubsequent);

        double[] claOpen = snapshot(random, la.level(Measure.CLA_AT_31_MARCH), 0.004);
        out.put(Indicators.CLA_OPEN, claOpen);
        double[] halfSeason = new double[n];
        for (int m = 0; m < n; m++) {
            halfSeason[m] = 1 + 0.5 * (season[m] - 1);
        }
        double[] claTrend = trend(random, 0.97, 0.03, halfSeason);
        double claLevel = la.level(Measure.CLA_STARTED) / 12;
        double missingPerChild = 0.12 + 0.06 * random.nextDouble();
        double[] claStarted = new double[n];
        double[] missing = new double[n];
        for (int m = 0; m < n; m++) {
            claStarted[m] = Sampling.poisson(random, claLevel * halfSeason[m] * claTrend[m]);
            missing[m] = Sampling.poisson(random, missingPerChild * claOpen[m]);
        }
        out.put(Indicators.CLA_STARTED, claStarted);
        out.put(Indicators.MISSING_INCIDENTS, missing);

        double caseload = la.level(Measure.CASELOAD);
        double[] caseloadWalk = walk(random, 0.97, 0.015);
        double[] caseloads = new double[n];
        for (int m = 0; m < n; m++) {
            double value = caseload * Math.exp(caseloadWalk[m]) + 0.25 * random.nextGaussian();
            caseloads[m] = oneDecimal(Math.max(3, value));
        }
        out.put(Indicators.SW_CASELOAD, caseloads);

        double eetBase = 50 + 15 * random.nextDouble();
        double[] eetWalk = walk(random, 0.95, 0.8);
        double[] eet = new double[n];
        for (int m = 0; m < n; m++) {
            eet[m] = percent(eetBase + eetWalk[m] + 1.5 * random.nextGaussian());
        }
        out.put(Indicators.CARE_LEAVERS_EET_PCT, eet);
        return out;
    }

    private double[] synthetic(Authority la, IndicatorDef indicator, SyntheticSpec spec) {
        RandomGenerator random = Seeds.random(seed, la.code(), indicator.ref());
        int n = window.count();
        double laFactor = Math.exp(0.25 * random.nextGaussian());
        double[] values = new double[n];
        switch (indicator.kind()) {
            case COUNT_IN_MONTH -> {
                double[] weights = new double[n];
                for (int m = 0; m < n; m++) {
                    weights[m] = 1 + spec.seasonality() * (season[m] - 1);
                }
                double monthly = spec.level() * la.population() / 10_000 * laFactor / 12;
                double[] trend = trend(random, 0.97, 0.02, weights);
                for (int m = 0; m < n; m++) {
                    values[m] = Sampling.poisson(random, monthly * weights[m] * trend[m]);
                }
            }
            case SNAPSHOT -> {
                double[] snapshot = snapshot(random, spec.level() * la.population() / 10_000 * laFactor, 0.008);
                System.arraycopy(snapshot, 0, values, 0, n);
            }
            case PERCENT -> {
                double base = Math.max(1, Math.min(99, spec.level() + 6 * random.nextGaussian()));
                double[] walk = walk(random, 0.95, 0.7);
                for (int m = 0; m < n; m++) {
                    double seasonal = 20 * spec.seasonality() * (season[m] - 1);
                    values[m] = percent(base + walk[m] + seasonal + random.nextGaussian());
                }
            }
            case RATIO -> {
                double base = spec.level() * laFactor;
                double[] walk = walk(random, 0.97, 0.02);
                for (int m = 0; m < n; m++) {
                    double value = base * Math.exp(walk[m]) + 0.02 * base * random.nextGaussian();
                    values[m] = oneDecimal(Math.max(0, value));
                }
            }
            default -> throw new IllegalStateException("Unknown series kind: " + indicator.kind());
        }
        return values;
    }

    /**
     * A multiplicative trend: exp of a mean-reverting walk, scaled so that the weighted mean over the anchor
     * year is 1 ({@code weights} null means equal weights), which keeps the anchor year's expected total at
     * the calibrated annual figure.
     */
    private double[] trend(RandomGenerator random, double persistence, double step, double[] weights) {
        double[] walk = walk(random, persistence, step);
        double weighted = 0;
        double total = 0;
        for (int m = anchorFrom; m <= anchorTo; m++) {
            double w = weights == null ? 1 : weights[m];
            walk[m] = Math.exp(walk[m]);
            weighted += w * walk[m];
            total += w;
        }
        for (int m = 0; m < walk.length; m++) {
            if (m < anchorFrom || m > anchorTo) {
                walk[m] = Math.exp(walk[m]);
            }
        }
        double scale = total / weighted;
        for (int m = 0; m < walk.length; m++) {
            walk[m] *= scale;
        }
        return walk;
    }

    /** An AR(1) walk around 0, started from its stationary spread. */
    private double[] walk(RandomGenerator random, double persistence, double step) {
        double[] walk = new double[window.count()];
        double value = step / Math.sqrt(1 - persistence * persistence) * random.nextGaussian();
        for (int m = 0; m < walk.length; m++) {
            value = persistence * value + step * random.nextGaussian();
            walk[m] = value;
        }
        return walk;
    }

    /**
     * A count open at month end: a smooth walk (its monthly change is itself persistent) on the log scale,
     * through {@code level} at the anchor year's March.
     */
    private double[] snapshot(RandomGenerator random, double level, double step) {
        int n = window.count();
        double[] log = new double[n];
        double change = 0;
        double value = 0;
        for (int m = 0; m < n; m++) {
            change = 0.7 * change + step * random.nextGaussian();
            value = 0.99 * value + change;
            log[m] = value;
        }
        double anchor = log[anchorTo];
        double[] out = new double[n];
        for (int m = 0; m < n; m++) {
            out[m] = Math.round(level * Math.exp(log[m] - anchor));
        }
        return out;
    }

    private static double share(double part, double whole, double fallback, double max) {
        return whole > 0 ? Math.min(max, part / whole) : fallback;
    }

    private static double percent(double value) {
        return oneDecimal(Math.max(0, Math.min(100, value)));
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double[] normalised(double[] raw) {
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] * raw.length / sum;
        }
        return out;
    }
}

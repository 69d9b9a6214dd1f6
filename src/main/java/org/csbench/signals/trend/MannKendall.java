package org.csbench.signals.trend;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.csbench.model.Polarity;
import org.csbench.signals.SeriesMath;
import org.csbench.signals.SeriesSignal;
import org.csbench.model.Judgement;

/**
 * The Mann&ndash;Kendall trend test (Mann 1945, Kendall 1975) with Sen's (1968) slope, as implemented by the Python
 * package pymannkendall ({@code original_test}, {@code sens_slope}).
 *
 * <p>S = &Sigma;<sub>i&lt;j</sub> sign(y_j - y_i); Var(S) = [n(n-1)(2n+5) - &Sigma; t(t-1)(2t+5)] / 18 over groups
 * of t tied values; Z = (S-1)/&radic;Var if S &gt; 0, 0 if S = 0, (S+1)/&radic;Var if S &lt; 0; two-sided p =
 * 2(1 - &Phi;(|Z|)). Sen's slope = median of (y_j - y_i)/(x_j - x_i) over pairs i &lt; j and intercept =
 * median(y) - slope &times; median(x), where x is the original 0-based index, so missing values (NaN) are skipped
 * and gaps are respected. The trend is significant when p &lt; alpha (equivalently |Z| &gt; z<sub>1-alpha/2</sub>).
 *
 * <p>Fewer than {@code minPoints} non-missing values (default 4, at least 3) give INSUFFICIENT_DATA; statistics are
 * still reported when at least two values exist. With 4 values the smallest attainable two-sided p is 0.089 and with
 * 5 it is 0.027, so at alpha = 0.05 a significant verdict needs at least 5 values.
 *
 * @param polarity which direction is improvement
 * @param alpha significance level, in (0, 1)
 * @param minPoints minimum number of non-missing values for a verdict
 */
public record MannKendall(Polarity polarity, double alpha, int minPoints) implements SeriesSignal<MannKendallResult> {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public MannKendall {
        if (polarity == null) {
            throw new IllegalArgumentException("Invalid Mann-Kendall polarity: null");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException(String.format("Invalid significance level: %s", alpha));
        }
        if (minPoints < 3) {
            throw new IllegalArgumentException(String.format("Invalid minimum series length: %s points", minPoints));
        }
    }

    /** alpha = 0.05 and at least 4 values. */
    public static MannKendall of(Polarity polarity) {
        return new MannKendall(polarity, 0.05, 4);
    }

    public MannKendall withAlpha(double newAlpha) {
        return new MannKendall(polarity, newAlpha, minPoints);
    }

    public MannKendall withMinPoints(int points) {
        return new MannKendall(polarity, alpha, points);
    }

    @Override
    public MannKendallResult detect(double[] series) {
        int[] x = SeriesMath.availableIndices(series);
        double[] y = SeriesMath.available(series);
        int n = y.length;
        if (n < 2) {
            return new MannKendallResult(n, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, TrendVerdict.INSUFFICIENT_DATA);
        }
        long s = 0;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += (long) Math.signum(y[j] - y[i]);
                slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        double pairs = n * (n - 1) / 2.0;
        double[] ties = tieGroupSizes(y);
        double varS = (n * (n - 1.0) * (2 * n + 5) - Arrays.stream(ties).map(t -> t * (t - 1) * (2 * t + 5)).sum()) / 18;
        double tiedPairs = Arrays.stream(ties).map(t -> t * (t - 1) / 2).sum();
        double z = s == 0 || varS == 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(varS);
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
        double slope = SeriesMath.median(slopes);
        double intercept = SeriesMath.median(y) - slope * SeriesMath.median(Arrays.stream(x).asDoubleStream().toArray());
        double tauB = pairs == tiedPairs ? Double.NaN : s / Math.sqrt(pairs * (pairs - tiedPairs));
        return new MannKendallResult(n, s, varS, z, p, s / pairs, tauB, slope, intercept, verdict(n, z, p));
    }

    private TrendVerdict verdict(int n, double z, double p) {
        if (n < minPoints) {
            return TrendVerdict.INSUFFICIENT_DATA;
        }
        Judgement j = p < alpha ? polarity.judge(z) : Judgement.NONE;
        return switch (j) {
            case FAVOURABLE -> TrendVerdict.IMPROVING;
            case UNFAVOURABLE -> TrendVerdict.DETERIORATING;
            case HIGH -> TrendVerdict.INCREASING;
            case LOW -> TrendVerdict.DECREASING;
            case NONE -> TrendVerdict.NO_SIGNIFICANT_TREND;
        };
    }

    /** Sizes of the groups of equal values (groups of one included; they contribute 0). */
    private static double[] tieGroupSizes(double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double[] sizes = new double[sorted.length];
        int groups = 0;
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            sizes[groups++] = j - i;
            i = j;
        }
        return Arrays.copyOf(sizes, groups);
    }
}

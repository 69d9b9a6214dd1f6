package org.csbench.signals;

import java.util.Arrays;

import org.apache.commons.math3.util.KthSelector;

/** Small numeric helpers shared by the signal families. NaN always means "missing". */
public final class SeriesMath {

    private SeriesMath() {}

    /** The non-missing values of {@code values}, in order. */
    public static double[] available(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The indices of the non-missing values of {@code values}, in order. */
    public static int[] availableIndices(double[] values) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i])).toArray();
    }

    /**
     * The ordinary median (mean of the two middle values for an even count); NaN for no values. Found by selection,
     * not by sorting: Sen's slope takes the median of n(n-1)/2 pairwise slopes for every series.
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] work = values.clone();
        KthSelector selector = new KthSelector();
        int mid = work.length / 2;
        double upper = selector.select(work, null, mid);
        if (work.length % 2 == 1) {
            return upper;
        }
        // Selection leaves every value before position mid no greater than the one at mid: the lower middle value
        // is the largest of them, found by one pass rather than a second selection.
        double lower = work[0];
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, work[i]);
        }
        return (lower + upper) / 2.0;
    }

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }
}

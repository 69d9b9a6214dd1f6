package org.csbench.signals;

import java.util.Arrays;

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

    /** The ordinary median (mean of the two middle values for an even count); NaN for no values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }
}

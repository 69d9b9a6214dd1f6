package org.csbench.signals;

import java.io.Serializable;

/**
 * A performance signal computed from one unit's time series (e.g. one local authority and one indicator).
 *
 * <p>The series is in time order; {@code Double.NaN} marks a missing or suppressed value. Implementations are
 * immutable, stateless, thread-safe and {@link Serializable}, and never modify the input array; the result is a
 * serialisable plain record, so a detector can be shipped to and called inside distributed executors.
 *
 * @param <R> the result record
 */
@FunctionalInterface
public interface SeriesSignal<R> extends Serializable {

    /** Computes the signal for {@code series} (NaN = missing). */
    R detect(double[] series);
}

package org.csbench.signals;

import java.io.Serializable;
import java.util.List;

/**
 * A performance signal that compares units (e.g. all local authorities) within one indicator-period cross-section.
 *
 * <p>Implementations are immutable, stateless, thread-safe and {@link Serializable}; inputs and results are
 * serialisable plain records and the result keeps each unit's id.
 *
 * @param <U> the per-unit input record
 * @param <R> the result record
 */
@FunctionalInterface
public interface CrossSectionSignal<U, R> extends Serializable {

    /** Compares {@code units} against each other. */
    R detect(List<U> units);
}

package org.csbench.signals.outlier;

import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One unit's value in a cross-section (NaN = missing).
 *
 * @param id unit identifier, non-blank
 */
public record UnitValue(String id, double value) implements Serializable {

    public UnitValue {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(String.format("Invalid unit id: '%s'", id));
        }
    }

    public static UnitValue of(String id, double value) {
        return new UnitValue(id, value);
    }

    /** Units "0", "1", ... for the values in order. */
    public static List<UnitValue> indexed(double... values) {
        return IntStream.range(0, values.length).mapToObj(i -> new UnitValue(Integer.toString(i), values[i])).toList();
    }
}

package org.csbench.signals.quality;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One unit's published series for data-quality checks: values in time order (NaN = missing or suppressed) and, per
 * value, the publisher's status or suppression marker (e.g. DfE/ONS "c", "x", "z", "low"; "" when none given).
 *
 * @param values the values (copied)
 * @param statuses one status per value; never null entries
 */
public record QualitySeries(double[] values, List<String> statuses) implements Serializable {

    public QualitySeries {
        values = values.clone();
        if (statuses.size() != values.length) {
            throw new IllegalArgumentException(
                    String.format("Invalid statuses length: %s for %s values", statuses.size(), values.length));
        }
        statuses = statuses.stream().map(s -> s == null ? "" : s.strip()).toList();
    }

    /** Values without status markers. */
    public static QualitySeries of(double... values) {
        return new QualitySeries(values, Collections.nCopies(values.length, ""));
    }

    /** Values with one status marker each (null is read as ""). */
    public static QualitySeries withStatuses(double[] values, String... statuses) {
        return new QualitySeries(values, Arrays.asList(statuses));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QualitySeries q && Arrays.equals(values, q.values) && statuses.equals(q.statuses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), statuses);
    }

    @Override
    public String toString() {
        return "QualitySeries[values=" + Arrays.toString(values) + ", statuses=" + statuses + "]";
    }
}

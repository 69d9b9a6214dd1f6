package org.csbench.config;

import java.util.List;
import java.util.Map;

/**
 * Rows of an EES source that carry nothing the pipeline uses and are left out on purpose: counted in the load
 * audit as ignored, neither loaded nor quarantined.
 *
 * @param values   per dimension, the values whose rows are ignored (matched trimmed, case-insensitively)
 * @param unmapped also ignore every row that no measure's {@code when} maps
 */
public record IgnoreSpec(Map<String, List<String>> values, boolean unmapped) {
    /** Nothing ignored: every row must carry a measure or is quarantined. */
    public static final IgnoreSpec NONE = new IgnoreSpec(Map.of(), false);

    public IgnoreSpec {
        values = Map.copyOf(values);
    }

    public boolean isEmpty() {
        return values.isEmpty() && !unmapped;
    }
}

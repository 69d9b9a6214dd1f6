package org.csbench.config;

import java.util.List;

/**
 * A dimension column of an EES source: with the geography and period it identifies a row.
 *
 * @param name    the dimension's name, used by measures' {@code when} and the source's {@code ignore}
 * @param columns its column name in the file and its aliases in other releases (matched case-insensitively; the
 *                2025 looked-after release calls it {@code population_type}, the 2024 one {@code population_count})
 */
public record DimensionSpec(String name, List<String> columns) {
    public DimensionSpec {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A dimension needs at least one column name: " + name);
        }
    }

    /** A dimension whose column has one name, which is also the dimension's. */
    public static DimensionSpec of(String column) {
        return new DimensionSpec(column, List.of(column));
    }

    /** Whether {@code key} names this dimension: its name or one of its column names, ignoring case. */
    public boolean isNamed(String key) {
        return name.equalsIgnoreCase(key) || columns.stream().anyMatch(c -> c.equalsIgnoreCase(key));
    }
}

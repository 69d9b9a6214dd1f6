package org.csbench.config;

import java.util.List;

/**
 * One typed column of a {@link SourceFormat#TABLE} source.
 *
 * @param name     the column's name in the table (and in the file, unless aliases say otherwise)
 * @param aliases  other names the file may use for it
 * @param type     {@code string}, {@code int} or {@code double}
 * @param required a blank value quarantines the row
 */
public record ColumnSpec(String name, List<String> aliases, String type, boolean required) {
    public ColumnSpec {
        aliases = List.copyOf(aliases);
    }

    /** The name first, then the aliases. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}

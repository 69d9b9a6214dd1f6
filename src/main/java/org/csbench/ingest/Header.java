package org.csbench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A file's header: the column names as published, how to find a column by any of its names (trimmed,
 * case-insensitive), and safe names for the bronze table.
 */
public record Header(String file, List<String> names) {
    public Header {
        names = List.copyOf(names);
    }

    public int size() {
        return names.size();
    }

    /** The position of the first column matching one of {@code candidates}. */
    public OptionalInt find(List<String> candidates) {
        for (String candidate : candidates) {
            String wanted = normalise(candidate);
            for (int i = 0; i < names.size(); i++) {
                if (normalise(names.get(i)).equals(wanted)) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    public OptionalInt find(String name) {
        return find(List.of(name));
    }

    /**
     * Column names for the bronze table: lower snake case, unique (a repeated name gets {@code _2}, {@code _3}),
     * {@code _c<position>} for an empty name. The names as published are kept in the load audit.
     */
    public List<String> bronzeNames() {
        List<String> result = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String base = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_+|_+$", "");
            if (base.isEmpty()) {
                base = "_c" + i;
            }
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            result.add(name);
        }
        return result;
    }

    private static String normalise(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }
}

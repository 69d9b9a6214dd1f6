package org.csbench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.csbench.model.Errors;

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

    /**
     * The position of the column matching one of {@code candidates}. A column the caller reads must be there once:
     * a name found at two positions fails the file, naming both.
     */
    public OptionalInt find(List<String> candidates) {
        for (String candidate : candidates) {
            String wanted = normalise(candidate);
            for (int i = 0; i < names.size(); i++) {
                if (normalise(names.get(i)).equals(wanted)) {
                    for (int j = i + 1; j < names.size(); j++) {
                        if (normalise(names.get(j)).equals(wanted)) {
                            throw Errors.duplicateColumn(file, names.get(i).trim(), i + 1, j + 1);
                        }
                    }
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Names that appear more than once in the header where no copy is at a position in {@code used}, each as
     * {@code 'name' at columns 3 and 7}: harmless to the load, but worth a warning.
     */
    public List<String> unusedDuplicates(Set<Integer> used) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!normalise(names.get(i)).isEmpty()) {
                positions.computeIfAbsent(normalise(names.get(i)), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> result = new ArrayList<>();
        positions.forEach((name, at) -> {
            if (at.size() > 1 && at.stream().noneMatch(used::contains)) {
                List<String> columns = at.stream().map(p -> String.valueOf(p + 1)).toList();
                result.add(String.format("'%s' at columns %s and %s", names.get(at.get(0)).trim(),
                        String.join(", ", columns.subList(0, columns.size() - 1)), columns.get(columns.size() - 1)));
            }
        });
        return result;
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

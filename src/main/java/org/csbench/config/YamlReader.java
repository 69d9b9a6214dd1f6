package org.csbench.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;

/**
 * Reads values out of a parsed YAML file, failing with the file and the place of a mistake
 * (e.g. {@code sources[2].measures[0].unit: missing}).
 */
final class YamlReader {
    private final String file;

    private YamlReader(String file) {
        this.file = file;
    }

    /** Parses {@code path}; the reader it returns names {@code path} in its errors. */
    static Parsed parse(Path path) {
        YamlReader reader = new YamlReader(path.toString());
        JsonNode root = YamlFiles.read(path);
        if (root == null || !root.isObject()) {
            throw reader.fail("top level", "expected a mapping");
        }
        return new Parsed(reader, root);
    }

    /** A parsed file and its reader. */
    record Parsed(YamlReader reader, JsonNode root) {
    }

    String file() {
        return file;
    }

    void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(where + "." + key, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    String text(JsonNode node, String key, String where, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw fail(where + "." + key, "missing");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw fail(where + "." + key, "expected a single value");
        }
        return value.asText().trim();
    }

    Integer integer(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value.isIntegralNumber() || value.asText().trim().matches("-?\\d+"))) {
            throw fail(where + "." + key, "'" + value.asText() + "' is not a whole number");
        }
        return value.isIntegralNumber() ? value.intValue() : Integer.parseInt(value.asText().trim());
    }

    Double number(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw fail(where + "." + key, "'" + value.asText() + "' is not a number");
        }
    }

    boolean flag(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.asBoolean(false);
    }

    List<String> strings(JsonNode node, String where) {
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isValueNode()) {
            result.add(node.asText());
            return result;
        }
        if (!node.isArray()) {
            throw fail(where, "expected a value or a list of values");
        }
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                throw fail(where, "expected a list of values");
            }
            result.add(item.asText());
        }
        return result;
    }

    List<String> required(List<String> values, String where) {
        if (values.isEmpty()) {
            throw fail(where, "missing");
        }
        return values;
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String text, String where) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(where, "unknown value '" + text + "'; use one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    CsbenchException fail(String where, String what) {
        return Errors.badSpec(file, where, what);
    }
}

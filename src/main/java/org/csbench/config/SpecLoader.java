package org.csbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;
import org.csbench.model.Unit;

/**
 * Reads a pipeline spec from YAML into immutable values, checking every entry and naming the place of
 * any mistake (e.g. {@code sources[2].measures[0].unit}).
 */
public final class SpecLoader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TABLE_TYPES = Set.of("string", "int", "double");
    private static final Set<String> PIPELINE_KEYS = Set.of("name", "description", "data_dir", "sources");
    private static final Set<String> SOURCE_KEYS = Set.of("id", "format", "file", "path", "title", "release",
            "period", "dimensions", "measures", "model", "valid_from", "valid_to", "la_code_column",
            "la_name_column", "columns", "target");

    private final String specName;

    private SpecLoader(String specName) {
        this.specName = specName;
    }

    /**
     * Reads the spec at {@code specFile}; {@code file:} entries resolve against {@code dataDirOverride} when
     * given, else against the spec's {@code data_dir} (relative to the spec's folder).
     */
    public static PipelineSpec load(Path specFile, Path dataDirOverride) {
        String name = specFile.toString();
        if (!Files.isRegularFile(specFile)) {
            throw Errors.missingFile(name);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(specFile.toFile());
        } catch (JacksonException e) {
            throw Errors.badSpec(name, "YAML", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw Errors.unreadableFile(name, e.getMessage());
        }
        return new SpecLoader(name).pipeline(root, specFile.toAbsolutePath().getParent(), dataDirOverride);
    }

    private PipelineSpec pipeline(JsonNode root, Path specDir, Path dataDirOverride) {
        if (root == null || !root.isObject()) {
            throw fail("top level", "expected a mapping with name, data_dir and sources");
        }
        checkKeys(root, PIPELINE_KEYS, "top level");
        String pipelineName = text(root, "name", "top level", true);
        Path dataDir = dataDirOverride != null ? dataDirOverride.toAbsolutePath()
                : specDir.resolve(text(root, "data_dir", "top level", false) == null ? "."
                        : text(root, "data_dir", "top level", false)).normalize();
        JsonNode sources = root.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw fail("sources", "expected a list of at least one source");
        }
        List<SourceSpec> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec source = source(sources.get(i), "sources[" + i + "]", specDir, dataDir);
            if (!ids.add(source.id())) {
                throw fail("sources[" + i + "].id", "duplicate source id '" + source.id() + "'");
            }
            result.add(source);
        }
        return new PipelineSpec(pipelineName, text(root, "description", "top level", false), specName,
                dataDir.toString(), result);
    }


    private SourceSpec source(JsonNode node, String where, Path specDir, Path dataDir) {
        if (!node.isObject()) {
            throw fail(where, "expected a mapping");
        }
        checkKeys(node, SOURCE_KEYS, where);
        String id = text(node, "id", where, true);
        if (!ID.matcher(id).matches()) {
            throw fail(where + ".id", "'" + id + "' must be lower snake case (letters, digits, _), starting with a letter");
        }
        SourceFormat format = enumValue(SourceFormat.class, text(node, "format", where, true), where + ".format");
        String file = text(node, "file", where, false);
        String path = text(node, "path", where, false);
        if ((file == null) == (path == null)) {
            throw fail(where, "give exactly one of 'file' (in the data folder) or 'path' (relative to the spec)");
        }
        String resolved = file != null ? dataDir.resolve(file).normalize().toString()
                : specDir.resolve(path).normalize().toString();
        List<String> dimensions = strings(node.get("dimensions"), where + ".dimensions");
        List<MeasureSpec> measures = new ArrayList<>();
        NeighbourModelSpec neighbours = null;
        List<ColumnSpec> columns = new ArrayList<>();
        String target = null;
        switch (format) {
            case EES -> {
                JsonNode list = node.get("measures");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw fail(where + ".measures", "an ees source needs a list of measures");
                }
                for (int m = 0; m < list.size(); m++) {
                    measures.add(measure(list.get(m), where + ".measures[" + m + "]", dimensions));
                }
            }
            case SN_WIDE -> neighbours = new NeighbourModelSpec(text(node, "model", where, true),
                    integer(node, "valid_from", where, true), integerOrNull(node, "valid_to", where),
                    required(strings(node.get("la_code_column"), where + ".la_code_column"), where + ".la_code_column"),
                    required(strings(node.get("la_name_column"), where + ".la_name_column"), where + ".la_name_column"));
            case TABLE -> {
                target = text(node, "target", where, true);
                if (!target.matches("reference\\.[a-z][a-z0-9_]*")) {
                    throw fail(where + ".target", "'" + target + "' must name a reference table, e.g. reference.la_code_change");
                }
                JsonNode list = node.get("columns");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw fail(where + ".columns", "a table source needs a list of columns");
                }
                for (int c = 0; c < list.size(); c++) {
                    columns.add(column(list.get(c), where + ".columns[" + c + "]"));
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
        return new SourceSpec(id, format, resolved, text(node, "title", where, false),
                text(node, "release", where, false), period(node.get("period"), where + ".period"), dimensions,
                measures, neighbours, columns, target);
    }

    private MeasureSpec measure(JsonNode node, String where, List<String> dimensions) {
        if (!node.isObject()) {
            throw fail(where, "expected a mapping with indicator, column and unit");
        }
        checkKeys(node, Set.of("indicator", "column", "unit", "when", "optional"), where);
        String indicator = text(node, "indicator", where, true);
        if (!ID.matcher(indicator).matches()) {
            throw fail(where + ".indicator", "'" + indicator + "' must be lower snake case");
        }
        List<String> columns = required(strings(node.get("column"), where + ".column"), where + ".column");
        String unitText = text(node, "unit", where, true);
        Unit unit = Unit.fromCode(unitText).orElseThrow(() -> fail(where + ".unit",
                "unknown unit '" + unitText + "'; use one of " + Unit.allCodes()));
        Map<String, List<String>> when = new LinkedHashMap<>();
        JsonNode whenNode = node.get("when");
        if (whenNode != null) {
            if (!whenNode.isObject()) {
                throw fail(where + ".when", "expected a mapping of dimension column to accepted values");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = whenNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (dimensions.stream().noneMatch(d -> d.equalsIgnoreCase(e.getKey()))) {
                    throw fail(where + ".when." + e.getKey(), "not one of the source's dimensions " + dimensions);
                }
                when.put(e.getKey(), required(strings(e.getValue(), where + ".when." + e.getKey()),
                        where + ".when." + e.getKey()));
            }
        }
        JsonNode optional = node.get("optional");
        return new MeasureSpec(indicator, columns, unit, when, optional != null && optional.asBoolean(false));
    }

    private ColumnSpec column(JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, "expected a mapping with name and type");
        }
        checkKeys(node, Set.of("name", "aliases", "type", "required"), where);
        String name = text(node, "name", where, true);
        String type = text(node, "type", where, true).toLowerCase(Locale.ROOT);
        if (!TABLE_TYPES.contains(type)) {
            throw fail(where + ".type", "unknown type '" + type + "'; use string, int or double");
        }
        JsonNode req = node.get("required");
        return new ColumnSpec(name, strings(node.get("aliases"), where + ".aliases"), type,
                req != null && req.asBoolean(false));
    }

    private PeriodSpec period(JsonNode node, String where) {
        if (node == null) {
            return PeriodSpec.REPORTING_YEAR;
        }
        checkKeys(node, Set.of("type", "end"), where);
        String end = text(node, "end", where, true);
        try {
            return new PeriodSpec(text(node, "type", where, true), MonthDay.parse("--" + end));
        } catch (DateTimeException e) {
            throw fail(where + ".end", "'" + end + "' is not a month and day like 03-31");
        }
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(where + "." + key, "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private String text(JsonNode node, String key, String where, boolean required) {
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

    private int integer(JsonNode node, String key, String where, boolean required) {
        Integer value = integerOrNull(node, key, where);
        if (value == null) {
            throw fail(where + "." + key, "missing");
        }
        return value;
    }

    private Integer integerOrNull(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.asText().matches("\\d+"))) {
            throw fail(where + "." + key, "'" + value.asText() + "' is not a whole number");
        }
        return value.isIntegralNumber() ? value.intValue() : Integer.parseInt(value.asText());
    }

    private List<String> strings(JsonNode node, String where) {
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

    private List<String> required(List<String> values, String where) {
        if (values.isEmpty()) {
            throw fail(where, "missing");
        }
        return values;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String text, String where) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(where, "unknown value '" + text + "'; use one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private CsbenchException fail(String where, String what) {
        return Errors.badSpec(specName, where, what);
    }
}

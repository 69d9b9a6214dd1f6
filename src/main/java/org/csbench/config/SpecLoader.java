package org.csbench.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.csbench.model.GeographicLevel;
import org.csbench.model.Unit;

/**
 * Reads a pipeline spec from YAML into immutable values, checking every entry and naming the place of
 * any mistake (e.g. {@code sources[2].measures[0].unit}).
 */
public final class SpecLoader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TABLE_TYPES = Set.of("string", "int", "double");
    private static final Set<String> PIPELINE_KEYS = Set.of("name", "description", "data_dir", "sources", "catalogue");
    private static final Set<String> SOURCE_KEYS = Set.of("id", "format", "file", "path", "title", "release",
            "period", "dimensions", "measures", "model", "valid_from", "valid_to", "la_code_column",
            "la_name_column", "columns", "target", "rounded_to", "delimiter", "la_code", "la_name", "report_month",
            "measures_from", "ignore", "roles", "published", "years", "precedence");

    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?");

    private final YamlReader yaml;

    private SpecLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * Reads the spec at {@code specFile}; {@code file:} entries resolve against {@code dataDirOverride} when
     * given, else against the spec's {@code data_dir} (relative to the spec's folder).
     */
    public static PipelineSpec load(Path specFile, Path dataDirOverride) {
        return loadWithDataDirs(specFile, dataDirOverride == null ? List.of() : List.of(dataDirOverride));
    }

    /**
     * Reads the spec at {@code specFile}. A {@code file:} entry is looked for in each of {@code dataDirs} in turn
     * (the first folder holding it wins), or in the spec's {@code data_dir} (relative to the spec's folder) when none
     * is given. A {@code path:} entry is relative to the spec's folder; for a spec copied elsewhere, it is then
     * looked for in the data folders, by its path and then by its file name. An entry found nowhere resolves to its
     * first place, and {@link PipelineSpec#lookedIn} lists every place tried, for the error that names it.
     */
    public static PipelineSpec loadWithDataDirs(Path specFile, List<Path> dataDirs) {
        YamlReader.Parsed parsed = YamlReader.parse(specFile);
        return new SpecLoader(parsed.reader()).pipeline(parsed.root(), specFile.toAbsolutePath().getParent(),
                dataDirs);
    }

    private PipelineSpec pipeline(JsonNode root, Path specDir, List<Path> dataDirOverrides) {
        if (root == null || !root.isObject()) {
            throw yaml.fail("top level", "expected a mapping with name, data_dir and sources");
        }
        if (!root.has("name") && !root.has("sources")) {
            // Not a spec with a typo but some other YAML file: say what was expected, not what the file holds.
            throw yaml.fail("top level", "not a pipeline spec: expected a mapping with name, data_dir and sources");
        }
        yaml.checkKeys(root, PIPELINE_KEYS, "top level");
        String pipelineName = yaml.text(root, "name", "top level", true);
        String specDataDir = yaml.text(root, "data_dir", "top level", false);
        List<Path> dataDirs = !dataDirOverrides.isEmpty()
                ? dataDirOverrides.stream().map(d -> d.toAbsolutePath().normalize()).toList()
                : List.of(specDir.resolve(specDataDir == null ? "." : specDataDir).normalize());
        String catalogue = yaml.text(root, "catalogue", "top level", false);
        JsonNode sources = root.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw yaml.fail("sources", "expected a list of at least one source");
        }
        List<SourceSpec> result = new ArrayList<>();
        Map<String, List<String>> lookedIn = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode node = sources.get(i);
            List<Path> places = node.isObject() ? places(node, "sources[" + i + "]", specDir, dataDirs) : List.of();
            SourceSpec source = source(node, "sources[" + i + "]",
                    places.stream().filter(Files::isRegularFile).findFirst().orElse(places.isEmpty() ? null : places.get(0)));
            if (!ids.add(source.id())) {
                throw yaml.fail("sources[" + i + "].id", "duplicate source id '" + source.id() + "'");
            }
            result.add(source);
            lookedIn.put(source.id(), places.stream().map(Path::toString).toList());
        }
        return new PipelineSpec(pipelineName, yaml.text(root, "description", "top level", false), yaml.file(),
                dataDirs.get(0).toString(), result, catalogue == null ? null : specDir.resolve(catalogue).normalize().toString(),
                dataDirs.stream().map(Path::toString).toList(), lookedIn);
    }

    /** Where a source's file may be, in the order looked: see {@link #loadWithDataDirs(Path, List)}. */
    private List<Path> places(JsonNode node, String where, Path specDir, List<Path> dataDirs) {
        String file = yaml.text(node, "file", where, false);
        String path = yaml.text(node, "path", where, false);
        if ((file == null) == (path == null)) {
            throw yaml.fail(where, "give exactly one of 'file' (in the data folder) or 'path' (relative to the spec)");
        }
        Set<Path> places = new LinkedHashSet<>();
        if (file != null) {
            dataDirs.forEach(dir -> places.add(dir.resolve(file).normalize()));
        } else {
            places.add(specDir.resolve(path).normalize());
            if (!Path.of(path).isAbsolute()) {
                dataDirs.forEach(dir -> places.add(dir.resolve(path).normalize()));
                dataDirs.forEach(dir -> places.add(dir.resolve(Path.of(path).getFileName()).normalize()));
            }
        }
        return List.copyOf(places);
    }

    private SourceSpec source(JsonNode node, String where, Path resolvedFile) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping");
        }
        yaml.checkKeys(node, SOURCE_KEYS, where);
        String id = yaml.text(node, "id", where, true);
        if (!ID.matcher(id).matches()) {
            throw yaml.fail(where + ".id", "'" + id + "' must be lower snake case (letters, digits, _), starting with a letter");
        }
        SourceFormat format = yaml.enumValue(SourceFormat.class, yaml.text(node, "format", where, true), where + ".format");
        String resolved = resolvedFile.toString();
        for (String key : List.of("measures_from", "ignore", "roles")) {
            SourceFormat only = key.equals("roles") ? SourceFormat.SCORECARD_WIDE : SourceFormat.EES;
            if (node.has(key) && format != only) {
                throw yaml.fail(where + "." + key, "only " + only.name().toLowerCase(Locale.ROOT)
                        + " sources take '" + key + "'");
            }
        }
        List<DimensionSpec> dimensions = dimensions(node.get("dimensions"), where + ".dimensions");
        List<MeasureSpec> measures = new ArrayList<>();
        List<MeasurePattern> measuresFrom = new ArrayList<>();
        IgnoreSpec ignore = IgnoreSpec.NONE;
        NeighbourModelSpec neighbours = null;
        List<ColumnSpec> columns = new ArrayList<>();
        String target = null;
        ScorecardSpec scorecard = null;
        switch (format) {
            case EES -> {
                JsonNode list = node.get("measures");
                JsonNode patterns = node.get("measures_from");
                if (list != null && !list.isArray() || patterns != null && !patterns.isArray()
                        || (list == null || list.isEmpty()) && (patterns == null || patterns.isEmpty())) {
                    throw yaml.fail(where + ".measures", "an ees source needs a list of measures or measures_from");
                }
                for (int m = 0; list != null && m < list.size(); m++) {
                    measures.add(measure(list.get(m), where + ".measures[" + m + "]", dimensions));
                }
                for (int m = 0; patterns != null && m < patterns.size(); m++) {
                    measuresFrom.add(measurePattern(patterns.get(m), where + ".measures_from[" + m + "]", dimensions));
                }
                ignore = ignore(node.get("ignore"), where + ".ignore", dimensions);
            }
            case SN_WIDE -> neighbours = new NeighbourModelSpec(yaml.text(node, "model", where, true),
                    validFrom(node, where), yaml.integer(node, "valid_to", where),
                    yaml.required(yaml.strings(node.get("la_code_column"), where + ".la_code_column"), where + ".la_code_column"),
                    yaml.required(yaml.strings(node.get("la_name_column"), where + ".la_name_column"), where + ".la_name_column"));
            case SCORECARD_LONG, SCORECARD_WIDE -> {
                JsonNode list = node.get("measures");
                if (list != null && list.isArray()) {
                    for (int m = 0; m < list.size(); m++) {
                        measures.add(scorecardMeasure(list.get(m), where + ".measures[" + m + "]"));
                    }
                }
                if (format == SourceFormat.SCORECARD_WIDE) {
                    String month = yaml.text(node, "report_month", where, true);
                    Map<String, List<String>> roles = new LinkedHashMap<>();
                    Map<String, String> comparators = new LinkedHashMap<>();
                    roles(node.get("roles"), where + ".roles", roles, comparators);
                    try {
                        scorecard = new ScorecardSpec(yaml.text(node, "la_code", where, true),
                                yaml.text(node, "la_name", where, false),
                                YearMonth.parse(month), roles, comparators);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw yaml.fail(where + ".report_month", "'" + month + "' is not a month like 2023-09");
                    } catch (IllegalArgumentException e) {
                        throw yaml.fail(where + ".la_code", e.getMessage());
                    }
                }
            }
            case TABLE -> {
                target = yaml.text(node, "target", where, true);
                if (!target.matches("reference\\.[a-z][a-z0-9_]*")) {
                    throw yaml.fail(where + ".target", "'" + target + "' must name a reference table, e.g. reference.la_code_change");
                }
                JsonNode list = node.get("columns");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw yaml.fail(where + ".columns", "a table source needs a list of columns");
                }
                for (int c = 0; c < list.size(); c++) {
                    columns.add(column(list.get(c), where + ".columns[" + c + "]"));
                }
            }
            default -> throw new IllegalStateException(format.name());
        }
        return new SourceSpec(id, format, resolved, yaml.text(node, "title", where, false),
                yaml.text(node, "release", where, false), period(node.get("period"), where + ".period"), dimensions,
                measures, neighbours, columns, target, roundedTo(node.get("rounded_to"), where + ".rounded_to"),
                delimiter(yaml.text(node, "delimiter", where, false), where + ".delimiter", format), scorecard,
                measuresFrom, ignore, publication(node, where));
    }

    /** {@code published}, {@code years}, {@code precedence} and {@code rounded_to: unknown} of a source entry. */
    private PublicationSpec publication(JsonNode node, String where) {
        java.time.LocalDate published = null;
        String date = yaml.text(node, "published", where, false);
        if (date != null) {
            try {
                published = java.time.LocalDate.parse(date);
            } catch (DateTimeException e) {
                throw yaml.fail(where + ".published", "'" + date + "' is not a date like 2024-11-28");
            }
        }
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        JsonNode yearsNode = node.get("years");
        if (yearsNode != null && !yearsNode.isNull()) {
            for (String item : yearsNode.isArray() ? yaml.strings(yearsNode, where + ".years")
                    : List.of(yearsNode.asText().trim())) {
                java.util.regex.Matcher m = YEARS.matcher(item.trim());
                if (!m.matches()) {
                    throw yaml.fail(where + ".years", "'" + item + "' is not a year or a range of years like 2020-2024");
                }
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                if (to < from) {
                    throw yaml.fail(where + ".years", "'" + item + "' ends before it starts");
                }
                for (int y = from; y <= to; y++) {
                    years.add(y);
                }
            }
        }
        Integer precedence = yaml.integer(node, "precedence", where);
        JsonNode rounded = node.get("rounded_to");
        boolean roundingUnknown = rounded != null && rounded.isTextual()
                && rounded.asText().trim().equalsIgnoreCase("unknown");
        return new PublicationSpec(published, years, precedence == null ? 0 : precedence, roundingUnknown);
    }

    /** {@code [population_type]} or {@code [{ column: [population_type, population_count], as: population_type }]}. */
    private List<DimensionSpec> dimensions(JsonNode node, String where) {
        List<DimensionSpec> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            throw yaml.fail(where, "expected a list of column names or of { column: [names], as: name }");
        }
        for (int d = 0; d < node.size(); d++) {
            JsonNode item = node.get(d);
            String at = where + "[" + d + "]";
            DimensionSpec dimension;
            if (item.isValueNode() && !item.asText().isBlank()) {
                dimension = DimensionSpec.of(item.asText().trim());
            } else if (item.isObject()) {
                yaml.checkKeys(item, Set.of("column", "as"), at);
                List<String> columns = yaml.required(yaml.strings(item.get("column"), at + ".column"), at + ".column");
                String name = yaml.text(item, "as", at, false);
                dimension = new DimensionSpec(name == null ? columns.get(0).trim() : name, columns);
            } else {
                throw yaml.fail(at, "expected a column name or { column: [names], as: name }");
            }
            for (DimensionSpec other : result) {
                if (other.isNamed(dimension.name()) || dimension.columns().stream().anyMatch(other::isNamed)) {
                    throw yaml.fail(at, "'" + dimension.name() + "' is already a dimension of this source");
                }
            }
            result.add(dimension);
        }
        return result;
    }

    /** The dimension {@code key} names (its name or an alias), or a failure listing the source's dimensions. */
    private String dimensionName(String key, List<DimensionSpec> dimensions, String where) {
        return dimensions.stream().filter(d -> d.isNamed(key)).map(DimensionSpec::name).findFirst()
                .orElseThrow(() -> yaml.fail(where, "not one of the source's dimensions "
                        + dimensions.stream().map(DimensionSpec::name).toList()));
    }

    /** Dimension -> accepted values, keyed by the dimension's name whichever alias the entry used. */
    private Map<String, List<String>> dimensionValues(JsonNode node, String where, List<DimensionSpec> dimensions) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (node == null) {
            return result;
        }
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping of dimension column to values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = dimensionName(e.getKey(), dimensions, where + "." + e.getKey());
            result.put(name, yaml.required(yaml.strings(e.getValue(), where + "." + e.getKey()), where + "." + e.getKey()));
        }
        return result;
    }

    /** {@code ignore: unmapped}, {@code ignore: { dimension: [values] }} or both ({@code unmapped: true} inside). */
    private IgnoreSpec ignore(JsonNode node, String where, List<DimensionSpec> dimensions) {
        if (node == null || node.isNull()) {
            return IgnoreSpec.NONE;
        }
        if (dimensions.isEmpty()) {
            throw yaml.fail(where, "only rows split by dimensions can be ignored; give the source's dimensions first");
        }
        if (node.isValueNode()) {
            if (!node.asText().trim().equalsIgnoreCase("unmapped")) {
                throw yaml.fail(where, "'" + node.asText() + "': use 'unmapped' or a mapping of dimension to values");
            }
            return new IgnoreSpec(Map.of(), true);
        }
        boolean unmapped = node.isObject() && node.has("unmapped") && node.get("unmapped").asBoolean(false);
        JsonNode values = node.isObject() && node.has("unmapped") ? ((com.fasterxml.jackson.databind.node.ObjectNode) node)
                .deepCopy().without("unmapped") : node;
        return new IgnoreSpec(dimensionValues(values, where, dimensions), unmapped);
    }

    /**
     * A wide scorecard's column roles: {@code roles: { current: Latest, direction: DOT, comparators: { SN:
     * statistical_neighbours, National: england } }}.
     */
    private void roles(JsonNode node, String where, Map<String, List<String>> roles, Map<String, String> comparators) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping of column role to column name, e.g. { current: Latest }");
        }
        Set<String> keys = new HashSet<>(ScorecardSpec.ROLES);
        keys.add("comparators");
        yaml.checkKeys(node, keys, where);
        for (String role : ScorecardSpec.ROLES) {
            if (node.has(role)) {
                roles.put(role, yaml.required(yaml.strings(node.get(role), where + "." + role), where + "." + role));
            }
        }
        JsonNode kinds = node.get("comparators");
        if (kinds == null || kinds.isNull()) {
            return;
        }
        if (!kinds.isObject()) {
            throw yaml.fail(where + ".comparators", "expected a mapping of column name to comparator kind, e.g. "
                    + "{ SN: statistical_neighbours, National: england }");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = kinds.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String kind = e.getValue().asText().trim().toLowerCase(Locale.ROOT);
            if (!ScorecardSpec.COMPARATOR_KINDS.contains(kind)) {
                throw yaml.fail(where + ".comparators." + e.getKey(), "unknown comparator kind '" + e.getValue().asText()
                        + "'; use one of " + new java.util.TreeSet<>(ScorecardSpec.COMPARATOR_KINDS));
            }
            comparators.put(e.getKey(), kind);
        }
    }

    private MeasurePattern measurePattern(JsonNode node, String where, List<DimensionSpec> dimensions) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping with columns, indicator and unit");
        }
        yaml.checkKeys(node, Set.of("columns", "except", "indicator", "unit", "when"), where);
        List<String> columns = yaml.required(yaml.strings(node.get("columns"), where + ".columns"), where + ".columns");
        String template = yaml.text(node, "indicator", where, false);
        template = template == null ? MeasurePattern.COLUMN : template;
        if (!template.contains(MeasurePattern.COLUMN)
                || !ID.matcher(template.replace(MeasurePattern.COLUMN, "x")).matches()) {
            throw yaml.fail(where + ".indicator", "'" + template + "' must be lower snake case with "
                    + MeasurePattern.COLUMN + " where the column's name goes, e.g. d5_" + MeasurePattern.COLUMN);
        }
        return new MeasurePattern(columns, yaml.strings(node.get("except"), where + ".except"), template,
                unit(node, where), dimensionValues(node.get("when"), where + ".when", dimensions));
    }

    private Unit unit(JsonNode node, String where) {
        String unitText = yaml.text(node, "unit", where, true);
        return Unit.fromCode(unitText).orElseThrow(() -> yaml.fail(where + ".unit",
                "unknown unit '" + unitText + "'; use one of " + Unit.allCodes()));
    }

    private MeasureSpec measure(JsonNode node, String where, List<DimensionSpec> dimensions) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping with indicator, column and unit");
        }
        yaml.checkKeys(node, Set.of("indicator", "column", "unit", "when", "optional"), where);
        String indicator = yaml.text(node, "indicator", where, true);
        if (!ID.matcher(indicator).matches()) {
            throw yaml.fail(where + ".indicator", "'" + indicator + "' must be lower snake case");
        }
        List<String> columns = yaml.required(yaml.strings(node.get("column"), where + ".column"), where + ".column");
        return new MeasureSpec(indicator, columns, unit(node, where),
                dimensionValues(node.get("when"), where + ".when", dimensions), yaml.flag(node, "optional"));
    }

    private MeasureSpec scorecardMeasure(JsonNode node, String where) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping with ref, indicator and unit");
        }
        yaml.checkKeys(node, Set.of("ref", "indicator", "unit"), where);
        String indicator = yaml.text(node, "indicator", where, true);
        if (!ID.matcher(indicator).matches()) {
            throw yaml.fail(where + ".indicator", "'" + indicator + "' must be lower snake case");
        }
        return new MeasureSpec(indicator, yaml.required(yaml.strings(node.get("ref"), where + ".ref"), where + ".ref"),
                unit(node, where), Map.of(), false);
    }

    private String delimiter(String text, String where, SourceFormat format) {
        if (text == null) {
            return format == SourceFormat.SCORECARD_WIDE ? "\t" : ",";
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ",";
            case "\t", "\\t", "tab" -> "\t";
            case ";", "semicolon" -> ";";
            default -> throw yaml.fail(where, "unknown delimiter '" + text + "'; use comma, tab or semicolon");
        };
    }

    private ColumnSpec column(JsonNode node, String where) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping with name and type");
        }
        yaml.checkKeys(node, Set.of("name", "aliases", "type", "required"), where);
        String name = yaml.text(node, "name", where, true);
        String type = yaml.text(node, "type", where, true).toLowerCase(Locale.ROOT);
        if (!TABLE_TYPES.contains(type)) {
            throw yaml.fail(where + ".type", "unknown type '" + type + "'; use string, int or double");
        }
        return new ColumnSpec(name, yaml.strings(node.get("aliases"), where + ".aliases"), type,
                yaml.flag(node, "required"));
    }

    private PeriodSpec period(JsonNode node, String where) {
        if (node == null) {
            return PeriodSpec.REPORTING_YEAR;
        }
        yaml.checkKeys(node, Set.of("type", "end"), where);
        String end = yaml.text(node, "end", where, true);
        try {
            return new PeriodSpec(yaml.text(node, "type", where, true), MonthDay.parse("--" + end));
        } catch (DateTimeException e) {
            throw yaml.fail(where + ".end", "'" + end + "' is not a month and day like 03-31");
        }
    }

    private int validFrom(JsonNode node, String where) {
        Integer value = yaml.integer(node, "valid_from", where);
        if (value == null) {
            throw yaml.fail(where + ".valid_from", "missing");
        }
        return value;
    }

    private Map<String, Double> roundedTo(JsonNode node, String where) {
        Map<String, Double> result = new LinkedHashMap<>();
        if (node == null || node.isNull()
                || node.isTextual() && node.asText().trim().equalsIgnoreCase("unknown")) {
            return result;
        }
        if (!node.isObject()) {
            throw yaml.fail(where, "expected 'unknown' or a mapping of geographic level to rounding unit, e.g. { national: 10 }");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String level = e.getKey().trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (java.util.Arrays.stream(GeographicLevel.values()).noneMatch(l -> l.code().equals(level))) {
                throw yaml.fail(where + "." + e.getKey(), "not a geographic level; use national, regional or local_authority");
            }
            Double unit = yaml.number(node, e.getKey(), where);
            if (unit == null || !(unit > 0)) {
                throw yaml.fail(where + "." + e.getKey(), "expected a positive rounding unit such as 10");
            }
            result.put(level, unit);
        }
        return result;
    }
}

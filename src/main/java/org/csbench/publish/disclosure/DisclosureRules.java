package org.csbench.publish.disclosure;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Errors;

/**
 * The disclosure rules of every publication (pipelines/disclosure.yaml): defaults, then per source, then per
 * indicator. An indicator's rule wins over its sources' (the first source listed in the file that publishes the
 * indicator's numerator), a source's over the defaults; a key an entry leaves out is taken from the defaults.
 */
public final class DisclosureRules {
    /** The fields of the rule struct column {@link #ruleFor} makes. */
    public static final String SUPPRESS_MIN = "suppress_min";
    public static final String SUPPRESS_MAX = "suppress_max";
    public static final String ROUND_NATIONAL = "round_national";
    public static final String ROUND_REGIONAL = "round_regional";
    public static final String SECONDARY = "secondary";

    /** The rules file the commands read unless told otherwise. */
    public static final Path DEFAULT_FILE = Path.of("pipelines", "disclosure.yaml");

    private static final Set<String> TOP_KEYS = Set.of("defaults", "sources", "indicators");
    private static final Set<String> RULE_KEYS = Set.of("suppress", ROUND_NATIONAL, ROUND_REGIONAL, SECONDARY);

    private final DisclosureRule defaults;
    private final Map<String, DisclosureRule> sources;
    private final Map<String, DisclosureRule> indicators;

    public DisclosureRules(DisclosureRule defaults, Map<String, DisclosureRule> sources,
            Map<String, DisclosureRule> indicators) {
        this.defaults = defaults;
        this.sources = new LinkedHashMap<>(sources);
        this.indicators = new LinkedHashMap<>(indicators);
    }

    /** The DfE's children in need convention for everything (LA counts 1-5 suppressed, England and regions to 10). */
    public static DisclosureRules dfeDefaults() {
        return new DisclosureRules(DisclosureRule.DFE, Map.of(), Map.of());
    }

    public DisclosureRule defaults() {
        return defaults;
    }

    /** The rule of an indicator published by {@code sourceIds} (in the same resolution as {@link #ruleFor}). */
    public DisclosureRule rule(String indicatorId, java.util.Collection<String> sourceIds) {
        if (indicators.containsKey(indicatorId)) {
            return indicators.get(indicatorId);
        }
        for (Map.Entry<String, DisclosureRule> source : sources.entrySet()) {
            if (sourceIds.contains(source.getKey())) {
                return source.getValue();
            }
        }
        return defaults;
    }

    /**
     * The rule of each row as a struct column ({@link #SUPPRESS_MIN}, {@link #SUPPRESS_MAX}, {@link #ROUND_NATIONAL},
     * {@link #ROUND_REGIONAL}, {@link #SECONDARY}), from its indicator id and its comma-separated source ids.
     */
    public Column ruleFor(Column indicatorId, Column sourceIds) {
        Column list = split(sourceIds, ",");
        Column rule = null;
        for (Map.Entry<String, DisclosureRule> indicator : indicators.entrySet()) {
            Column match = indicatorId.equalTo(indicator.getKey());
            rule = rule == null ? when(match, struct(indicator.getValue()))
                    : rule.when(match, struct(indicator.getValue()));
        }
        for (Map.Entry<String, DisclosureRule> source : sources.entrySet()) {
            Column match = array_contains(list, source.getKey());
            rule = rule == null ? when(match, struct(source.getValue())) : rule.when(match, struct(source.getValue()));
        }
        return rule == null ? struct(defaults) : rule.otherwise(struct(defaults));
    }

    private static Column struct(DisclosureRule rule) {
        return org.apache.spark.sql.functions.struct(
                lit(rule.suppressMin()).cast(DataTypes.IntegerType).as(SUPPRESS_MIN),
                lit(rule.suppressMax()).cast(DataTypes.IntegerType).as(SUPPRESS_MAX),
                lit(rule.roundNational()).cast(DataTypes.IntegerType).as(ROUND_NATIONAL),
                lit(rule.roundRegional()).cast(DataTypes.IntegerType).as(ROUND_REGIONAL),
                lit(rule.secondary()).as(SECONDARY));
    }

    /** Reads the rules file, naming the file and key of any mistake. */
    public static DisclosureRules load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw Errors.missingFile(name);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw Errors.badSpec(name, "YAML", e.getOriginalMessage());
        } catch (IOException e) {
            throw Errors.unreadableFile(name, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw Errors.badSpec(name, "top level", "expected a mapping with defaults, sources and indicators");
        }
        checkKeys(name, root, TOP_KEYS, "top level");
        DisclosureRule defaults = rule(name, root.get("defaults"), DisclosureRule.DFE, "defaults");
        return new DisclosureRules(defaults, entries(name, root.get("sources"), defaults, "sources"),
                entries(name, root.get("indicators"), defaults, "indicators"));
    }

    private static Map<String, DisclosureRule> entries(String file, JsonNode node, DisclosureRule defaults,
            String where) {
        Map<String, DisclosureRule> rules = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return rules;
        }
        if (!node.isObject()) {
            throw Errors.badSpec(file, where, "expected a mapping of ids to rules");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            rules.put(entry.getKey(), rule(file, entry.getValue(), defaults, where + "." + entry.getKey()));
        }
        return rules;
    }

    private static DisclosureRule rule(String file, JsonNode node, DisclosureRule base, String where) {
        if (node == null || node.isNull()) {
            return base;
        }
        if (!node.isObject()) {
            throw Errors.badSpec(file, where, "expected a mapping with keys " + new TreeSet<>(RULE_KEYS));
        }
        checkKeys(file, node, RULE_KEYS, where);
        Integer min = base.suppressMin();
        Integer max = base.suppressMax();
        if (node.has("suppress")) {
            JsonNode range = node.get("suppress");
            if (range.isNull()) {
                min = null;
                max = null;
            } else if (range.isArray() && range.size() == 2 && range.get(0).isInt() && range.get(1).isInt()
                    && range.get(0).intValue() >= 1 && range.get(1).intValue() >= range.get(0).intValue()) {
                min = range.get(0).intValue();
                max = range.get(1).intValue();
            } else {
                throw Errors.badSpec(file, where + ".suppress", "'" + range + "': expected [min, max] with "
                        + "1 <= min <= max, e.g. [1, 5], or ~ for no suppression");
            }
        }
        return new DisclosureRule(min, max, unit(file, node, ROUND_NATIONAL, base.roundNational(), where),
                unit(file, node, ROUND_REGIONAL, base.roundRegional(), where),
                node.has(SECONDARY) ? flag(file, node.get(SECONDARY), where + "." + SECONDARY) : base.secondary());
    }

    private static Integer unit(String file, JsonNode node, String key, Integer base, String where) {
        if (!node.has(key)) {
            return base;
        }
        JsonNode value = node.get(key);
        if (value.isNull()) {
            return null;
        }
        if (!value.isInt() || value.intValue() < 1) {
            throw Errors.badSpec(file, where + "." + key, "'" + value + "': expected a whole number of at least 1 "
                    + "(round to the nearest N), or ~ for exact");
        }
        return value.intValue();
    }

    private static boolean flag(String file, JsonNode value, String where) {
        if (!value.isBoolean()) {
            throw Errors.badSpec(file, where, "'" + value + "': expected true or false");
        }
        return value.booleanValue();
    }

    private static void checkKeys(String file, JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw Errors.badSpec(file, where + "." + key, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }
}

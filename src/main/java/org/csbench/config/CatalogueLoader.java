package org.csbench.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.csbench.model.Polarity;
import org.csbench.model.Target;
import org.csbench.model.Unit;

/** Reads the indicator catalogue from YAML, checking every entry and naming the place of any mistake. */
public final class CatalogueLoader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TOP_KEYS = Set.of("defaults", "indicators");
    private static final Set<String> KEYS = Set.of("id", "ref", "name", "description", "unit", "polarity",
            "frequency", "numerator", "denominator", "multiplier", "decimals", "rounding", "comparator",
            "valid_range", "target", "tolerance_pct", "published", "aggregation");

    private final YamlReader yaml;

    private CatalogueLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    public static Catalogue load(Path file) {
        YamlReader.Parsed parsed = YamlReader.parse(file);
        return new CatalogueLoader(parsed.reader()).catalogue(parsed.root());
    }

    private Catalogue catalogue(JsonNode root) {
        yaml.checkKeys(root, TOP_KEYS, "top level");
        JsonNode defaults = root.get("defaults");
        if (defaults == null) {
            defaults = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        yaml.checkKeys(defaults, Set.of("rounding", "comparator", "tolerance_pct", "frequency", "aggregation"), "defaults");
        JsonNode list = root.get("indicators");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw yaml.fail("indicators", "expected a list of indicators");
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Indicator indicator = indicator(list.get(i), defaults, "indicators[" + i + "]");
            if (!ids.add(indicator.id())) {
                throw yaml.fail("indicators[" + i + "].id", "duplicate indicator id '" + indicator.id() + "'");
            }
            indicators.add(indicator);
        }
        return new Catalogue(yaml.file(), indicators);
    }

    private Indicator indicator(JsonNode node, JsonNode defaults, String where) {
        if (!node.isObject()) {
            throw yaml.fail(where, "expected a mapping");
        }
        yaml.checkKeys(node, KEYS, where);
        String id = yaml.text(node, "id", where, true);
        if (!ID.matcher(id).matches()) {
            throw yaml.fail(where + ".id", "'" + id + "' must be lower snake case");
        }
        String unitText = yaml.text(node, "unit", where, true);
        Unit unit = Unit.fromCode(unitText).orElseThrow(() -> yaml.fail(where + ".unit",
                "unknown unit '" + unitText + "'; use one of " + Unit.allCodes()));
        Polarity polarity = yaml.enumValue(Polarity.class, yaml.text(node, "polarity", where, true), where + ".polarity");
        Indicator.Frequency frequency = yaml.enumValue(Indicator.Frequency.class,
                withDefault(node, defaults, "frequency", where, "annual"), where + ".frequency");
        List<String> denominators = yaml.strings(node.get("denominator"), where + ".denominator");
        Double multiplier = yaml.number(node, "multiplier", where);
        Integer decimals = yaml.integer(node, "decimals", where);
        List<String> range = yaml.strings(node.get("valid_range"), where + ".valid_range");
        if (!range.isEmpty() && range.size() != 2) {
            throw yaml.fail(where + ".valid_range", "expected [min, max]; use ~ for an open end");
        }
        Target target;
        try {
            target = Target.parse(yaml.text(node, "target", where, false));
        } catch (IllegalArgumentException e) {
            throw yaml.fail(where + ".target", e.getMessage());
        }
        Double tolerance = yaml.number(node, "tolerance_pct", where);
        if (tolerance == null) {
            tolerance = yaml.number(defaults, "tolerance_pct", "defaults");
        }
        try {
            return new Indicator(id, yaml.text(node, "ref", where, false), yaml.text(node, "name", where, true),
                    yaml.text(node, "description", where, false), unit, polarity, frequency,
                    yaml.text(node, "numerator", where, true), denominators,
                    multiplier == null ? 1 : multiplier, decimals == null ? 1 : decimals,
                    yaml.enumValue(Indicator.Rounding.class, withDefault(node, defaults, "rounding", where, "half_up"),
                            where + ".rounding"),
                    yaml.enumValue(Indicator.ComparatorMethod.class,
                            withDefault(node, defaults, "comparator", where, "mean"), where + ".comparator"),
                    bound(range, 0, where), bound(range, 1, where), target, tolerance == null ? 2.0 : tolerance,
                    yaml.text(node, "published", where, false),
                    yaml.enumValue(Indicator.Aggregation.class, withDefault(node, defaults, "aggregation", where, "sum"),
                            where + ".aggregation"));
        } catch (IllegalArgumentException e) {
            throw yaml.fail(where, e.getMessage());
        }
    }

    private String withDefault(JsonNode node, JsonNode defaults, String key, String where, String fallback) {
        String value = yaml.text(node, key, where, false);
        if (value == null) {
            value = yaml.text(defaults, key, "defaults", false);
        }
        return value == null ? fallback : value;
    }

    private Double bound(List<String> range, int i, String where) {
        if (range.isEmpty() || range.get(i) == null || range.get(i).isBlank() || range.get(i).equals("~")
                || range.get(i).equals("null")) {
            return null;
        }
        try {
            return Double.parseDouble(range.get(i));
        } catch (NumberFormatException e) {
            throw yaml.fail(where + ".valid_range", "'" + range.get(i) + "' is not a number");
        }
    }
}

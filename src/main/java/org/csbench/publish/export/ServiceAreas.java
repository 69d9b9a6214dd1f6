package org.csbench.publish.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.csbench.config.YamlFiles;
import org.csbench.model.Errors;

/** The service areas indicators are grouped into (pipelines/service-areas.yaml), in reading order. */
public record ServiceAreas(Map<String, List<String>> areas) {
    public static final Path DEFAULT_FILE = Path.of("pipelines", "service-areas.yaml");
    public static final String OTHER = "Other indicators";

    public ServiceAreas {
        areas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(areas));
    }

    /** The area of an indicator; {@link #OTHER} when none lists it. */
    public String areaOf(String indicatorId) {
        return byIndicator().getOrDefault(indicatorId, OTHER);
    }

    /** The position of an indicator within its area (for ordering), or a large number. */
    public int positionOf(String indicatorId) {
        for (List<String> ids : areas.values()) {
            int at = ids.indexOf(indicatorId);
            if (at >= 0) {
                return at;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The area names in order, then {@link #OTHER}. */
    public List<String> names() {
        List<String> names = new ArrayList<>(areas.keySet());
        names.add(OTHER);
        return names;
    }

    private Map<String, String> byIndicator() {
        Map<String, String> by = new HashMap<>();
        areas.forEach((area, ids) -> ids.forEach(id -> by.putIfAbsent(id, area)));
        return by;
    }

    public static ServiceAreas load(Path file) {
        String name = file.toString();
        JsonNode root = YamlFiles.read(file);
        JsonNode list = root == null ? null : root.get("service_areas");
        if (list == null || !list.isArray()) {
            throw Errors.badSpec(name, "service_areas", "expected a list of { name, indicators }");
        }
        Map<String, List<String>> areas = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode area = list.get(i);
            String where = "service_areas[" + i + "]";
            if (!area.hasNonNull("name") || !area.path("indicators").isArray()) {
                throw Errors.badSpec(name, where, "expected name and a list of indicators");
            }
            List<String> ids = new ArrayList<>();
            area.get("indicators").forEach(id -> ids.add(id.asText()));
            areas.put(area.get("name").asText(), ids);
        }
        return new ServiceAreas(areas);
    }
}

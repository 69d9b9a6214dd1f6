package org.csbench.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.csbench.config.YamlFiles;
import org.csbench.model.Errors;

/**
 * The service areas indicators are grouped into ({@code pipelines/service-areas.yaml}), in reading order: a report's
 * sections and a benchmarking workbook's sheets. An indicator the file does not place goes to {@link #OTHER}.
 */
public record ServiceAreas(List<Area> areas) {
    /** The default file, relative to the project folder. */
    public static final Path DEFAULT = Path.of("pipelines", "service-areas.yaml");
    /** Where an indicator no area lists appears. */
    public static final Area OTHER = new Area("other", "Other indicators", List.of());
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    /** A section: an id for page anchors, its heading, and its indicators in order. */
    public record Area(String id, String name, List<String> indicators) {
        public Area {
            indicators = List.copyOf(indicators);
        }
    }

    public ServiceAreas {
        areas = List.copyOf(areas);
    }

    public static ServiceAreas load(Path file) {
        String name = file.toString();
        JsonNode root = YamlFiles.read(file);
        JsonNode list = root == null ? null : root.get("areas");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw Errors.badSpec(name, "areas", "expected a list of areas, each with id, name and indicators");
        }
        List<Area> areas = new ArrayList<>();
        Map<String, String> placed = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = "areas[" + i + "]";
            String id = text(node, "id", name, where);
            if (!ID.matcher(id).matches()) {
                throw Errors.badSpec(name, where + ".id", "'" + id + "' is not lower-case letters, digits and "
                        + "hyphens");
            }
            JsonNode ids = node.get("indicators");
            if (ids == null || !ids.isArray()) {
                throw Errors.badSpec(name, where + ".indicators", "expected a list of catalogue indicator ids");
            }
            List<String> indicators = new ArrayList<>();
            for (JsonNode indicator : ids) {
                String previous = placed.put(indicator.asText(), id);
                if (previous != null) {
                    throw Errors.badSpec(name, where + ".indicators", "'" + indicator.asText()
                            + "' is already in area " + previous + "; an indicator belongs to one area");
                }
                indicators.add(indicator.asText());
            }
            areas.add(new Area(id, text(node, "name", name, where), indicators));
        }
        return new ServiceAreas(areas);
    }

    private static String text(JsonNode node, String field, String file, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw Errors.badSpec(file, where + "." + field, "missing");
        }
        return value.asText();
    }

    /** The name of the area that lists an indicator; {@link #OTHER}'s when none does. */
    public String areaOf(String indicatorId) {
        return areas.stream().filter(a -> a.indicators().contains(indicatorId)).findFirst().orElse(OTHER).name();
    }

    /** The position of an indicator within its area (for ordering), or {@link Integer#MAX_VALUE}. */
    public int positionOf(String indicatorId) {
        return areas.stream().mapToInt(a -> a.indicators().indexOf(indicatorId)).filter(i -> i >= 0).findFirst()
                .orElse(Integer.MAX_VALUE);
    }

    /** The area names in order, then {@link #OTHER}'s. */
    public List<String> names() {
        List<String> names = new ArrayList<>(areas.stream().map(Area::name).toList());
        names.add(OTHER.name());
        return names;
    }

    /** The areas with {@code indicators} in them, in the file's order, with {@link #OTHER} last if needed. */
    public <T> Map<Area, List<T>> group(List<T> items, java.util.function.Function<T, String> indicatorId) {
        Map<Area, List<T>> grouped = new LinkedHashMap<>();
        for (Area area : areas) {
            for (String id : area.indicators()) {
                for (T item : items) {
                    if (indicatorId.apply(item).equals(id)) {
                        grouped.computeIfAbsent(area, a -> new ArrayList<>()).add(item);
                    }
                }
            }
        }
        for (T item : items) {
            String id = indicatorId.apply(item);
            if (areas.stream().noneMatch(a -> a.indicators().contains(id))) {
                grouped.computeIfAbsent(OTHER, a -> new ArrayList<>()).add(item);
            }
        }
        return grouped;
    }
}

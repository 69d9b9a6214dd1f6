package org.csbench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.csbench.config.DimensionSpec;
import org.csbench.config.IgnoreSpec;
import org.csbench.config.MeasurePattern;
import org.csbench.config.MeasureSpec;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.Errors;

/**
 * Where a source's columns are in one particular file. Files and releases differ in column order and in
 * the case of names; measures and dimensions may name aliases. Missing required columns fail the file, naming them.
 * A source's {@code measures_from} patterns become measures here, once the header is known.
 *
 * @param header     the file's header
 * @param standard   position of each EES standard column present ({@code time_period}, {@code old_la_code}...)
 * @param dimensions position of each dimension column, by the dimension's name in the source entry
 * @param measures   the measures present in this file
 * @param ignore     the rows the source leaves out on purpose
 */
public record EesLayout(Header header, Map<String, Integer> standard, Map<String, Integer> dimensions,
        List<Measure> measures, IgnoreSpec ignore) {

    /** EES columns every file must have. */
    public static final List<String> REQUIRED = List.of(Columns.TIME_PERIOD, Columns.GEOGRAPHIC_LEVEL);
    /** EES columns read when present. */
    public static final List<String> OPTIONAL = List.of(Columns.TIME_IDENTIFIER, Columns.COUNTRY_CODE,
            Columns.REGION_CODE, Columns.REGION_NAME, Columns.OLD_LA_CODE, Columns.NEW_LA_CODE, Columns.LA_NAME);
    /** EES geography and time columns that are never measures, whatever a {@code measures_from} pattern says. */
    public static final List<String> NOT_MEASURES = List.of("country_name", "lad_code", "lad_name", "pcon_code",
            "pcon_name", "english_devolved_area_code", "english_devolved_area_name", "opportunity_area_code",
            "opportunity_area_name", "ward_code", "ward_name", "school_urn", "school_name", "provider_ukprn",
            "provider_name");

    /**
     * One measure found in the file.
     *
     * @param spec   the spec entry
     * @param index  its position in the file
     * @param column its name as published in this file
     */
    public record Measure(MeasureSpec spec, int index, String column) {
    }

    public EesLayout {
        standard = Map.copyOf(standard);
        // In the source entry's order: silver's dimension column joins the values in this order.
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        measures = List.copyOf(measures);
    }

    /** Matches {@code source}'s columns to {@code header}, failing with the names of any missing ones. */
    public static EesLayout resolve(Header header, SourceSpec source) {
        List<String> missing = new ArrayList<>();
        Map<String, Integer> standard = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            OptionalInt at = header.find(name);
            if (at.isPresent()) {
                standard.put(name, at.getAsInt());
            } else {
                missing.add(name);
            }
        }
        for (String name : OPTIONAL) {
            header.find(name).ifPresent(at -> standard.put(name, at));
        }
        Map<String, Integer> dimensions = new LinkedHashMap<>();
        for (DimensionSpec dimension : source.dimensions()) {
            OptionalInt at = header.find(dimension.columns());
            if (at.isPresent()) {
                dimensions.put(dimension.name(), at.getAsInt());
            } else {
                missing.add(String.join(" or ", dimension.columns()));
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (MeasureSpec measure : source.measures()) {
            OptionalInt at = header.find(measure.columns());
            if (at.isPresent()) {
                measures.add(new Measure(measure, at.getAsInt(), header.names().get(at.getAsInt())));
            } else if (!measure.optional()) {
                missing.add(String.join(" or ", measure.columns()));
            }
        }
        measures.addAll(fromPatterns(header, source, standard, dimensions, measures, missing));
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        return new EesLayout(header, standard, dimensions, measures, source.ignore());
    }

    /**
     * The columns {@code source}'s {@code measures_from} patterns match, as measures: every column not already
     * used (standard, {@link #NOT_MEASURES}, a dimension or a listed measure), by the first pattern it matches. A
     * pattern that matches nothing is reported missing; a column whose indicator id would not be lower snake
     * case, or would repeat another column's, fails the file.
     */
    private static List<Measure> fromPatterns(Header header, SourceSpec source, Map<String, Integer> standard,
            Map<String, Integer> dimensions, List<Measure> listed, List<String> missing) {
        java.util.Set<Integer> used = new java.util.HashSet<>(standard.values());
        used.addAll(dimensions.values());
        listed.forEach(m -> used.add(m.index()));
        Map<String, String> columnByIndicator = new LinkedHashMap<>();
        listed.forEach(m -> columnByIndicator.putIfAbsent(m.spec().indicator(), m.column()));
        List<Measure> found = new ArrayList<>();
        for (MeasurePattern pattern : source.measuresFrom()) {
            int before = found.size();
            for (int i = 0; i < header.size(); i++) {
                String column = header.names().get(i);
                if (used.contains(i) || NOT_MEASURES.contains(column.replace("\uFEFF", "").trim().toLowerCase(java.util.Locale.ROOT))
                        || !pattern.matches(column)) {
                    continue;
                }
                MeasureSpec measure = pattern.measureFor(column);
                if (!measure.indicator().matches("[a-z][a-z0-9_]*")) {
                    throw Errors.unusableColumn(header.file(), column, "gives the indicator id '" + measure.indicator()
                            + "', which is not lower snake case starting with a letter; give measures_from an "
                            + "indicator template such as x_" + MeasurePattern.COLUMN + ", or list the column under measures");
                }
                String other = columnByIndicator.putIfAbsent(measure.indicator(), column);
                if (other != null) {
                    throw Errors.unusableColumn(header.file(), column, "gives the indicator id '" + measure.indicator()
                            + "', already given by column '" + other + "'; list one of them under measures or except");
                }
                used.add(i);
                found.add(new Measure(measure, i, column));
            }
            if (found.size() == before) {
                missing.add("a column matching " + String.join(" or ", pattern.columns()) + " (measures_from)");
            }
        }
        return found;
    }

    public OptionalInt position(String standardColumn) {
        Integer at = standard.get(standardColumn);
        return at == null ? OptionalInt.empty() : OptionalInt.of(at);
    }
}

package org.csbench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.csbench.config.MeasureSpec;
import org.csbench.config.SourceSpec;
import org.csbench.model.Columns;
import org.csbench.model.Errors;

/**
 * Where a source's columns are in one particular file. Files and releases differ in column order and in
 * the case of names; measures may name aliases. Missing required columns fail the file, naming them.
 *
 * @param header     the file's header
 * @param standard   position of each EES standard column present ({@code time_period}, {@code old_la_code}...)
 * @param dimensions position of each dimension column
 * @param measures   the measures present in this file
 */
public record EesLayout(Header header, Map<String, Integer> standard, Map<String, Integer> dimensions,
        List<Measure> measures) {

    /** EES columns every file must have. */
    public static final List<String> REQUIRED = List.of(Columns.TIME_PERIOD, Columns.GEOGRAPHIC_LEVEL);
    /** EES columns read when present. */
    public static final List<String> OPTIONAL = List.of(Columns.TIME_IDENTIFIER, Columns.COUNTRY_CODE,
            Columns.REGION_CODE, Columns.REGION_NAME, Columns.OLD_LA_CODE, Columns.NEW_LA_CODE, Columns.LA_NAME);

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
        dimensions = Map.copyOf(dimensions);
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
        for (String name : source.dimensions()) {
            OptionalInt at = header.find(name);
            if (at.isPresent()) {
                dimensions.put(name, at.getAsInt());
            } else {
                missing.add(name);
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
        if (!missing.isEmpty()) {
            throw Errors.missingColumns(header.file(), missing, header.names());
        }
        return new EesLayout(header, standard, dimensions, measures);
    }

    public OptionalInt position(String standardColumn) {
        Integer at = standard.get(standardColumn);
        return at == null ? OptionalInt.empty() : OptionalInt.of(at);
    }
}

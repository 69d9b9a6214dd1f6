package org.csbench.config;

import java.util.List;

/**
 * One input file of a pipeline and how to read it.
 *
 * @param id         the source's id: bronze table {@code bronze.<id>}, lineage in every table downstream
 * @param format     the file's layout
 * @param path       the file, resolved against the spec's folder or the data folder
 * @param title      a readable name
 * @param release    the vintage label for this file's values, or null to label it by its SHA-256
 * @param period     what {@code time_period} means (EES sources)
 * @param dimensions columns that, with the geography and period, identify a row (e.g. {@code population_type}),
 *                   each with its aliases in other releases
 * @param measures   measure columns and their indicators (EES sources)
 * @param neighbours the statistical-neighbour model (SN_WIDE sources)
 * @param columns    typed columns (TABLE sources)
 * @param target     the reference table a TABLE source fills, e.g. {@code reference.la_code_change}
 * @param roundedTo  how counts were rounded before publication, by geographic level code (e.g. national and
 *                   regional counts to the nearest 10); levels not named are exact
 * @param delimiter  the field separator: {@code ,} or a tab
 * @param scorecard  the council and month of a wide scorecard, or null
 * @param measuresFrom measures found by column-name pattern (EES sources), after the listed {@code measures}
 * @param ignore     rows left out on purpose, counted as ignored (EES sources)
 * @param publication when the file was published, which years it supplies and its precedence over other sources
 */
public record SourceSpec(String id, SourceFormat format, String path, String title, String release,
        PeriodSpec period, List<DimensionSpec> dimensions, List<MeasureSpec> measures, NeighbourModelSpec neighbours,
        List<ColumnSpec> columns, String target, java.util.Map<String, Double> roundedTo, String delimiter,
        ScorecardSpec scorecard, List<MeasurePattern> measuresFrom, IgnoreSpec ignore, PublicationSpec publication) {
    public SourceSpec {
        publication = publication == null ? PublicationSpec.NONE : publication;
        dimensions = List.copyOf(dimensions);
        measuresFrom = List.copyOf(measuresFrom);
        ignore = ignore == null ? IgnoreSpec.NONE : ignore;
        measures = List.copyOf(measures);
        columns = List.copyOf(columns);
        roundedTo = java.util.Map.copyOf(roundedTo);
    }

    /** A source entry that says nothing of its publication ({@link PublicationSpec#NONE}). */
    public SourceSpec(String id, SourceFormat format, String path, String title, String release, PeriodSpec period,
            List<DimensionSpec> dimensions, List<MeasureSpec> measures, NeighbourModelSpec neighbours,
            List<ColumnSpec> columns, String target, java.util.Map<String, Double> roundedTo, String delimiter,
            ScorecardSpec scorecard, List<MeasurePattern> measuresFrom, IgnoreSpec ignore) {
        this(id, format, path, title, release, period, dimensions, measures, neighbours, columns, target, roundedTo,
                delimiter, scorecard, measuresFrom, ignore, PublicationSpec.NONE);
    }

    /** The order of this file's release among releases of the same values ({@link PublicationSpec#releaseOrder}). */
    public String releaseOrder() {
        return publication.releaseOrder(release);
    }

    /** This source read from {@code otherPath}. */
    public SourceSpec withPath(String otherPath) {
        return new SourceSpec(id, format, otherPath, title, release, period, dimensions, measures, neighbours, columns,
                target, roundedTo, delimiter, scorecard, measuresFrom, ignore, publication);
    }

    /** This source under another id (its own bronze table and load audit rows), e.g. a further month's file. */
    public SourceSpec withId(String otherId) {
        return new SourceSpec(otherId, format, path, title, release, period, dimensions, measures, neighbours, columns,
                target, roundedTo, delimiter, scorecard, measuresFrom, ignore, publication);
    }

    public String bronzeTable() {
        return "bronze." + id;
    }
}

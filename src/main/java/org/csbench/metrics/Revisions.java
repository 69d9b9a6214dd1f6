package org.csbench.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.config.Catalogue;
import org.csbench.config.Indicator;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactRevision;
import org.csbench.ingest.Vintages;
import org.csbench.model.Columns;
import org.csbench.model.Status;

/**
 * silver observations of every release -> {@code gold.fact_revision}: for each source loaded in more than one release,
 * the catalogue's values as each release gives them (its published figure, or the value computed from its inputs
 * with the current population where it publishes none), compared between consecutive releases (ordered by
 * publication date or release label, then load time). A value the later release changed is a row, with its cause
 * where the releases show it: suppression changed, the authority's code changed, the numerator (or a denominator
 * count) revised, the same numerator over a revised population; else unknown.
 *
 * <p>Releases are few (one per source per year), so the indicator values of each release are computed in one Spark
 * plan per release; nothing is looped per series.
 */
public final class Revisions {
    static final String RELEASE = "_release";
    private static final String FROM = "_f_";
    private static final String TO = "_t_";
    private static final List<String> KEY = List.of(Columns.INDICATOR_ID, Geography.GEO_KEY, Columns.PERIOD_TYPE,
            Columns.PERIOD_END);
    private static final List<String> MEASURES = List.of(Columns.NEW_LA_CODE, IndicatorValues.NUMERATOR,
            IndicatorValues.DENOMINATOR, IndicatorValues.DENOMINATOR_MEASURE, Columns.VALUE, Columns.STATUS);

    private Revisions() {
    }

    /** One release of a source, as its observations carry it. */
    record Release(String sourceId, String vintage, String order, Timestamp loadedAt) {
    }

    /** Every source's releases, in release order (publication date or label; unordered ones by load time first). */
    static Map<String, List<Release>> releases(Dataset<Row> observations) {
        Column order = List.of(observations.columns()).contains(Vintages.RELEASE_ORDER) ? col(Vintages.RELEASE_ORDER)
                : lit(null).cast(DataTypes.StringType);
        Map<String, List<Release>> bySource = new LinkedHashMap<>();
        for (Row row : observations.groupBy(col(Columns.SOURCE_ID), col(Columns.VINTAGE))
                .agg(max(order).as("_order"), min(col(Columns.INGESTED_AT)).as("_loaded"))
                .orderBy(Columns.SOURCE_ID, Columns.VINTAGE).collectAsList()) {
            bySource.computeIfAbsent(row.getString(0), k -> new ArrayList<>())
                    .add(new Release(row.getString(0), row.getString(1), row.getString(2), row.getTimestamp(3)));
        }
        Comparator<Release> releaseOrder = Comparator.comparing(Release::order,
                Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(Release::loadedAt);
        bySource.values().forEach(list -> list.sort(releaseOrder));
        return bySource;
    }

    /**
     * The revision fact's rows (keys and measures, as {@code gold.fact_revision}).
     *
     * @param codeChanges {@code reference.la_code_change}, or null
     */
    public static Dataset<Row> fact(Dataset<Row> observations, Dataset<Row> population, Dataset<Row> codeChanges,
            Catalogue catalogue) {
        Dataset<Row> revisions = null;
        for (List<Release> releases : releases(observations).values()) {
            for (int i = 1; i < releases.size(); i++) {
                Dataset<Row> pair = compare(valuesOf(observations, population, catalogue, releases.get(i - 1)),
                        valuesOf(observations, population, catalogue, releases.get(i)), releases.get(i).vintage(),
                        codeChanges);
                revisions = revisions == null ? pair : revisions.unionByName(pair);
            }
        }
        if (revisions == null) {
            return observations.sparkSession().createDataFrame(List.of(), FactRevision.TABLE.schema());
        }
        return FactRevision.TABLE.conform(revisions
                .withColumn(Star.INDICATOR_KEY, Keys.indicator(col(Columns.INDICATOR_ID)))
                .withColumn(Star.AREA_KEY, Keys.area(col(Geography.GEO_KEY)))
                .withColumn(Star.PERIOD_KEY, Keys.period(col(Columns.PERIOD_TYPE), col(Columns.PERIOD_END))));
    }

    /** The catalogue's values as one release gives them: its published figure where it has one, else computed. */
    private static Dataset<Row> valuesOf(Dataset<Row> observations, Dataset<Row> population, Catalogue catalogue,
            Release release) {
        Dataset<Row> rows = observations.filter(col(Columns.SOURCE_ID).equalTo(release.sourceId())
                .and(col(Columns.VINTAGE).equalTo(release.vintage()))).withColumn(Columns.IS_CURRENT, lit(true));
        List<Column> columns = new ArrayList<>();
        KEY.forEach(k -> columns.add(col(k)));
        for (String m : MEASURES) {
            columns.add(m.equals(Columns.VALUE)
                    ? coalesce(col(IndicatorValues.PUBLISHED_VALUE), col(Columns.VALUE)).as(m) : col(m));
        }
        columns.add(lit(release.vintage()).as(RELEASE));
        return IndicatorValues.compute(rows, population, catalogue).select(columns.toArray(Column[]::new));
    }

    private static Dataset<Row> prefixed(Dataset<Row> values, String prefix) {
        Dataset<Row> renamed = values;
        for (String c : values.columns()) {
            renamed = renamed.withColumnRenamed(c, prefix + c);
        }
        return renamed;
    }

    /** The values {@code to} changed, with their cause. */
    static Dataset<Row> compare(Dataset<Row> from, Dataset<Row> to, String toRelease, Dataset<Row> codeChanges) {
        Dataset<Row> f = prefixed(from, FROM);
        Dataset<Row> t = prefixed(to, TO);
        Column match = lit(true);
        for (String k : KEY) {
            match = match.and(f.col(FROM + k).equalTo(t.col(TO + k)));
        }
        Dataset<Row> joined = f.join(t, match, "left");
        Column withdrawn = col(TO + RELEASE).isNull();
        if (codeChanges != null) {
            // A value the later release no longer has is a revision only where the authority's code changed.
            Dataset<Row> changed = codeChanges.select(col("from_old_la_code").as("_changed_code"))
                    .union(codeChanges.select(col("to_old_la_code"))).distinct();
            joined = joined.join(org.apache.spark.sql.functions.broadcast(changed),
                    col(FROM + Geography.GEO_KEY).equalTo(col("_changed_code")), "left");
        } else {
            joined = joined.withColumn("_changed_code", lit(null).cast(DataTypes.StringType));
        }
        Column oldValue = col(FROM + Columns.VALUE);
        Column newValue = col(TO + Columns.VALUE);
        Column oldStatus = col(FROM + Columns.STATUS);
        Column newStatus = col(TO + Columns.STATUS);
        Column valueChanged = oldValue.eqNullSafe(newValue).unary_$bang()
                .and(oldValue.isNull().or(newValue.isNull()).or(abs(oldValue.minus(newValue)).gt(1e-9)));
        Column changed = when(withdrawn, col("_changed_code").isNotNull())
                .otherwise(valueChanged.or(oldStatus.notEqual(newStatus)));
        String suppressed = Status.SUPPRESSED.code();
        Column usesPopulation = coalesce(col(FROM + IndicatorValues.DENOMINATOR_MEASURE), lit(""))
                .contains(Indicator.POPULATION);
        Column cause = when(oldStatus.notEqual(newStatus).and(oldStatus.equalTo(suppressed).or(newStatus.equalTo(suppressed))),
                        lit("suppression_changed"))
                .when(withdrawn.or(col(FROM + Columns.NEW_LA_CODE).notEqual(col(TO + Columns.NEW_LA_CODE))),
                        lit("boundary_change"))
                .when(col(FROM + IndicatorValues.NUMERATOR).eqNullSafe(col(TO + IndicatorValues.NUMERATOR)).unary_$bang(),
                        lit("count_revised"))
                .when(usesPopulation, lit("population_revised"))
                .when(col(FROM + IndicatorValues.DENOMINATOR).eqNullSafe(col(TO + IndicatorValues.DENOMINATOR))
                        .unary_$bang(), lit("count_revised"))
                .otherwise(lit("unknown"));
        return joined.filter(changed).select(col(FROM + Columns.INDICATOR_ID).as(Columns.INDICATOR_ID),
                col(FROM + Geography.GEO_KEY).as(Geography.GEO_KEY), col(FROM + Columns.PERIOD_TYPE).as(Columns.PERIOD_TYPE),
                col(FROM + Columns.PERIOD_END).as(Columns.PERIOD_END),
                col(FROM + RELEASE).as(FactRevision.FROM_RELEASE),
                lit(toRelease).as(FactRevision.TO_RELEASE),
                oldValue.as(FactRevision.OLD_VALUE), newValue.as(FactRevision.NEW_VALUE),
                newValue.minus(oldValue).as(FactRevision.DIFFERENCE),
                CodeSet.STATUS.encode(oldStatus).as(FactRevision.OLD_STATUS),
                CodeSet.STATUS.encode(newStatus).as(FactRevision.NEW_STATUS),
                col(FROM + IndicatorValues.NUMERATOR).as(FactRevision.OLD_NUMERATOR),
                col(TO + IndicatorValues.NUMERATOR).as(FactRevision.NEW_NUMERATOR),
                col(FROM + IndicatorValues.DENOMINATOR).as(FactRevision.OLD_DENOMINATOR),
                col(TO + IndicatorValues.DENOMINATOR).as(FactRevision.NEW_DENOMINATOR),
                CodeSet.REVISION_CAUSE.encode(cause).as(FactRevision.CAUSE));
    }
}

package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Columns;
import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;

/**
 * Which observation of a key is current: of the rows that publish the same indicator, period and geography, the one
 * of the source with the highest {@code precedence}, then of the latest release (publication date or release label,
 * {@link #RELEASE_ORDER}), then the latest loaded. A release loaded after a newer one is kept as a vintage, not made
 * current. Two sources loaded in the same run that tie on all three and publish different figures for a key cannot
 * be resolved: the run stops naming both sources and the key. Transforms only; {@link LoadJob} writes.
 */
public final class Vintages {
    /** {@code silver.observation}: the order of the row's release among releases (ISO date or label; null: unknown). */
    public static final String RELEASE_ORDER = "release_order";
    /** {@code silver.observation}: false when the source's entry says its rounding is unknown; null or true: known. */
    public static final String ROUNDING_KNOWN = "rounding_known";
    /** The observation key: one current row per key. */
    public static final List<String> KEY = List.of(Columns.INDICATOR_ID, Columns.PERIOD_TYPE, Columns.PERIOD_END,
            Columns.GEOGRAPHIC_LEVEL, Columns.REGION_CODE, Columns.OLD_LA_CODE, Columns.NEW_LA_CODE);

    private static final String RANK = "_vintage_rank";
    private static final String BEST = "_vintage_best";
    private static final String FIRST_SOURCE = "_vintage_first_source";
    private static final String TARGET_BEST = "_vintage_target_best";
    private static final String TARGET_PREFIX = "_vintage_t_";

    private Vintages() {
    }

    /**
     * How a row ranks against other rows of its key: (precedence of its source, release order, load time); the
     * greatest is current. Release order null (a file without a release label or date) ranks below any release.
     */
    public static Column rank(Dataset<Row> rows, Map<String, Integer> precedence) {
        Column prec = lit(0);
        for (Map.Entry<String, Integer> e : precedence.entrySet()) {
            if (e.getValue() != 0) {
                prec = when(col(Columns.SOURCE_ID).equalTo(e.getKey()), lit(e.getValue())).otherwise(prec);
            }
        }
        Column order = List.of(rows.columns()).contains(RELEASE_ORDER) ? col(RELEASE_ORDER)
                : lit(null).cast(DataTypes.StringType);
        return struct(prec.as("precedence"), order.as(RELEASE_ORDER), col(Columns.INGESTED_AT).as("loaded_at"));
    }

    /**
     * The rows of one load with {@link Columns#IS_CURRENT} decided among themselves: per key, the best-ranked rows are
     * current (of two sources that tie, the first by id, when their figures agree); a tie between sources whose
     * figures differ fails with {@link #conflict}. Only rows of the {@code shared} indicators ({@link #shared}: those
     * more than one loaded source may publish) can clash; the others are current as they are.
     */
    public static Dataset<Row> decideAmongLoaded(Dataset<Row> rows, Map<String, Integer> precedence,
            Collection<String> shared) {
        if (shared.isEmpty()) {
            return rows.withColumn(Columns.IS_CURRENT, lit(true));
        }
        Column isShared = col(Columns.INDICATOR_ID).isin(shared.toArray());
        return rows.filter(isShared.unary_$bang()).withColumn(Columns.IS_CURRENT, lit(true))
                .unionByName(decideShared(rows.filter(isShared), precedence));
    }

    /** The indicators each source of {@code rows} publishes, one set per source (one small aggregate). */
    public static List<Set<String>> indicatorsBySource(Dataset<Row> rows) {
        List<Set<String>> sets = new ArrayList<>();
        for (Row source : rows.groupBy(Columns.SOURCE_ID).agg(collect_set(col(Columns.INDICATOR_ID))).collectAsList()) {
            sets.add(new TreeSet<>(source.<String>getList(1)));
        }
        return sets;
    }

    /** The indicators in more than one of {@code indicatorSets} (one set per loaded source), sorted. */
    public static List<String> shared(List<Set<String>> indicatorSets) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new TreeSet<>();
        for (Set<String> indicators : indicatorSets) {
            for (String indicator : indicators) {
                if (!seen.add(indicator)) {
                    shared.add(indicator);
                }
            }
        }
        return new ArrayList<>(shared);
    }

    private static Dataset<Row> decideShared(Dataset<Row> rows, Map<String, Integer> precedence) {
        WindowSpec byKey = Window.partitionBy(keyColumns(""));
        Dataset<Row> ranked = rows.withColumn(RANK, rank(rows, precedence))
                .withColumn(BEST, max(col(RANK)).over(byKey));
        Dataset<Row> top = ranked.filter(col(RANK).equalTo(col(BEST)));
        List<Row> clash = top.groupBy(keyColumns(""))
                .agg(countDistinct(col(Columns.SOURCE_ID)).as("_sources"),
                        countDistinct(struct(col(Columns.VALUE), col(Columns.STATUS))).as("_figures"),
                        min(col(Columns.SOURCE_ID)).as("_first"), max(col(Columns.SOURCE_ID)).as("_last"))
                .filter(col("_sources").gt(1).and(col("_figures").gt(1))).limit(1).collectAsList();
        if (!clash.isEmpty()) {
            throw conflict(clash.get(0));
        }
        Column firstSource = min(when(col(RANK).equalTo(col(BEST)), col(Columns.SOURCE_ID))).over(byKey);
        return ranked.withColumn(FIRST_SOURCE, firstSource)
                .withColumn(Columns.IS_CURRENT, col(RANK).equalTo(col(BEST))
                        .and(col(Columns.SOURCE_ID).equalTo(col(FIRST_SOURCE))))
                .drop(RANK, BEST, FIRST_SOURCE);
    }

    /**
     * {@code loaded} (current among themselves, {@link #decideAmongLoaded}) against the table's current rows: a loaded
     * row stays current only where no current row of the table outranks it.
     */
    public static Dataset<Row> decideAgainstTable(Dataset<Row> loaded, Dataset<Row> table,
            Map<String, Integer> precedence) {
        Dataset<Row> current = table.filter(col(Columns.IS_CURRENT));
        List<Column> renamed = new ArrayList<>();
        for (String key : KEY) {
            renamed.add(col(key).as(TARGET_PREFIX + key));
        }
        Dataset<Row> best = current.withColumn(RANK, rank(table, precedence))
                .groupBy(renamed.toArray(Column[]::new)).agg(max(col(RANK)).as(TARGET_BEST));
        Column match = lit(true);
        for (String key : KEY) {
            match = match.and(loaded.col(key).eqNullSafe(best.col(TARGET_PREFIX + key)));
        }
        Dataset<Row> joined = loaded.withColumn(RANK, rank(loaded, precedence)).join(best, match, "left");
        Dataset<Row> decided = joined.withColumn(Columns.IS_CURRENT, col(Columns.IS_CURRENT)
                .and(col(TARGET_BEST).isNull().or(col(RANK).gt(col(TARGET_BEST)))));
        List<String> drop = new ArrayList<>(List.of(RANK, TARGET_BEST));
        KEY.forEach(k -> drop.add(TARGET_PREFIX + k));
        return decided.drop(drop.toArray(String[]::new));
    }

    /**
     * The MERGE condition that marks the table's current rows not current where a loaded current row of the same key
     * (from another release or source) replaces them: aliases {@code t} (table) and {@code s} (loaded).
     */
    public static Column replacedBy() {
        Column match = col("t." + Columns.IS_CURRENT).and(col("t." + Columns.VINTAGE).equalTo(col("s." + Columns.VINTAGE))
                .and(col("t." + Columns.SOURCE_ID).equalTo(col("s." + Columns.SOURCE_ID))).unary_$bang());
        for (String key : KEY) {
            match = match.and(col("t." + key).eqNullSafe(col("s." + key)));
        }
        return match;
    }

    /**
     * The first and last period end of some loaded rows (both null when a row has none): only a table row whose
     * period end lies between them can share a key with one of them. It narrows the comparison with the table and
     * lets the MERGE skip files: a new month is compared with its own period's rows, not with every row.
     */
    public record LoadedPeriods(java.sql.Date first, java.sql.Date last) {
        public static LoadedPeriods of(Dataset<Row> loaded) {
            Row range = loaded.agg(min(col(Columns.PERIOD_END)), max(col(Columns.PERIOD_END)),
                    count(when(col(Columns.PERIOD_END).isNull(), 1))).first();
            return range.isNullAt(0) || range.getLong(2) > 0 ? new LoadedPeriods(null, null)
                    : new LoadedPeriods(range.getDate(0), range.getDate(1));
        }

        /** The rows of {@code alias} (empty: none) that may share a key with a loaded row. */
        public Column near(String alias) {
            return first == null ? lit(true) : col(alias.isEmpty() ? Columns.PERIOD_END : alias + "."
                    + Columns.PERIOD_END).between(lit(first), lit(last));
        }
    }

    /** The key, vintage and source of each current loaded row: the MERGE's source for {@link #replacedBy}. */
    public static Dataset<Row> replacements(Dataset<Row> decided) {
        List<Column> columns = new ArrayList<>(List.of(keyColumns("")));
        columns.add(col(Columns.VINTAGE));
        columns.add(col(Columns.SOURCE_ID));
        return decided.filter(col(Columns.IS_CURRENT)).select(columns.toArray(Column[]::new)).distinct();
    }

    private static Column[] keyColumns(String prefix) {
        return KEY.stream().map(k -> col(prefix + k)).toArray(Column[]::new);
    }

    /** Two sources of one load publish different figures for a key and nothing says which wins. */
    static CsbenchException conflict(Row key) {
        StringBuilder where = new StringBuilder();
        for (String k : KEY) {
            Object v = key.getAs(k);
            if (v != null) {
                where.append(where.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        }
        return Errors.sourcesOverlap(key.getAs("_first"), key.getAs("_last"), where.toString());
    }
}

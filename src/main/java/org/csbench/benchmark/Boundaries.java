package org.csbench.benchmark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import org.csbench.model.Columns;

/**
 * What {@code reference.la_code_change} says about each authority: the reporting years it exists in, the years its
 * boundary changed, and which code continues its series after a plain code change.
 *
 * <p>A {@code merger} or {@code split} changes boundaries: from its effective year the predecessors ({@code from})
 * no longer exist and the successors ({@code to}) do; a successor that existed before (an authority absorbing
 * another) keeps its code but not its boundary. A {@code code_change} keeps the area: the new code continues the
 * old code's series (the table maps it), so comparisons over time may cross it.
 */
final class Boundaries {
    static final String EFFECTIVE_YEAR = "effective_year";
    static final String CHANGE_TYPE = "change_type";
    static final String FROM = "from_old_la_code";
    static final String TO = "to_old_la_code";
    static final String CODE_CHANGE = "code_change";

    static final String CODE = "_lifetime_code";
    static final String FIRST_YEAR = "_first_year";
    static final String LAST_YEAR = "_last_year";
    static final String CHANGE_YEARS = "_change_years";
    static final String RENAMED_FROM = "_renamed_from";
    static final String SERIES_CODE = "_series_code";

    private Boundaries() {
    }

    /**
     * One row per authority whose lifetime or boundary the table records: the first and last reporting year it
     * exists (null: unbounded) and the years its boundary changed.
     */
    static Dataset<Row> lifetimes(Dataset<Row> changes) {
        Dataset<Row> boundary = changes.filter(col(CHANGE_TYPE).notEqual(CODE_CHANGE));
        Column moves = col(FROM).notEqual(col(TO));
        Dataset<Row> successors = boundary.select(col(TO).as(CODE), col(EFFECTIVE_YEAR).as("_year"),
                moves.as("_starts"), lit(false).as("_ends"));
        Dataset<Row> predecessors = boundary.select(col(FROM).as(CODE), col(EFFECTIVE_YEAR).as("_year"),
                lit(false).as("_starts"), moves.as("_ends"));
        Column none = lit(null).cast(DataTypes.IntegerType);
        return successors.unionByName(predecessors)
                .groupBy(CODE)
                .agg(max(when(col("_starts"), col("_year")).otherwise(none)).as(FIRST_YEAR),
                        min(when(col("_ends"), col("_year").minus(1)).otherwise(none))
                                .as(LAST_YEAR),
                        collect_set(col("_year")).as(CHANGE_YEARS));
    }

    /** Plain code changes that give an authority a new DfE number: one row per old code with the new one. */
    static Dataset<Row> renames(Dataset<Row> changes) {
        return changes.filter(col(CHANGE_TYPE).equalTo(CODE_CHANGE).and(col(FROM).notEqual(col(TO))))
                .select(col(FROM).as(RENAMED_FROM), col(TO).as("_renamed_to"))
                .dropDuplicates(RENAMED_FROM);
    }

    /** True when the authority's rows of {@code year} fall inside its lifetime. */
    static Column exists(Column year) {
        return col(FIRST_YEAR).isNull().or(year.geq(col(FIRST_YEAR)))
                .and(col(LAST_YEAR).isNull().or(year.leq(col(LAST_YEAR))));
    }

    /** The first boundary-change year in {@code (fromYear, toYear]}, or null. */
    static Column changeBetween(Column fromYear, Column toYear) {
        return array_min(filter(
                coalesce(col(CHANGE_YEARS),
                        array().cast(DataTypes.createArrayType(DataTypes.IntegerType))),
                y -> y.gt(fromYear).and(y.leq(toYear))));
    }

    /** Attaches lifetimes, change years and the series code (the code after any renames) to LA rows. */
    static Dataset<Row> attach(Dataset<Row> laRows, Dataset<Row> changes) {
        Dataset<Row> lifetimes = broadcast(lifetimes(changes));
        Dataset<Row> renames = broadcast(renames(changes));
        Dataset<Row> withLifetime = laRows.join(lifetimes, laRows.col(Columns.OLD_LA_CODE).equalTo(lifetimes.col(CODE)), "left")
                .drop(CODE);
        return withLifetime.join(renames, withLifetime.col(Columns.OLD_LA_CODE).equalTo(renames.col(RENAMED_FROM)), "left")
                .withColumn(SERIES_CODE, coalesce(col("_renamed_to"), col(Columns.OLD_LA_CODE)))
                .drop(RENAMED_FROM, "_renamed_to");
    }
}

package org.csbench.contract;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * Surrogate keys of the star: signed 64-bit hashes (Spark's {@code xxhash64}, seed 42) of each member's natural key,
 * with the dimension's name first so keys of different dimensions never meet. The same authority, indicator or
 * period gets the same key in every run, on every machine, so BI relationships survive a full rebuild.
 */
public final class Keys {
    private Keys() {
    }

    /** An indicator: its catalogue id. */
    public static Column indicator(Column indicatorId) {
        return xxhash64(lit("indicator"), indicatorId);
    }

    /** An area: England's or a region's GSS code, or an authority's DfE number ({@code geo_key}). */
    public static Column area(Column geoKey) {
        return xxhash64(lit("area"), geoKey);
    }

    /** A period: its type ({@code month}, {@code reporting_year}...) and the date it ends. */
    public static Column period(Column periodType, Column periodEnd) {
        return xxhash64(lit("period"), periodType, periodEnd.cast("string"));
    }
}

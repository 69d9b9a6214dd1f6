package org.csbench.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;

/** Keys shared by the metrics: which geography a row is about, and which population year applies. */
public final class Geography {
    /** One code per geography: the DfE LA number, the region's GSS code, or England's. */
    public static final String GEO_KEY = "geo_key";
    /** England's GSS code. */
    public static final String ENGLAND = "E92000001";

    private Geography() {
    }

    /** The geography's key: {@code old_la_code} for an LA, {@code region_code} for a region, England's code. */
    public static Column geoKey() {
        Column level = col(Columns.GEOGRAPHIC_LEVEL);
        return when(level.equalTo(GeographicLevel.LOCAL_AUTHORITY.code()), col(Columns.OLD_LA_CODE))
                .when(level.equalTo(GeographicLevel.REGIONAL.code()), col(Columns.REGION_CODE))
                .otherwise(coalesce(col(Columns.COUNTRY_CODE), lit(ENGLAND)));
    }

    /**
     * The ONS mid-year whose population estimate serves a period ending on {@code periodEnd}: the mid-year before
     * the end of its financial year (reporting year to 31 March N, and each month from April N-1 to March N, use
     * mid-year N-1; a census at 30 September N uses mid-year N).
     */
    public static Column populationMidYear(Column periodEnd) {
        return Dimensions.financialYearEnd(periodEnd).minus(1);
    }
}

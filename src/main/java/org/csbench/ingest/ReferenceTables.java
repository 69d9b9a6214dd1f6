package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.model.Columns;
import org.csbench.model.GeographicLevel;

/**
 * Reference tables derived from loaded observations: the child population (ONS mid-year estimates of
 * children aged 0-17) and LA region membership.
 */
public final class ReferenceTables {
    public static final String POPULATION = "reference.population";
    public static final String REGION = "reference.region";
    /** Reorganisations and code changes, loaded from the spec's code-change source. */
    public static final String CODE_CHANGE = "reference.la_code_change";
    /** The indicator id the population source's measure must use. */
    public static final String POPULATION_INDICATOR = "population_0_17";
    public static final String MID_YEAR = "mid_year";
    public static final String REPORTING_YEAR = "reporting_year";
    public static final String POPULATION_COLUMN = "population";
    public static final String PARENT_REGION_CODE = "parent_region_code";
    public static final String FIRST_YEAR = "first_reporting_year";
    public static final String LAST_YEAR = "last_reporting_year";

    /** Inner and Outer London (E13) are parts of the London region (E12000007). */
    private static final String LONDON = "E12000007";

    private ReferenceTables() {
    }

    /**
     * The current population estimates: the estimate for mid-year N serves reporting year N+1 (the year to
     * 31 March N+1).
     */
    public static Dataset<Row> population(Dataset<Row> observations) {
        return observations
                .filter(col(Columns.INDICATOR_ID).equalTo(POPULATION_INDICATOR).and(col(Columns.IS_CURRENT)))
                .select(col(Columns.YEAR).as(MID_YEAR), col(Columns.YEAR).plus(1).as(REPORTING_YEAR),
                        col(Columns.GEOGRAPHIC_LEVEL), col(Columns.REGION_CODE), col(Columns.REGION_NAME),
                        col(Columns.OLD_LA_CODE), col(Columns.NEW_LA_CODE), col(Columns.LA_NAME),
                        col(Columns.VALUE).as(POPULATION_COLUMN), col(Columns.STATUS), col(Columns.VINTAGE),
                        col(Columns.SOURCE_ID));
    }

    /**
     * Each local authority's region for the span of reporting years its population is published, with
     * London's parts (Inner and Outer London, E13) under the London region (E12000007).
     */
    public static Dataset<Row> regions(Dataset<Row> population) {
        Column region = col(Columns.REGION_CODE);
        return population
                .filter(col(Columns.GEOGRAPHIC_LEVEL).equalTo(GeographicLevel.LOCAL_AUTHORITY.code()))
                .groupBy(col(Columns.OLD_LA_CODE), col(Columns.NEW_LA_CODE), col(Columns.LA_NAME), region,
                        col(Columns.REGION_NAME))
                .agg(min(REPORTING_YEAR).as(FIRST_YEAR), max(REPORTING_YEAR).as(LAST_YEAR))
                .withColumn(PARENT_REGION_CODE, when(region.startsWith("E13"), lit(LONDON)).otherwise(region));
    }
}

package org.csbench.model;

/** Column names shared by more than one stage. Tables use snake_case. */
public final class Columns {
    private Columns() {
    }

    // lineage, on every bronze row and carried downstream
    public static final String SOURCE_ID = "source_id";
    public static final String SOURCE_FILE = "_source_file";
    public static final String SOURCE_SHA256 = "_source_sha256";
    public static final String SOURCE_LINE = "_source_line";
    public static final String LOAD_ID = "_load_id";
    public static final String INGESTED_AT = "_ingested_at";

    // EES standard columns, as named in the files (matched case-insensitively)
    public static final String TIME_PERIOD = "time_period";
    public static final String TIME_IDENTIFIER = "time_identifier";
    public static final String GEOGRAPHIC_LEVEL = "geographic_level";
    public static final String COUNTRY_CODE = "country_code";
    public static final String REGION_CODE = "region_code";
    public static final String REGION_NAME = "region_name";
    public static final String OLD_LA_CODE = "old_la_code";
    public static final String NEW_LA_CODE = "new_la_code";
    public static final String LA_NAME = "la_name";

    // silver.observation
    public static final String INDICATOR_ID = "indicator_id";
    public static final String SOURCE_COLUMN = "source_column";
    public static final String UNIT = "unit";
    public static final String PERIOD_TYPE = "period_type";
    public static final String YEAR = "year";
    public static final String PERIOD_END = "period_end";
    public static final String JOINT_RETURN_CODE = "joint_return_code";
    public static final String DIMENSION = "dimension";
    public static final String VALUE = "value";
    public static final String STATUS = "status";
    public static final String STATUS_SYMBOL = "status_symbol";
    public static final String RAW_VALUE = "raw_value";
    public static final String ROUNDING_UNIT = "rounding_unit";
    public static final String VINTAGE = "vintage";
    public static final String IS_CURRENT = "is_current";

    // quarantine
    public static final String LINE = "line";
    public static final String COLUMN = "column";
    public static final String REASON = "reason";
    public static final String RAW_LINE = "raw_line";
}

package org.csbench.publish.report;

/**
 * The columns of the one dataset a report run reads ({@link ReportQuery#authorities}): one row per authority, with
 * its indicators' rows as arrays of structs whose fields are named here.
 */
final class ReportColumns {
    private ReportColumns() {
    }

    // the authority
    static final String AREA_CODE = "area_code";
    static final String AREA_NAME = "area_name";
    static final String REGION_NAME = "region_name";

    // arrays, one per authority
    static final String VALUES = "values";
    static final String NEIGHBOURS = "neighbours";
    static final String SIGNALS = "signals";
    static final String SPC = "spc";
    static final String FUNNELS = "funnels";

    // one struct per row before grouping
    static final String ROW = "_row";
    static final String SIGNAL = "_signal";
    static final String POINT = "_point";
    static final String FUNNEL = "_funnel";

    // fields of the structs
    static final String INDICATOR_ID = "indicator_id";
    static final String PERIOD_TYPE = "period_type";
    static final String PERIOD_END = "period_end";
    static final String PERIOD_LABEL = "period_label";
    static final String VALUE = "value";
    static final String STATUS = "status";
    static final String SN_AVERAGE = "sn_average";
    static final String SN_COUNT = "sn_count";
    static final String REGION_VALUE = "region_value";
    static final String ENGLAND_VALUE = "england_value";
    static final String RANK = "rank";
    static final String RANK_COUNT = "rank_count";
    static final String Q25 = "q25";
    static final String Q50 = "q50";
    static final String Q75 = "q75";
    static final String BAND = "band";
    static final String TARGET_LOW = "target_low";
    static final String TARGET_HIGH = "target_high";
    static final String RAG = "rag";
    static final String PREVIOUS_LABEL = "previous_label";
    static final String PREVIOUS_VALUE = "previous_value";
    static final String DIRECTION = "direction";
    static final String VS_SN = "vs_sn";
    static final String VS_REGION = "vs_region";
    static final String VS_ENGLAND = "vs_england";
    static final String NEIGHBOUR_RANK = "neighbour_rank";
    static final String NEIGHBOUR_CODE = "neighbour_code";
    static final String NEIGHBOUR_NAME = "neighbour_name";

    static final String VARIATION = "variation";
    static final String ASSURANCE = "assurance";
    static final String CENTRE = "centre";
    static final String LOWER_LIMIT = "lower_limit";
    static final String UPPER_LIMIT = "upper_limit";
    static final String LOWER_95 = "lower_95";
    static final String UPPER_95 = "upper_95";
    static final String TREND = "trend";
    static final String P_VALUE = "p_value";
    static final String SLOPE = "slope";
    static final String TREND_POINTS = "trend_points";
    static final String RULE = "rule";
    static final String POINT_TYPE = "point_type";
    static final String JUDGEMENT_95 = "judgement_95";
    static final String JUDGEMENT_998 = "judgement_998";

    /** On the disclosed view: whether the row's value is suppressed (its signals must not show it either). */
    static final String VALUE_SUPPRESSED = "_value_suppressed";

    // the trends report's counts
    static final String KIND = "kind";
    static final String CODE = "code";
    static final String AUTHORITIES = "authorities";
    static final String NAMES = "names";
}

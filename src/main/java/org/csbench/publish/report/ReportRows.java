package org.csbench.publish.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

/** The rows of {@link ReportQuery#authorities} as report data: one authority's row at a time, on the driver. */
public final class ReportRows {
    private ReportRows() {
    }

    /** The catalogue's indicators by id, from {@link ReportQuery#indicators}. */
    public static Map<String, Indicator> indicators(List<Row> rows) {
        Map<String, Indicator> byId = new LinkedHashMap<>();
        for (Row row : rows) {
            Indicator indicator = new Indicator(row.getString(0), row.getString(1), row.getString(2),
                    row.getString(3), row.getString(4), row.isNullAt(5) ? 0 : row.getInt(5));
            byId.put(indicator.id(), indicator);
        }
        return byId;
    }

    /** One authority's row as its report data, indicators in the order of {@code indicators}. */
    public static AuthorityData authority(Row row, Map<String, Indicator> indicators) {
        Map<String, List<Observation>> values = new LinkedHashMap<>();
        for (Row v : rows(row, ReportColumns.VALUES)) {
            values.computeIfAbsent(v.getAs(ReportColumns.INDICATOR_ID), k -> new ArrayList<>()).add(observation(v));
        }
        Map<String, List<NeighbourValue>> neighbours = new LinkedHashMap<>();
        for (Row n : rows(row, ReportColumns.NEIGHBOURS)) {
            neighbours.computeIfAbsent(n.getAs(ReportColumns.INDICATOR_ID), k -> new ArrayList<>())
                    .add(new NeighbourValue(n.<Integer>getAs(ReportColumns.NEIGHBOUR_RANK),
                            n.getAs(ReportColumns.NEIGHBOUR_CODE), n.getAs(ReportColumns.NEIGHBOUR_NAME),
                            n.getAs(ReportColumns.VALUE), n.getAs(ReportColumns.STATUS)));
        }
        Map<String, List<Row>> signals = byIndicator(rows(row, ReportColumns.SIGNALS));
        Map<String, List<Row>> spc = byIndicator(rows(row, ReportColumns.SPC));
        Map<String, List<Row>> funnels = byIndicator(rows(row, ReportColumns.FUNNELS));

        List<IndicatorData> data = new ArrayList<>();
        for (Indicator indicator : indicators.values()) {
            List<Observation> all = values.getOrDefault(indicator.id(), List.of());
            if (all.isEmpty()) {
                continue;
            }
            String type = mainPeriodType(all);
            List<Observation> series = all.stream().filter(o -> o.periodType().equals(type))
                    .sorted(Comparator.comparing(Observation::end)).toList();
            Signals.Series signal = signals.getOrDefault(indicator.id(), List.of()).stream()
                    .filter(s -> type.equals(s.getAs(ReportColumns.PERIOD_TYPE))).findFirst()
                    .map(ReportRows::series).orElse(null);
            List<Signals.SpcPoint> points = spc.getOrDefault(indicator.id(), List.of()).stream()
                    .map(ReportRows::spcPoint).sorted(Comparator.comparing(Signals.SpcPoint::end)).toList();
            Signals.Funnel funnel = funnels.getOrDefault(indicator.id(), List.of()).stream()
                    .filter(f -> !f.isNullAt(f.fieldIndex(ReportColumns.VALUE))).findFirst()
                    .map(ReportRows::funnel).orElse(null);
            List<NeighbourValue> near = neighbours.getOrDefault(indicator.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt(NeighbourValue::rank)).toList();
            data.add(new IndicatorData(indicator, series, near, signal, points, funnel));
        }
        return new AuthorityData(row.getAs(ReportColumns.AREA_CODE), row.getAs(ReportColumns.AREA_NAME),
                row.getAs(ReportColumns.REGION_NAME), data);
    }

    /** The period type with the latest period (a monthly indicator's months, an annual one's years or censuses). */
    private static String mainPeriodType(List<Observation> all) {
        return all.stream().max(Comparator.comparing(Observation::end).thenComparing(o -> "month"
                .equals(o.periodType()) ? 1 : 0)).orElseThrow().periodType();
    }

    private static Observation observation(Row v) {
        return new Observation(v.getAs(ReportColumns.PERIOD_TYPE), date(v, ReportColumns.PERIOD_END),
                v.getAs(ReportColumns.PERIOD_LABEL), v.getAs(ReportColumns.VALUE), v.getAs(ReportColumns.STATUS),
                v.getAs(ReportColumns.SN_AVERAGE), v.getAs(ReportColumns.SN_COUNT), v.getAs(ReportColumns.REGION_VALUE),
                v.getAs(ReportColumns.ENGLAND_VALUE), v.getAs(ReportColumns.RANK), v.getAs(ReportColumns.RANK_COUNT),
                v.getAs(ReportColumns.Q25), v.getAs(ReportColumns.Q50), v.getAs(ReportColumns.Q75),
                v.getAs(ReportColumns.BAND), v.getAs(ReportColumns.TARGET_LOW), v.getAs(ReportColumns.TARGET_HIGH),
                v.getAs(ReportColumns.RAG), v.getAs(ReportColumns.PREVIOUS_LABEL),
                v.getAs(ReportColumns.PREVIOUS_VALUE), v.getAs(ReportColumns.DIRECTION), v.getAs(ReportColumns.VS_SN),
                v.getAs(ReportColumns.VS_REGION), v.getAs(ReportColumns.VS_ENGLAND));
    }

    private static Signals.Series series(Row s) {
        return new Signals.Series(s.getAs(ReportColumns.PERIOD_TYPE), s.getAs(ReportColumns.VARIATION),
                s.getAs(ReportColumns.ASSURANCE), s.getAs(ReportColumns.CENTRE), s.getAs(ReportColumns.LOWER_LIMIT),
                s.getAs(ReportColumns.UPPER_LIMIT), s.getAs(ReportColumns.TREND), s.getAs(ReportColumns.P_VALUE),
                s.getAs(ReportColumns.SLOPE), s.getAs(ReportColumns.TREND_POINTS));
    }

    private static Signals.SpcPoint spcPoint(Row p) {
        return new Signals.SpcPoint(date(p, ReportColumns.PERIOD_END), p.getAs(ReportColumns.VALUE),
                p.getAs(ReportColumns.CENTRE), p.getAs(ReportColumns.LOWER_LIMIT), p.getAs(ReportColumns.UPPER_LIMIT),
                p.getAs(ReportColumns.RULE), p.getAs(ReportColumns.POINT_TYPE));
    }

    private static Signals.Funnel funnel(Row f) {
        return new Signals.Funnel(date(f, ReportColumns.PERIOD_END), f.<Double>getAs(ReportColumns.VALUE),
                f.getAs(ReportColumns.CENTRE), f.getAs(ReportColumns.LOWER_95), f.getAs(ReportColumns.UPPER_95),
                f.getAs(ReportColumns.LOWER_LIMIT), f.getAs(ReportColumns.UPPER_LIMIT),
                f.getAs(ReportColumns.JUDGEMENT_95), f.getAs(ReportColumns.JUDGEMENT_998));
    }

    private static Map<String, List<Row>> byIndicator(List<Row> rows) {
        Map<String, List<Row>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.getAs(ReportColumns.INDICATOR_ID), k -> new ArrayList<>()).add(r);
        }
        return by;
    }

    private static List<Row> rows(Row row, String array) {
        int i = row.fieldIndex(array);
        return row.isNullAt(i) ? List.of() : row.getList(i);
    }

    private static LocalDate date(Row row, String field) {
        Object value = row.getAs(field);
        if (value instanceof LocalDate d) {
            return d;
        }
        return value == null ? null : ((Date) value).toLocalDate();
    }
}

package org.csbench.publish.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;

import org.csbench.publish.ServiceAreas;
import org.csbench.publish.report.AuthorityPage.Icon;
import org.csbench.publish.report.AuthorityPage.PageInfo;
import org.csbench.publish.report.chart.DataTable;

/**
 * The trends report for planning forums: per service area and indicator, across the authorities in scope, how many
 * show each SPC variation and assurance icon and each trend verdict (naming those with a signal), and which lie
 * outside the 99.8% limits of the latest funnel plot.
 */
public record TrendsPage(PageInfo info, String scope, List<Section> sections) {
    /** A service area and its indicators. */
    public record Section(String id, String name, List<IndicatorTrends> indicators) {
    }

    /** One indicator: icon counts to show as icons, and everything as a table. */
    public record IndicatorTrends(String anchor, String name, List<IconCount> icons, DataTable table) {
    }

    /** An icon with the number of authorities that have it. */
    public record IconCount(Icon icon, String label, long count) {
    }

    /** A count of the overview ({@link ReportQuery#overview}). */
    record Count(String indicatorId, String kind, String code, long authorities, List<String> names) {
    }

    /** A funnel outlier ({@link ReportQuery#funnelOutliers}). */
    record Outlier(String indicatorId, String name, double value, Double centre, String judgement) {
    }

    /** The page from the overview's rows and the funnel outliers' rows. */
    public static TrendsPage of(List<Row> counts, List<Row> outliers, Map<String, Indicator> indicators,
            ServiceAreas areas, PageInfo info, String scope) {
        Map<String, List<Count>> byIndicator = new LinkedHashMap<>();
        for (Row r : counts) {
            Count c = new Count(r.getAs(ReportColumns.INDICATOR_ID), r.getAs(ReportColumns.KIND),
                    r.getAs(ReportColumns.CODE), r.<Long>getAs(ReportColumns.AUTHORITIES),
                    r.getList(r.fieldIndex(ReportColumns.NAMES)));
            byIndicator.computeIfAbsent(c.indicatorId(), k -> new ArrayList<>()).add(c);
        }
        Map<String, List<Outlier>> outliersBy = new LinkedHashMap<>();
        for (Row r : outliers) {
            Outlier o = new Outlier(r.getAs(ReportColumns.INDICATOR_ID), r.getAs(ReportColumns.AREA_NAME),
                    r.<Double>getAs(ReportColumns.VALUE), r.getAs(ReportColumns.CENTRE),
                    r.getAs(ReportColumns.JUDGEMENT_998));
            outliersBy.computeIfAbsent(o.indicatorId(), k -> new ArrayList<>()).add(o);
        }
        List<Indicator> present = indicators.values().stream()
                .filter(i -> byIndicator.containsKey(i.id()) || outliersBy.containsKey(i.id())).toList();
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<ServiceAreas.Area, List<Indicator>> area : areas.group(present, Indicator::id).entrySet()) {
            List<IndicatorTrends> rows = new ArrayList<>();
            for (Indicator indicator : area.getValue()) {
                rows.add(indicator(indicator, byIndicator.getOrDefault(indicator.id(), List.of()),
                        outliersBy.getOrDefault(indicator.id(), List.of())));
            }
            sections.add(new Section(area.getKey().id(), area.getKey().name(), rows));
        }
        return new TrendsPage(info, scope, sections);
    }

    static IndicatorTrends indicator(Indicator indicator, List<Count> counts, List<Outlier> outliers) {
        List<IconCount> icons = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Count> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.comparing(Count::kind).thenComparing(c -> -c.authorities()));
        for (Count c : sorted) {
            String words;
            boolean named;
            switch (c.kind()) {
                case ReportColumns.VARIATION -> {
                    words = "SPC variation: " + Words.variation(c.code());
                    named = !"common_cause".equals(c.code()) && !"no_data".equals(c.code());
                    icons.add(new IconCount(Icons.variation(c.code()), Words.variation(c.code()), c.authorities()));
                }
                case ReportColumns.ASSURANCE -> {
                    words = "SPC assurance: " + Words.assurance(c.code());
                    named = "consistently_failing".equals(c.code());
                    if (!"none".equals(c.code())) {
                        icons.add(new IconCount(Icons.assurance(c.code()), Words.assurance(c.code()),
                                c.authorities()));
                    }
                }
                default -> {
                    words = "Trend: " + Words.trend(c.code());
                    named = List.of("improving", "deteriorating", "increasing", "decreasing").contains(c.code());
                }
            }
            rows.add(List.of(words, Long.toString(c.authorities()), named ? String.join(", ", c.names()) : ""));
        }
        List<Outlier> sortedOutliers = new ArrayList<>(outliers);
        sortedOutliers.sort(Comparator.comparing(Outlier::judgement).thenComparing(Outlier::name));
        Map<String, List<String>> byJudgement = new LinkedHashMap<>();
        for (Outlier o : sortedOutliers) {
            byJudgement.computeIfAbsent(o.judgement(), k -> new ArrayList<>())
                    .add(o.name() + " (" + Format.value(o.value(), indicator) + ")");
        }
        for (Map.Entry<String, List<String>> e : byJudgement.entrySet()) {
            rows.add(List.of("Funnel plot outliers at 99.8%: " + Words.judgement(e.getKey())
                    .replace(" (outside the limits)", ""), Integer.toString(e.getValue().size()),
                    String.join(", ", e.getValue())));
        }
        if (outliers.isEmpty()) {
            rows.add(List.of("Funnel plot outliers at 99.8%", "0", ""));
        }
        DataTable table = new DataTable(indicator.name() + ": signals across the authorities in scope",
                List.of("Signal", "Authorities", "Which authorities"), rows);
        return new IndicatorTrends("t-" + indicator.id().replace('_', '-'), indicator.name(), icons, table);
    }
}

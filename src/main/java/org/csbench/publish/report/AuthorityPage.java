package org.csbench.publish.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.csbench.publish.ServiceAreas;
import org.csbench.publish.report.chart.Chart;

/**
 * One authority's report as the template shows it: every text and number already worded and formatted, so the
 * template only lays it out (and escapes it).
 */
public record AuthorityPage(PageInfo info, String code, String name, String region, List<WorseItem> worseAndWorsening,
        List<Section> sections) {

    /** What every page says of itself: the title, when and how it was made, and the stylesheet. */
    public record PageInfo(String title, String generated, String period, String disclosure, String css) {
    }

    /** An indicator that is worse than comparators and deteriorating: the sentence and a link to its section. */
    public record WorseItem(String text, String anchor) {
    }

    /** A service area: its headline table and its indicators. */
    public record Section(String id, String name, List<HeadlineRow> headlines, List<IndicatorView> indicators) {
    }

    /** One row of a headline table, every cell as text; {@code ragCss} and {@code directionCss} add colour. */
    public record HeadlineRow(String anchor, String name, String latest, String latestPeriod, String previous,
            String target, String rag, String ragCss, String sn, String region, String england, String rank,
            String band, String direction, String directionCss) {
    }

    /** An icon of Making Data Count: a letter in a coloured circle, and its meaning in words. */
    public record Icon(String css, String letter, String words) {
    }

    /** One indicator: its discussion points, SPC icons (or null) and charts. */
    public record IndicatorView(String anchor, String name, List<String> discussion, Icon variation, Icon assurance,
            String trend, List<Chart> charts) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM-yy", Locale.ENGLISH);

    /** The page of {@code data}, sections in the order of {@code areas}. */
    public static AuthorityPage of(AuthorityData data, ServiceAreas areas, PageInfo info) {
        List<WorseItem> worse = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<ServiceAreas.Area, List<IndicatorData>> area : areas.group(data.indicators(),
                d -> d.indicator().id()).entrySet()) {
            List<HeadlineRow> headlines = new ArrayList<>();
            List<IndicatorView> views = new ArrayList<>();
            for (IndicatorData indicator : area.getValue()) {
                String anchor = "i-" + indicator.indicator().id().replace('_', '-');
                headlines.add(headline(anchor, indicator));
                views.add(view(anchor, data, indicator));
                Discussion.worseAndWorsening(indicator).ifPresent(text -> worse.add(new WorseItem(text, anchor)));
            }
            sections.add(new Section(area.getKey().id(), area.getKey().name(), headlines, views));
        }
        return new AuthorityPage(info, data.code(), data.name(), data.region(), worse, sections);
    }

    static HeadlineRow headline(String anchor, IndicatorData data) {
        Indicator indicator = data.indicator();
        Optional<Observation> latest = data.latest();
        if (latest.isEmpty()) {
            return new HeadlineRow(anchor, indicator.name(), Format.NONE, "", "", "", "", "", "", "", "", "", "", "",
                    "");
        }
        Observation o = latest.get();
        String previous = o.previousValue() == null ? Format.NONE
                : Format.value(o.previousValue(), indicator) + (o.previousLabel() == null ? "" : " (" + o.previousLabel()
                        + ")");
        String target = o.targetLow() == null ? "none"
                : o.targetHigh() != null && !o.targetHigh().equals(o.targetLow())
                        ? Format.value(o.targetLow(), indicator) + " to " + Format.value(o.targetHigh(), indicator)
                        : Format.value(o.targetLow(), indicator);
        String rank = o.rank() == null ? "not ranked" : Format.ordinal(o.rank()) + " of " + o.rankCount();
        String band = o.band() == null ? "none" : o.band();
        return new HeadlineRow(anchor, indicator.name(), Format.value(o, indicator), o.label(), previous, target,
                Words.rag(o.rag()), o.rag() == null ? "rag-none" : "rag-" + o.rag(),
                withComparison(Format.value(o.snAverage(), indicator), o.vsSn()),
                withComparison(Format.value(o.region(), indicator), o.vsRegion()),
                withComparison(Format.value(o.england(), indicator), o.vsEngland()), rank, band,
                Words.direction(o.direction(), o.value(), o.previousValue()),
                "dir-" + (o.direction() == null ? "none" : o.direction().replace('_', '-')));
    }

    /** A comparator's value and how the authority compares with it: "548.0 (higher)", "18.1% (worse)". */
    private static String withComparison(String value, String comparison) {
        return comparison == null ? value : value + " (" + comparison + ")";
    }

    static IndicatorView view(String anchor, AuthorityData authority, IndicatorData data) {
        Indicator indicator = data.indicator();
        List<Chart> charts = new ArrayList<>();
        Optional.ofNullable(Charts.trend(anchor + "-trend", authority.name(), indicator, data.series()))
                .ifPresent(charts::add);
        data.latest().map(o -> Charts.focus(anchor + "-focus", authority.name(), indicator, o, data.neighbours()))
                .ifPresent(charts::add);
        if (!data.spc().isEmpty()) {
            Optional.ofNullable(Charts.spc(anchor + "-spc", authority.name(), indicator, data.spc(),
                    AuthorityPage::month)).ifPresent(charts::add);
        }
        if (data.funnel() != null) {
            String period = data.series().stream().filter(o -> o.end().equals(data.funnel().end())).findFirst()
                    .map(Observation::label).orElse(data.funnel().end().toString());
            charts.add(Charts.funnel(anchor + "-funnel", authority.name(), indicator, data.funnel(), period));
        }
        Signals.Series signal = data.signal();
        Icon variation = signal == null ? null : Icons.variation(signal.variation());
        Icon assurance = signal == null || signal.assurance() == null || "none".equals(signal.assurance()) ? null
                : Icons.assurance(signal.assurance());
        String trend = signal == null ? null : Words.trend(signal.trend()) + (signal.pValue() == null ? ""
                : " (" + Format.pValue(signal.pValue()) + ")");
        return new IndicatorView(anchor, indicator.name(), Discussion.points(data), variation, assurance, trend,
                charts);
    }

    static String month(LocalDate end) {
        return end == null ? "" : end.format(MONTH);
    }
}

package org.csbench.publish.report;



import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.publish.ServiceAreas;
import org.csbench.publish.OutputFolder;
import org.csbench.delta.Warehouse;
import org.csbench.publish.disclosure.DisclosureLevel;
import org.csbench.publish.disclosure.DisclosureRules;
import org.csbench.publish.report.AuthorityPage.PageInfo;

/**
 * {@code csbench report}: one self-contained HTML file per authority in scope, the trends report and an index page,
 * from one Spark query for all authorities (grouped by authority and iterated one authority at a time).
 */
public final class ReportJob {
    /** The file name of an authority's report, from its code: {@code authority-352.html} (other characters become -). */
    static String authorityFile(String code) {
        return "authority-" + code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-") + ".html";
    }

    public static final String INDEX = "index.html";
    public static final String TRENDS = "trends.html";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Warehouse warehouse;
    private final ServiceAreas areas;

    private final DisclosureRules rules;

    public ReportJob(Warehouse warehouse, ServiceAreas areas, DisclosureRules rules) {
        this.warehouse = warehouse;
        this.areas = areas;
        this.rules = rules;
    }

    /**
     * What to report.
     *
     * @param codes  the authorities' codes; empty for every authority that exists in the latest year
     * @param period the reporting year to treat as latest (2024 = the year to 31 March 2024), or null for the latest
     * @param level  public (disclosure control applied) or internal (exact values, marked as such)
     */
    public record Options(List<String> codes, Integer period, DisclosureLevel level, Path out) {
        public Options {
            codes = List.copyOf(codes);
        }
    }

    /** What the job wrote: the reports, the index and the trends report. */
    public record Result(int reports, Path index, Path trends, double seconds) {
    }

    public Result run(Options options, Consumer<String> progress) {
        long start = System.nanoTime();
        OutputFolder out = OutputFolder.open(options.out());
        int year = ReportQuery.latestYear(warehouse, options.period());
        PageInfo base = new PageInfo("", LocalDate.now().format(DAY), yearLabel(year), disclosure(options),
                Templates.css());
        Map<String, Indicator> indicators = ReportRows.indicators(ReportQuery.indicators(warehouse));
        Dataset<Row> inScope = ReportQuery.areas(warehouse, options.codes(), year).cache();
        DetectSignals.Scope scope = null;
        try {
            List<IndexPage.Link> links = new ArrayList<>();
            scope = ReportQuery.scope(warehouse, inScope, year, rules, options.level());
            Iterator<Row> rows = ReportQuery.authorities(warehouse, inScope, scope).toLocalIterator();
            int done = 0;
            while (rows.hasNext()) {
                long one = System.nanoTime();
                AuthorityData data = ReportRows.authority(rows.next(), indicators);
                AuthorityPage page = AuthorityPage.of(data, areas, new PageInfo(data.name() + " (" + data.code()
                        + "): children's services benchmarking", base.generated(), base.period(), base.disclosure(),
                        base.css()));
                String file = authorityFile(data.code());
                out.writeText(file, Templates.authority(page));
                links.add(new IndexPage.Link(file, data.name(), data.code()));
                done++;
                progress.accept(String.format("report %d: %s %s, %d indicators, %d worse and worsening -> %s (%.2f s)",
                        done, data.code(), data.name(), data.indicators().size(), page.worseAndWorsening().size(),
                        file, (System.nanoTime() - one) / 1e9));
            }
            String scopeName = options.codes().isEmpty() ? "all " + links.size() + " authorities"
                    : links.size() == 1 ? links.get(0).name() : links.size() + " authorities";
            TrendsPage trends = TrendsPage.of(DetectSignals.overview(warehouse, scope).collectAsList(),
                    DetectSignals.funnelOutliers(warehouse, scope).collectAsList(), indicators, areas,
                    new PageInfo("Trends across authorities: " + scopeName, base.generated(), base.period(),
                            base.disclosure(), base.css()), scopeName);
            Path trendsFile = out.writeText(TRENDS, Templates.trends(trends));
            progress.accept("trends report -> " + TRENDS);
            Path index = out.writeText(INDEX, Templates.index(new IndexPage(new PageInfo(
                    "Children's services benchmarking reports", base.generated(), base.period(), base.disclosure(),
                    base.css()), TRENDS, links)));
            return new Result(links.size(), index, trendsFile, (System.nanoTime() - start) / 1e9);
        } finally {
            inScope.unpersist();
            if (scope != null) {
                scope.disclosed().unpersist();
            }
        }
    }

    /** "2023-24 (the year to 31 March 2024), with months and censuses to the end of 2024". */
    static String yearLabel(int year) {
        return String.format("%d-%02d (the year to 31 March %d), with months and censuses to the end of %d", year - 1,
                year % 100, year, year);
    }

    private static String disclosure(Options options) {
        return options.level() == DisclosureLevel.INTERNAL ? options.level().notice() + "."
                : "Public: disclosure control applied (counts of 1 to 5, and figures that would reveal them, are "
                        + "suppressed and shown as c).";
    }

}

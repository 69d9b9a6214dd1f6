package org.csbench.publish.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.cli.Csbench;
import org.csbench.delta.Warehouse;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.contract.Star.FactSeriesSignal;

/** csbench report on the sample warehouse: files, headline figures and the worse-and-worsening list against gold. */
class ReportJobTest {
    private static String read(String file) throws IOException {
        return Files.readString(SampleReports.folder().resolve(file));
    }

    @Test
    void writesAReportPerAuthorityTheTrendsReportAndAnIndex() throws IOException {
        Path out = SampleReports.folder();
        assertEquals(new TreeSet<>(List.of("authority-201.html", "authority-352.html", "index.html", "trends.html")),
                new TreeSet<>(Files.list(out).map(p -> p.getFileName().toString()).toList()));
        List<String> progress = SampleReports.progress();
        assertEquals(3, progress.size(), progress.toString());
        assertTrue(progress.get(0).startsWith("report 1: 201 City of London, "), progress.get(0));
        assertTrue(progress.get(1).startsWith("report 2: 352 Manchester, "), progress.get(1));
        String index = read("index.html");
        assertTrue(index.contains("<a href=\"authority-352.html\">Manchester (352)</a>"));
        assertTrue(index.contains("<a href=\"trends.html\">"));
        String trends = read("trends.html");
        for (String area : List.of("Front door and referrals", "Child protection", "Workforce")) {
            assertTrue(trends.contains(area + "</h2>"), area);
        }
    }

    @Test
    void manchestersHeadlineFiguresAreTheGoldTablesOnes() throws IOException {
        String html = read("authority-352.html");
        // StarSchemaTest's hand-worked figure: referrals 6,525 / 130,700 children in 2023-24 = 499.2 per 10,000,
        // the period before the latest.
        String row = headlineRow(html, "referral-rate");
        Row gold = SampleReports.latestBenchmark("352", "referral_rate");
        List<String> cells = cells(row);
        assertEquals(Format.number(gold.getDouble(0), 1), cells.get(0), row);
        assertEquals(gold.getString(2), cells.get(1));
        assertEquals("499.2 (2023-24)", cells.get(2));
        assertTrue(cells.get(5).startsWith(Format.number(gold.getDouble(1), 1) + " ("), cells.get(5));
        String rereferrals = headlineRow(html, "rereferral-pct");
        assertTrue(cells(rereferrals).get(3).equals("20.0% to 24.0%"), rereferrals);
    }

    @Test
    void theWorseAndWorseningListIsWhatGoldSays() throws IOException {
        // The test's own reading of the gold tables: latest comparison worse than neighbours or England, and a
        // deteriorating trend or an SPC concern icon in the series of the latest period's type.
        Warehouse w = SampleRun.warehouse();
        TreeSet<String> expected = new TreeSet<>();
        List<Row> signals = w.read(FactSeriesSignal.TABLE.name())
                .join(w.read(DimArea.TABLE.name()).filter(col(DimArea.AREA_CODE).equalTo("352")), Star.AREA_KEY)
                .join(w.read(DimIndicator.TABLE.name()), Star.INDICATOR_KEY)
                .select(col(DimIndicator.INDICATOR_ID), CodeSet.VARIATION_ICON.decode(col(FactSeriesSignal.VARIATION)),
                        CodeSet.TREND.decode(col(FactSeriesSignal.TREND))).collectAsList();
        for (Row s : signals) {
            String id = s.getString(0);
            boolean worsening = "deteriorating".equals(s.getString(2)) || String.valueOf(s.getString(1))
                    .startsWith("concern");
            Row latest = SampleReports.latestBenchmark("352", id);
            boolean worse = "worse".equals(latest.getString(3)) || "worse".equals(latest.getString(4));
            if (worse && worsening) {
                expected.add(id);
            }
        }
        String html = read("authority-352.html");
        String list = html.contains("class=\"worse-list\"") ? html.substring(html.indexOf("class=\"worse-list\""),
                html.indexOf("</ul>", html.indexOf("class=\"worse-list\""))) : "";
        TreeSet<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("href=\"#i-([a-z0-9-]+)\"").matcher(list);
        while (m.find()) {
            listed.add(m.group(1).replace('-', '_'));
        }
        assertEquals(expected, listed);
        assertTrue(!expected.isEmpty(), "the sample has at least one: sw_absence_rate");
    }

    @Test
    void aPublicReportShowsNoCountFrom1To5() throws IOException {
        // The City of London's monthly extract has small counts (the test checks that it does, so this can fail):
        // none of them may appear in its public report, in a chart's data table or anywhere else.
        Warehouse w = SampleRun.warehouse();
        List<String> counts = List.of("contacts_month", "referrals_month", "cla_started_month",
                "missing_incidents_month");
        long small = w.read(FactIndicatorValue.TABLE.name())
                .join(w.read(DimArea.TABLE.name()).filter(col(DimArea.AREA_CODE).equalTo("201")), Star.AREA_KEY)
                .join(w.read(DimIndicator.TABLE.name()).filter(col(DimIndicator.INDICATOR_ID).isin(counts.toArray())),
                        Star.INDICATOR_KEY)
                .filter(col(FactIndicatorValue.VALUE).between(1, 5)).count();
        assertTrue(small > 0, "the sample has small monthly counts for the City of London");
        String html = read("authority-201.html");
        int checked = 0;
        for (Matcher table = Pattern.compile("(?s)<table>\\s*<caption>(Contacts received|Referrals received|Children "
                + "starting|Missing from)[^<]*</caption>(.*?)</table>").matcher(html); table.find(); ) {
            for (Matcher row = Pattern.compile("(?s)<tr><th scope=\"row\">[^<]*</th><td>([^<]*)</td>").matcher(
                    table.group(2)); row.find(); ) {
                checked++;
                assertTrue(!row.group(1).matches("[1-5]"), table.group(1) + ": " + row.group(0));
            }
        }
        assertTrue(checked > 50, "monthly values checked: " + checked);
        assertTrue(html.contains("c (suppressed)"), "suppressed values are shown as c");
    }

    @Test
    void theCommandRefusesAnUnknownAuthority() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Csbench.execute(new String[] {"--warehouse", SampleRun.path(), "report", "--la", "999", "--out",
            SampleReports.folder().resolveSibling("other").toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(Csbench.USER_ERROR, code);
        assertEquals("csbench: --la 999: not an authority of gold.dim_area; give a 3-digit DfE number such as 352 "
                + "(Manchester), or --all", err.toString().trim());
    }

    /** The headline row of an indicator: from its row header to the end of the row. */
    static String headlineRow(String html, String anchor) {
        int at = html.indexOf("<tr><th scope=\"row\"><a href=\"#i-" + anchor + "\">");
        assertTrue(at >= 0, anchor);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    /** The text of the row's td cells. */
    static List<String> cells(String row) {
        return Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row).results()
                .map(r -> r.group(1).replaceAll("<[^>]+>", "")).toList();
    }
}

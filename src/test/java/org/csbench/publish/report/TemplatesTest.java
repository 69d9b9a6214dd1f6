package org.csbench.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.csbench.publish.ServiceAreas;
import org.csbench.publish.OutputFolder;
import org.csbench.publish.report.AuthorityPage.PageInfo;

/** The templates: escaping of every name, self-contained pages, the structure a screen reader needs. */
class TemplatesTest {
    static final String EVIL = "<script>alert(1)</script>";
    static final PageInfo INFO = new PageInfo("Report \" & <title>", "5 December 2026", "2024-25", "Public.",
            Templates.css());

    static AuthorityData evilAuthority() {
        Indicator evil = new Indicator("cin_rate", EVIL, "rate_per_10000", "neutral", "annual", 1);
        List<Observation> series = List.of(
                Observation.of(LocalDate.of(2023, 3, 31), "2022-23", 400.0, 390.0, 380.0, 340.0),
                Observation.of(LocalDate.of(2024, 3, 31), EVIL, 428.5, 401.2, 380.4, 332.9));
        IndicatorData data = new IndicatorData(evil, series, List.of(new NeighbourValue(1, "353", EVIL, 410.0,
                "available")), null, List.of(), null);
        return new AuthorityData("352", EVIL, EVIL, List.of(data));
    }

    @Test
    void namesCodesAndLabelsAreEscaped() {
        String html = Templates.authority(AuthorityPage.of(evilAuthority(), ServiceAreas.load(ServiceAreas.DEFAULT),
                INFO));
        assertFalse(html.contains(EVIL), "a name is printed as text, never as markup");
        assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name appears as text");
        // in the heading, the headline table, the chart's SVG text and title, and the data table
        assertTrue(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 8, "escaped in every place it appears");
        assertTrue(html.contains(" &amp; &lt;title&gt;</title>"), "the page title is escaped");
    }

    @Test
    void aPageLoadsNothingFromElsewhere() {
        String html = Templates.authority(AuthorityPage.of(evilAuthority(), ServiceAreas.load(ServiceAreas.DEFAULT),
                INFO));
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*\"(?!#|authority-|index\\.html|trends\\.html)")
                .matcher(html);
        assertFalse(external.find(), () -> "a link or source outside the report: " + html.substring(external.start(),
                Math.min(html.length(), external.start() + 80)));
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(html.contains("@import"), "no imported stylesheet");
        assertFalse(html.contains("url("), "no url() in the styles");
    }

    @Test
    void everyTableHasACaptionAndScopedHeaders() {
        String html = Templates.authority(AuthorityPage.of(evilAuthority(), ServiceAreas.load(ServiceAreas.DEFAULT),
                INFO));
        int tables = count(html, "<table");
        assertEquals(3, tables, "the headline table, the trend chart's and the focus chart's data");
        assertEquals(tables, count(html, "<caption"));
        assertEquals(0, count(html, "<th>"), "every header cell has a scope");
        assertTrue(html.contains("<a class=\"skip-link\" href=\"#main\">"));
        assertTrue(html.contains("<main id=\"main\""));
        assertTrue(html.contains("<html lang=\"en-GB\">"));
        assertEquals(1, count(html, "<h1"));
        assertEquals(2, count(html, "role=\"img\""), "each chart's SVG is an image named by its title and summary");
    }

    @Test
    void anAuthorityFileNameIsMadeFromItsCodeAndStaysInsideTheOutputFolder() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("report-out");
        OutputFolder out = OutputFolder.open(dir);
        assertEquals("authority----evil.html", ReportJob.authorityFile("../evil"));
        assertEquals(dir.toRealPath().resolve("authority----evil.html"), out.writeText(ReportJob.authorityFile(
                "../evil"), "x").toRealPath());
        org.csbench.model.CsbenchException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.csbench.model.CsbenchException.class, () -> out.writeText("../x.html", "x"));
        assertTrue(e.getMessage().startsWith("Refusing to write '../x.html'"), e.getMessage());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

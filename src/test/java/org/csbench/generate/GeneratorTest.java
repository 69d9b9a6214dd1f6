package org.csbench.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: every real LA, 3 years to 2025-03, the 14 observed measures. */
class GeneratorTest {
    private static final int REAL_LAS = 153;

    @TempDir
    static Path generated;
    private static GenerateResult result;
    private static CsvTable table;
    private static Map<String, Double> values;

    @BeforeAll
    static void generate() throws IOException {
        result = Generator.run(GeneratorOptions.of(REAL_LAS, 3, 42, generated.resolve("england")));
        table = GeneratedFiles.longFile(result.out());
        values = GeneratedFiles.values(table);
    }

    @Test
    void writesOneRowPerLaIndicatorAndMonth() throws IOException {
        assertEquals(List.of("la_code", "la_name", "region_code", "ref", "indicator", "month", "value"),
                table.header());
        assertEquals(REAL_LAS * 14 * 36, table.rows().size());
        assertEquals(table.rows().size(), result.longRows());
        assertEquals(36, result.window().count());
        assertEquals(YearMonth.of(2022, 4), result.window().first());
        assertEquals(YearMonth.of(2025, 3), result.window().last());
        assertEquals("2022-04", table.rows().get(0).get(5));
        assertEquals(List.of(LongCsvWriter.FILE, "scorecard_201.tsv", "scorecard_202.tsv", Manifest.FILE),
                result.files().stream().map(WrittenFile::name).toList());
    }

    @Test
    void addsSyntheticLasBeyondTheRealOnes(@TempDir Path dir) throws IOException {
        GenerateResult more = Generator.run(GeneratorOptions.of(REAL_LAS + 3, 1, 7, dir).withIndicators(20)
                .withWideLas(0));
        CsvTable rows = GeneratedFiles.longFile(more.out());
        assertEquals((REAL_LAS + 3) * 20 * 12, rows.rows().size());
        assertEquals(3, more.syntheticAuthorities());
        assertTrue(rows.rows().stream().anyMatch(r -> r.get(0).equals("S003")
                && r.get(1).equals("Synthetic Authority S003") && r.get(3).equals("syn_020")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.Set.of(LongCsvWriter.FILE, Manifest.FILE),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void sameSeedWritesSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
        GeneratorOptions options = GeneratorOptions.of(6, 2, 2024, dir.resolve("a")).withIndicators(40);
        Generator.run(options);
        Generator.run(GeneratorOptions.of(6, 2, 2024, dir.resolve("b")).withIndicators(40));
        Generator.run(GeneratorOptions.of(6, 2, 2025, dir.resolve("c")).withIndicators(40));
        for (String file : List.of(LongCsvWriter.FILE, "scorecard_201.tsv", "scorecard_202.tsv", Manifest.FILE)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(LongCsvWriter.FILE)),
                Files.readAllBytes(dir.resolve("c").resolve(LongCsvWriter.FILE))));
    }

    @Test
    void anLasSeriesDoNotDependOnHowManyOthersAreGenerated(@TempDir Path dir) throws IOException {
        Generator.run(GeneratorOptions.of(3, 3, 42, dir).withWideLas(0));
        Map<String, Double> few = GeneratedFiles.values(GeneratedFiles.longFile(dir));
        for (Map.Entry<String, Double> cell : few.entrySet()) {
            assertEquals(cell.getValue(), values.get(cell.getKey()), cell.getKey());
        }
    }

    @Test
    void referralsDipInAugustAndDecember() {
        double august = 0;
        double december = 0;
        int n = 0;
        for (String la : laCodes()) {
            for (int year = 2022; year <= 2024; year++) {
                double[] fy = financialYear(la, Indicators.REFERRALS, year);
                double mean = Arrays.stream(fy).filter(v -> !Double.isNaN(v)).average().orElseThrow();
                if (mean > 0 && !Double.isNaN(fy[4]) && !Double.isNaN(fy[8])) {
                    august += fy[4] / mean; // April is index 0
                    december += fy[8] / mean;
                    n++;
                }
            }
        }
        System.out.printf("referrals, mean ratio to the year's mean: August %.3f, December %.3f (%d LA-years)%n",
                august / n, december / n, n);
        assertTrue(august / n < 0.92, "August ratio " + august / n);
        assertTrue(december / n < 0.88, "December ratio " + december / n);
    }

    @Test
    void manchesterReferralsAddUpToItsPublishedAnnualFigure() {
        double[] fy = financialYear("352", Indicators.REFERRALS, 2024);
        double sum = 0;
        int present = 0;
        for (double v : fy) {
            if (!Double.isNaN(v)) {
                sum += v;
                present++;
            }
        }
        double annual = sum * 12 / present; // scales up a blanked month, if any
        System.out.printf("Manchester 2024-25 referrals: generated %.0f, published 6342%n", annual);
        assertTrue(Math.abs(annual - 6342) <= 0.15 * 6342, "Manchester annual referrals " + annual);
        // Snapshots pass through the published 31 March figure (cla 2025: 1280 looked after).
        assertEquals(1280.0, values.get("352|cla_open|2025-03"));
    }

    @Test
    void everyRealLaIsCalibratedWithinFifteenPercentOnAverage() {
        Calibration calibration = Calibration.load(GeneratorOptions.DEFAULT_DATA_DIR);
        int within = 0;
        int n = 0;
        for (Authority la : calibration.authorities()) {
            double published = la.level(Measure.REFERRALS);
            if (published < 1000) {
                continue;
            }
            double sum = Arrays.stream(financialYear(la.code(), Indicators.REFERRALS, 2024))
                    .filter(v -> !Double.isNaN(v)).sum();
            n++;
            if (Math.abs(sum - published) <= 0.15 * published) {
                within++;
            }
        }
        System.out.printf("LAs with >= 1000 referrals a year within 15%% of the published figure: %d of %d%n",
                within, n);
        assertTrue(within >= 0.9 * n, within + " of " + n);
    }

    @Test
    void numeratorsNeverExceedTheirDenominators() {
        int checked = 0;
        for (List<String> row : table.rows()) {
            String la = row.get(0);
            String month = row.get(5);
            Double numerator = values.get(la + "|" + row.get(3) + "|" + month);
            String denominatorRef = switch (row.get(3)) {
                case Indicators.ASSESSMENTS_IN_45_DAYS -> Indicators.ASSESSMENTS_COMPLETED;
                case Indicators.CPP_SUBSEQUENT -> Indicators.CPP_STARTED;
                case Indicators.REREFERRALS -> Indicators.REFERRALS;
                default -> null;
            };
            Double denominator = denominatorRef == null ? null : values.get(la + "|" + denominatorRef + "|" + month);
            if (numerator != null && denominator != null) {
                assertTrue(numerator <= denominator, la + " " + row.get(3) + " " + month);
                checked++;
            }
        }
        assertTrue(checked > 3 * REAL_LAS * 30, "checked " + checked);
        // Timeliness lands near 80-90% overall, never above 100%.
        double inTime = 0;
        double completed = 0;
        for (String la : laCodes()) {
            for (double v : financialYear(la, Indicators.ASSESSMENTS_IN_45_DAYS, 2024)) {
                inTime += Double.isNaN(v) ? 0 : v;
            }
            for (double v : financialYear(la, Indicators.ASSESSMENTS_COMPLETED, 2024)) {
                completed += Double.isNaN(v) ? 0 : v;
            }
        }
        assertTrue(inTime / completed > 0.78 && inTime / completed < 0.92, "timeliness " + inTime / completed);
    }

    @Test
    void quotesLaNamesThatHoldACommaAndWritesPublishedValueText() throws IOException {
        List<String> lines = Files.readAllLines(result.out().resolve(LongCsvWriter.FILE), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(
                "801,\"Bristol, City of\",E12000009,referrals,Referrals received (No. month),2025-03,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("352,Manchester,E12000002,care_leavers_eet_pct,"
                + "\"Care leavers aged 19-21 in education, employment or training (%)\",")));
        List<String> bristol = table.rows().stream().filter(r -> r.get(0).equals("801")).findFirst().orElseThrow();
        assertEquals("Bristol, City of", bristol.get(1));
        for (List<String> row : table.rows()) {
            String value = row.get(6);
            String pattern = switch (row.get(3)) {
                case Indicators.SW_CASELOAD, Indicators.CARE_LEAVERS_EET_PCT -> "\\d+\\.\\d";
                default -> "\\d+";
            };
            assertTrue(value.isEmpty() || value.equals("Not Yet Available") || value.matches(pattern),
                    row + " value " + value);
            assertTrue(!value.equals("Not Yet Available") || row.get(5).equals("2025-03"), row.toString());
        }
        assertTrue(result.notYetAvailableCells() > 0, "some final months read Not Yet Available");
        assertTrue(result.blankCells() > 0 && result.blankCells() < 0.01 * result.longRows(),
                "blank cells " + result.blankCells());
    }

    @Test
    void aZeroBlankFractionLeavesOnlyNotYetAvailableCells(@TempDir Path dir) throws IOException {
        GenerateResult run = Generator.run(GeneratorOptions.of(20, 2, 42, dir).withBlankFraction(0));
        assertEquals(0, run.blankCells());
        assertTrue(GeneratedFiles.longFile(dir).rows().stream().noneMatch(r -> r.get(6).isEmpty()));
    }

    @Test
    void endMonthMovesTheWindowAndTheScorecardsMonths(@TempDir Path dir) throws IOException {
        GenerateResult run = Generator.run(GeneratorOptions.of(2, 1, 42, dir).withEndMonth(YearMonth.of(2025, 9)));
        assertEquals(YearMonth.of(2024, 10), run.window().first());
        String[] header = GeneratedFiles.wide(dir.resolve("scorecard_201.tsv")).get(0);
        assertEquals(List.of("Ref", "Indicator", "Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25",
                "Current"), Arrays.asList(header).subList(0, 9));
    }

    @Test
    void writesTheWideScorecardAsCouncilsPublishIt() throws IOException {
        List<String[]> rows = GeneratedFiles.wide(result.out().resolve("scorecard_202.tsv"));
        List<String> expected = new ArrayList<>(List.of("Ref", "Indicator"));
        for (String m : List.of("Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")) {
            expected.add(m + "-24");
        }
        expected.addAll(List.of("Jan-25", "Feb-25", "Mar-25", "Current", "Previous Year", "Target",
                "Regional Average", "Statistical Neighbour Average", "England Average", "Performance",
                "Direction of Travel"));
        assertEquals(expected, Arrays.asList(rows.get(0)));
        assertEquals(1 + 14 + 2, rows.size()); // header, 14 series, 2 derived percentages
        for (String[] row : rows) {
            assertEquals(expected.size(), row.length, String.join("|", row));
        }
        int current = expected.indexOf("Current");

        String[] referrals = row(rows, Indicators.REFERRALS);
        Double march = values.get("202|referrals|2025-03");
        assertEquals(march == null ? "" : String.format(java.util.Locale.UK, "%,d", Math.round(march)),
                referrals[current]);
        assertEquals(referrals[expected.indexOf("Mar-25")], referrals[current]);
        Double lastYear = values.get("202|referrals|2024-03");
        assertEquals(lastYear == null ? "" : String.format(java.util.Locale.UK, "%,d", Math.round(lastYear)),
                referrals[current + 1]);

        String[] contacts = row(rows, Indicators.CONTACTS);
        assertTrue(contacts[current].matches("\\d{1,3}(,\\d{3})*"), "contacts " + contacts[current]);
        assertEquals("1,211", ValueText.scorecard(1211, SeriesKind.COUNT_IN_MONTH));
        assertEquals("28.1%", ValueText.scorecard(28.1, SeriesKind.PERCENT));
        assertEquals("16.0", ValueText.scorecard(16, SeriesKind.RATIO));

        String[] rereferralPct = row(rows, "rereferrals_pct");
        assertEquals("20-24%", rereferralPct[current + 2]);
        Double rr = values.get("202|rereferrals|2025-03");
        Double ref = values.get("202|referrals|2025-03");
        if (rr != null && ref != null) {
            double pct = Math.round(1000 * rr / ref) / 10.0;
            assertEquals(String.format("%.1f%%", pct), rereferralPct[current]);
            String rag = pct >= 20 && pct <= 24 ? "G" : (pct >= 19.6 && pct <= 24.48) ? "A" : "R";
            assertEquals(rag, rereferralPct[expected.indexOf("Performance")]);
        }
        assertTrue(rereferralPct[expected.indexOf("England Average")].matches("\\d+\\.\\d%"));
        assertTrue(rereferralPct[expected.indexOf("Regional Average")].matches("\\d+\\.\\d%"));
        assertTrue(rereferralPct[expected.indexOf("Statistical Neighbour Average")].matches("\\d+\\.\\d%"));
        assertTrue(List.of("↑", "↓", "↔", "").contains(rereferralPct[expected.indexOf("Direction of Travel")]));

        assertEquals("85%", row(rows, "assessments_in_45_days_pct")[current + 2]);
        assertEquals("60%", row(rows, Indicators.CARE_LEAVERS_EET_PCT)[current + 2]);
        assertEquals("", row(rows, Indicators.REFERRALS)[expected.indexOf("Performance")]);
        assertTrue(row(rows, Indicators.CARE_LEAVERS_EET_PCT)[expected.indexOf("Apr-24")].matches("\\d+\\.\\d%"));
    }

    @Test
    void directionOfTravelComparesWithThePreviousMonth(@TempDir Path dir) throws IOException {
        Generator.run(GeneratorOptions.of(2, 2, 5, dir).withBlankFraction(0));
        Map<String, Double> generated = GeneratedFiles.values(GeneratedFiles.longFile(dir));
        List<String[]> rows = GeneratedFiles.wide(dir.resolve("scorecard_201.tsv"));
        int direction = rows.get(0).length - 1;
        int checked = 0;
        for (String ref : List.of(Indicators.REFERRALS, Indicators.CONTACTS, Indicators.CIN_OPEN)) {
            Double now = generated.get("201|" + ref + "|2025-03");
            Double before = generated.get("201|" + ref + "|2025-02");
            if (now != null && before != null) {
                String arrow = now > before ? "↑" : now < before ? "↓" : "↔";
                assertEquals(arrow, row(rows, ref)[direction], ref);
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void manifestRecordsOptionsRowsAndCalibration() throws IOException {
        String manifest = Files.readString(result.out().resolve(Manifest.FILE));
        assertTrue(manifest.contains("\"seed\": 42"), manifest);
        assertTrue(manifest.contains("\"end_month\": \"2025-03\""), manifest);
        assertTrue(manifest.contains("{\"name\": \"monthly_long.csv\", \"rows\": " + REAL_LAS * 14 * 36), manifest);
        assertTrue(manifest.contains("\"reporting_year\": 2025"), manifest);
        assertTrue(manifest.contains("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"), manifest);
        assertFalse(manifest.contains(result.out().toString()), "no absolute output path");
    }

    @Test
    void timesAMediumRun(@TempDir Path dir) {
        GenerateResult run = Generator.run(GeneratorOptions.of(REAL_LAS, 3, 1, dir).withIndicators(50));
        System.out.printf("medium run: %,d rows (%d LAs x %d indicators x %d months) in %.2f s%n", run.longRows(),
                run.authorities(), run.indicators(), run.window().count(), run.seconds());
        assertEquals(REAL_LAS * 50L * 36, run.longRows());
    }

    private static String[] row(List<String[]> rows, String ref) {
        return rows.stream().filter(r -> r[0].equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + ref));
    }

    private static List<String> laCodes() {
        return table.rows().stream().map(r -> r.get(0)).distinct().toList();
    }

    /** April (index 0) to March of the financial year starting in {@code startYear}; NaN where unpublished. */
    private static double[] financialYear(String la, String ref, int startYear) {
        double[] out = new double[12];
        for (int i = 0; i < 12; i++) {
            YearMonth month = YearMonth.of(startYear, 4).plusMonths(i);
            String key = la + "|" + ref + "|" + MonthWindow.isoLabel(month);
            assertTrue(values.containsKey(key), key);
            Double value = values.get(key);
            out[i] = value == null ? Double.NaN : value;
        }
        assertNotNull(out);
        return out;
    }
}

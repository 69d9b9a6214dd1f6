package org.csbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.csbench.model.CsbenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    private static final String C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";

    @Test
    void readsTheLatestPublishedFiguresOfEveryLa() {
        Calibration calibration = Calibration.load(GeneratorOptions.DEFAULT_DATA_DIR);
        assertEquals(2025, calibration.reportingYear());
        assertEquals(2024, calibration.populationMidYear());
        assertEquals(YearMonth.of(2025, 3), calibration.defaultEndMonth());
        assertEquals(153, calibration.authorities().size());
        assertEquals("201", calibration.authorities().get(0).code());
        Authority manchester = find(calibration, "352");
        assertEquals("Manchester", manchester.name());
        assertEquals("E12000002", manchester.regionCode());
        assertEquals(131831, manchester.population());
        assertEquals(new Level(6342, LevelSource.PUBLISHED), manchester.levels().get(Measure.REFERRALS));
        assertEquals(1164, manchester.level(Measure.REREFERRALS));
        assertEquals(1280, manchester.level(Measure.CLA_AT_31_MARCH));
        assertEquals(497, manchester.level(Measure.CLA_STARTED));
        assertEquals("Bristol, City of", find(calibration, "801").name());
        // Joint workforce return "314 / 318": the same caseload for both.
        assertEquals(find(calibration, "314").level(Measure.CASELOAD),
                find(calibration, "318").level(Measure.CASELOAD));
        assertEquals(LevelSource.PUBLISHED, find(calibration, "318").levels().get(Measure.CASELOAD).source());
        assertEquals(10, calibration.neighbours().get("352").size());
    }

    @Test
    void aSymbolFallsBackToEnglandsRateTimesThePopulation(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(GeneratorOptions.DEFAULT_DATA_DIR)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Path c1 = dir.resolve(C1);
        String text = Files.readString(c1, StandardCharsets.UTF_8);
        String published = "Manchester,Referrals and Re-referrals,6342,";
        assertTrue(text.contains(published));
        Files.writeString(c1, text.replace(published, "Manchester,Referrals and Re-referrals,c,"),
                StandardCharsets.UTF_8);

        Calibration calibration = Calibration.load(dir);
        Level level = find(calibration, "352").levels().get(Measure.REFERRALS);
        assertEquals(LevelSource.SCALED_FROM_POPULATION, level.source());
        // England 2025: 632,830 referrals over 12,183,016 children (mid-2024), times Manchester's 131,831.
        assertEquals(632830.0 / 12183016 * 131831, level.value(), 1e-6);
    }

    @Test
    void aMissingFileOrFolderNamesIt(@TempDir Path dir) {
        CsbenchException folder = assertThrows(CsbenchException.class,
                () -> Calibration.load(dir.resolve("nowhere")));
        assertTrue(folder.getMessage().contains("--data-dir") && folder.getMessage().contains("nowhere"),
                folder.getMessage());
        CsbenchException file = assertThrows(CsbenchException.class, () -> Calibration.load(dir));
        assertTrue(file.getMessage().contains("ons_mid-year_population"), file.getMessage());
    }

    @Test
    void readsFinancialYearTimePeriodsAndSymbols() {
        assertEquals(2025, Calibration.parseTimePeriod("202425").orElseThrow());
        assertEquals(2025, Calibration.parseTimePeriod("2025").orElseThrow());
        assertTrue(Calibration.parseTimePeriod("x").isEmpty());
        for (String symbol : List.of("c", "x", "z", "k", "low", "u", ":", "")) {
            assertTrue(Calibration.number(symbol).isEmpty(), symbol);
        }
        assertEquals(15.2, Calibration.number("15.2").orElseThrow());
    }

    private static Authority find(Calibration calibration, String code) {
        return calibration.authorities().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }
}

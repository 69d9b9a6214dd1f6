package org.csbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.model.CsbenchException;

/** A source entry's release order, years, precedence and unknown rounding (no Spark). */
class PublicationSpecTest {
    @TempDir
    Path dir;

    private SourceSpec source(String extra) throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "name: t\nsources:\n  - id: a\n    format: ees\n    file: a.csv\n" + extra
                + "    measures:\n      - { column: x, indicator: x_count, unit: count }\n");
        return SpecLoader.load(spec, null).sources().get(0);
    }

    @Test
    void publishedReleaseYearsAndPrecedenceAreRead() throws IOException {
        SourceSpec source = source("    release: \"2024\"\n    published: 2024-11-28\n    years: [2019, 2021-2023]\n"
                + "    precedence: 2\n    rounded_to: unknown\n");
        assertEquals("2024-11-28", source.releaseOrder());
        assertEquals(List.of(2019, 2021, 2022, 2023), List.copyOf(source.publication().years()));
        assertEquals(2, source.publication().precedence());
        assertTrue(source.publication().roundingUnknown());
        assertTrue(source.roundedTo().isEmpty());
        // Without a date the release label orders; without either, nothing does (load order decides).
        assertEquals("2025", source("    release: \"2025\"\n").releaseOrder());
        assertEquals(null, source("").releaseOrder());
        assertTrue(source("    years: 2020-2024\n").publication().supplies(2024));
    }

    @Test
    void badDatesAndYearsAreNamedWithTheirPlace() {
        CsbenchException date = assertThrows(CsbenchException.class, () -> source("    published: 28/11/2024\n"));
        assertTrue(date.getMessage().endsWith("sources[0].published: '28/11/2024' is not a date like 2024-11-28"),
                date.getMessage());
        CsbenchException years = assertThrows(CsbenchException.class, () -> source("    years: 2024-2020\n"));
        assertTrue(years.getMessage().endsWith("sources[0].years: '2024-2020' ends before it starts"), years.getMessage());
    }
}

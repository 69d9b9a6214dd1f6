package org.csbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.model.CsbenchException;
import org.csbench.model.Unit;

class SpecLoaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBundledAnnualPipeline() {
        PipelineSpec spec = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), null);
        assertEquals("annual-benchmarking", spec.name());
        assertEquals(12, spec.sources().size());
        SourceSpec cla = spec.sources().stream().filter(s -> s.id().equals("cla_numbers")).findFirst().orElseThrow();
        MeasureSpec atMarch = cla.measures().get(0);
        assertEquals(List.of("children_count", "number"), atMarch.columns());
        assertEquals(2, atMarch.when().get("population_type").size());
        SourceSpec csww = spec.sources().stream().filter(s -> s.id().equals("workforce_csww")).findFirst().orElseThrow();
        assertEquals(MonthDay.of(9, 30), csww.period().end());
        assertEquals(Unit.RATIO, csww.measures().stream().filter(m -> m.indicator().equals("sw_caseload_fte"))
                .findFirst().orElseThrow().unit());
        assertTrue(cla.path().endsWith("data-samples/dfe/cla_number_and_rate_per_10k_children.csv"), cla.path());
    }

    @Test
    void dataDirOverrideRedirectsFileEntriesButNotPathEntries() {
        PipelineSpec spec = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), Path.of("/data/dfe"));
        assertEquals("/data/dfe/b1_children_in_need_2013_to_2025.csv", spec.sources().get(0).path());
        SourceSpec changes = spec.sources().stream().filter(s -> s.id().equals("la_code_change")).findFirst()
                .orElseThrow();
        assertTrue(changes.path().endsWith("pipelines/reference/la_code_changes.csv"), changes.path());
    }

    @Test
    void unknownUnitIsNamedWithItsPlace() throws IOException {
        Path spec = write("""
                name: t
                sources:
                  - id: a
                    format: ees
                    file: a.csv
                    measures:
                      - { column: x, indicator: x_count, unit: dozens }
                """);
        CsbenchException e = assertThrows(CsbenchException.class, () -> SpecLoader.load(spec, null));
        assertEquals(spec + ": sources[0].measures[0].unit: unknown unit 'dozens'; use one of count, percent, "
                + "rate_per_10000, rate_per_100000, days, weeks, ratio, fte", e.getMessage());
    }

    @Test
    void misspelledKeyAndDuplicateIdAreRejected() throws IOException {
        Path typo = write("""
                name: t
                sources:
                  - id: a
                    format: ees
                    file: a.csv
                    measure: []
                """);
        assertTrue(assertThrows(CsbenchException.class, () -> SpecLoader.load(typo, null)).getMessage()
                .contains("sources[0].measure: unknown key"));
        Path duplicate = write("""
                name: t
                sources:
                  - { id: a, format: table, file: a.csv, target: reference.a, columns: [{ name: x, type: int }] }
                  - { id: a, format: table, file: b.csv, target: reference.b, columns: [{ name: x, type: int }] }
                """);
        assertTrue(assertThrows(CsbenchException.class, () -> SpecLoader.load(duplicate, null)).getMessage()
                .contains("sources[1].id: duplicate source id 'a'"));
    }

    @Test
    void whenMustReferToADeclaredDimension() throws IOException {
        Path spec = write("""
                name: t
                sources:
                  - id: a
                    format: ees
                    file: a.csv
                    measures:
                      - { column: x, indicator: x, unit: count, when: { population_type: [A] } }
                """);
        assertTrue(assertThrows(CsbenchException.class, () -> SpecLoader.load(spec, null)).getMessage()
                .contains("sources[0].measures[0].when.population_type: not one of the source's dimensions []"));
    }

    @Test
    void brokenYamlReportsTheLine() throws IOException {
        Path spec = write("name: t\nsources:\n  - id: [unclosed\n");
        assertTrue(assertThrows(CsbenchException.class, () -> SpecLoader.load(spec, null)).getMessage()
                .contains("at line"));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("spec" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

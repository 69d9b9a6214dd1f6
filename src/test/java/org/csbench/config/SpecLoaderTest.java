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
    void dimensionsTakeAliasesAndWhenAndIgnoreMayNameAnyOfThem() throws IOException {
        Path spec = write("""
                name: t
                sources:
                  - id: a
                    format: ees
                    file: a.csv
                    dimensions: [age_group, { column: [population_type, population_count], as: population_type }]
                    ignore: { population_count: [Adopted], unmapped: true }
                    measures:
                      - { column: number, indicator: x, unit: count, when: { POPULATION_COUNT: [A], age_group: [B] } }
                """);
        SourceSpec source = SpecLoader.load(spec, null).sources().get(0);
        assertEquals(List.of(DimensionSpec.of("age_group"),
                new DimensionSpec("population_type", List.of("population_type", "population_count"))), source.dimensions());
        assertEquals(java.util.Map.of("population_type", List.of("A"), "age_group", List.of("B")),
                source.measures().get(0).when());
        assertEquals(new IgnoreSpec(java.util.Map.of("population_type", List.of("Adopted")), true), source.ignore());
    }

    @Test
    void ignoreNeedsDimensionsAndKnownWords() throws IOException {
        Path noDimensions = write("""
                name: t
                sources:
                  - { id: a, format: ees, file: a.csv, ignore: unmapped, measures: [{ column: x, indicator: x, unit: count }] }
                """);
        assertEquals(noDimensions + ": sources[0].ignore: only rows split by dimensions can be ignored; give the "
                + "source's dimensions first", assertThrows(CsbenchException.class,
                        () -> SpecLoader.load(noDimensions, null)).getMessage());
        Path unknownWord = write("""
                name: t
                sources:
                  - { id: a, format: ees, file: a.csv, dimensions: [d], ignore: everything,
                      measures: [{ column: x, indicator: x, unit: count }] }
                """);
        assertEquals(unknownWord + ": sources[0].ignore: 'everything': use 'unmapped' or a mapping of dimension to "
                + "values", assertThrows(CsbenchException.class, () -> SpecLoader.load(unknownWord, null)).getMessage());
    }

    @Test
    void measuresFromAloneIsEnoughAndItsTemplateMustPlaceTheColumn() throws IOException {
        Path spec = write("""
                name: t
                sources:
                  - id: a
                    format: ees
                    file: a.csv
                    measures_from:
                      - { columns: ["*_percent", "*_pct"], except: [total_percent], indicator: "d5_{column}", unit: percent }
                """);
        MeasurePattern pattern = SpecLoader.load(spec, null).sources().get(0).measuresFrom().get(0);
        assertEquals("d5_3_months_or_less_percent", pattern.indicatorFor("3 Months or less_PERCENT"));
        assertTrue(pattern.matches("3_months_or_less_percent") && pattern.matches("CPP_PCT"));
        assertTrue(!pattern.matches("total_percent") && !pattern.matches("percent_total") && !pattern.matches("count"));
        Path noPlace = write("""
                name: t
                sources:
                  - { id: a, format: ees, file: a.csv, measures_from: [{ columns: "*", indicator: Count, unit: count }] }
                """);
        assertEquals(noPlace + ": sources[0].measures_from[0].indicator: 'Count' must be lower snake case with "
                + "{column} where the column's name goes, e.g. d5_{column}", assertThrows(CsbenchException.class,
                        () -> SpecLoader.load(noPlace, null)).getMessage());
        Path neither = write("""
                name: t
                sources:
                  - { id: a, format: ees, file: a.csv }
                """);
        assertEquals(neither + ": sources[0].measures: an ees source needs a list of measures or measures_from",
                assertThrows(CsbenchException.class, () -> SpecLoader.load(neither, null)).getMessage());
    }

    @Test
    void scorecardRolesAndComparatorKindsAreChecked() throws IOException {
        Path spec = write("""
                name: t
                sources:
                  - id: a
                    format: scorecard_wide
                    file: a.tsv
                    la_code: "352"
                    report_month: 2024-06
                    roles: { current: [Latest, Now], direction: DOT, comparators: { SN: statistical_neighbours } }
                """);
        ScorecardSpec scorecard = SpecLoader.load(spec, null).sources().get(0).scorecard();
        assertEquals(List.of("Latest", "Now"), scorecard.names("current", "Current"));
        assertEquals(List.of("Target"), scorecard.names("target", "Target"));
        assertEquals(java.util.Map.of("SN", "statistical_neighbours"), scorecard.comparators());
        Path badKind = write("""
                name: t
                sources:
                  - { id: a, format: scorecard_wide, file: a.tsv, la_code: "352", report_month: 2024-06,
                      roles: { comparators: { SN: neighbours } } }
                """);
        assertEquals(badKind + ": sources[0].roles.comparators.SN: unknown comparator kind 'neighbours'; use one of "
                + "[england, region, statistical_neighbours]", assertThrows(CsbenchException.class,
                        () -> SpecLoader.load(badKind, null)).getMessage());
        Path rolesOnEes = write("""
                name: t
                sources:
                  - { id: a, format: ees, file: a.csv, roles: { current: Latest }, measures: [{ column: x, indicator: x, unit: count }] }
                """);
        assertEquals(rolesOnEes + ": sources[0].roles: only scorecard_wide sources take 'roles'",
                assertThrows(CsbenchException.class, () -> SpecLoader.load(rolesOnEes, null)).getMessage());
        Path badRole = write("""
                name: t
                sources:
                  - { id: a, format: scorecard_wide, file: a.tsv, la_code: "352", report_month: 2024-06,
                      roles: { latest: Latest } }
                """);
        assertTrue(assertThrows(CsbenchException.class, () -> SpecLoader.load(badRole, null)).getMessage()
                .contains("sources[0].roles.latest: unknown key; expected one of [comparators, current, direction, "));
    }

    @Test
    void theReadmesSourceEntriesParse() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Your own files"), readme.indexOf("## On a cluster"));
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```yaml\n(  - id: .*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(section);
        List<String> ids = new java.util.ArrayList<>();
        while (block.find()) {
            ids.add(SpecLoader.load(write("name: t\nsources:\n" + block.group(1)), null).sources().get(0).id());
        }
        assertEquals(List.of("my_new_table", "care_leavers_activity"), ids);
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

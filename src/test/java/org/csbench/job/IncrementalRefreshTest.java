package org.csbench.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.GoldTables;
import org.csbench.SampleRun;
import org.csbench.SparkTestSession;
import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.Indicator;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.delta.Warehouse;
import org.csbench.generate.GenerateResult;
import org.csbench.generate.Generator;
import org.csbench.generate.GeneratorOptions;
import org.csbench.generate.MonthSplit;

/**
 * The oracle of incremental refresh: a warehouse that loaded every month but the last, then the last month's extract
 * as a further file, publishes the same star, row for row, as one rebuilt from both files at once. (A new release
 * refreshed against the same runs rebuilt whole: {@code cli.RevisionTest}.)
 */
class IncrementalRefreshTest {
    private static final int LAS = 4;
    private static final int YEARS = 2;
    private static final int INDICATORS = 12;
    private static final long SEED = 7;
    /** The sample spec's council scorecard extract (wide, with comparators and targets). */
    private static final String EXTRACT = "scorecard_202_2025_03";

    private static MonthSplit.Result split;
    private static PipelineSpec before;
    private static PipelineSpec after;
    private static Catalogue catalogue;
    private static List<String> firstProgress;
    private static Warehouse beforeTheMonth;

    @BeforeAll
    static void generate() {
        SparkTestSession.get();
        Path data = SparkTestSession.newTempDir("incremental-data");
        GenerateResult generated = Generator.run(GeneratorOptions.of(LAS, YEARS, SEED, data)
                .withIndicators(INDICATORS).withWideLas(0));
        split = MonthSplit.splitLastMonth(data.resolve("monthly_long.csv"), generated.window().last(),
                data.resolve("earlier.csv"), data.resolve("added.csv"));
        PipelineSpec base = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), null);
        before = SyntheticPipeline.spec(base, List.of(split.earlier()));
        after = SyntheticPipeline.spec(base, List.of(split.earlier(), split.addedFile()));
        catalogue = SyntheticPipeline.catalogue(CatalogueLoader.load(Path.of(base.catalogue())), INDICATORS, SEED);
        // Every month but the last, run once: each test refreshes its own copy of this warehouse.
        Warehouse first = SparkTestSession.newWarehouse("incremental-before");
        firstProgress = new ArrayList<>();
        new PipelineJob(first, firstProgress::add).run(before, catalogue);
        beforeTheMonth = first;
    }

    /** A copy of the warehouse that loaded every month but the last. */
    private static Warehouse copyOfBefore(String name) {
        return SparkTestSession.copyOf(beforeTheMonth, name);
    }

    @Test
    void theSplitKeepsEveryRowOnceAndTheLastMonthAlone() {
        // March: the month closes a quarter and a financial year, so every kind of monthly window changes.
        assertEquals(3, split.added().getMonthValue());
        // Every LA x indicator has one row per month: 24 months, 23 before and 1 added.
        assertEquals(split.addedRows() * (YEARS * 12 - 1), split.earlierRows());
        assertEquals(0, split.addedRows() % LAS);
    }

    @Test
    void addingAMonthPublishesTheSameStarAsARebuildFromTheSameFiles() {
        Warehouse rebuilt = SparkTestSession.newWarehouse("incremental-rebuilt");
        new PipelineJob(rebuilt, message -> { }).run(after, catalogue);

        Warehouse refreshed = copyOfBefore("incremental-refreshed");
        assertTrue(firstProgress.contains("refresh: full rebuild: the warehouse has no indicator values yet"),
                String.join("\n", firstProgress));
        // Before the month is added the comparison sees it missing: the oracle can fail.
        List<String> missing = GoldTables.differences(refreshed, rebuilt);
        assertTrue(missing.stream().anyMatch(d -> d.startsWith(FactIndicatorValue.TABLE.name() + ": 0 rows not "
                + "expected")), String.join("\n", missing));
        assertEquals(0, monthRows(refreshed, split.added()));

        List<String> progress = new ArrayList<>();
        PipelineJob.Result refresh = new PipelineJob(refreshed, progress::add).run(after, catalogue);
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("refresh: incremental: ")),
                String.join("\n", progress));
        assertEquals(List.of("unchanged", "loaded"), refresh.load().sources().stream()
                .filter(s -> s.sourceId().startsWith("monthly_scorecards")).map(s -> s.outcome()).toList());
        assertTrue(monthRows(refreshed, split.added()) > 0);
        assertEquals(List.of(), GoldTables.differences(refreshed, rebuilt));
    }

    @Test
    void aCouncilsScorecardExtractRefreshesTheYearsItSetsTargetsForAsARebuildWould() {
        // The samples without the council's wide scorecard, then with it: its months, and every period of the
        // reporting years whose targets it sets, are benchmarked again.
        PipelineSpec sample = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), null);
        PipelineSpec withoutExtract = new PipelineSpec(sample.name(), sample.description(), sample.specFile(),
                sample.dataDir(), sample.sources().stream().filter(s -> !s.id().equals(EXTRACT)).toList(),
                sample.catalogue());
        assertEquals(sample.sources().size() - 1, withoutExtract.sources().size());
        Warehouse refreshed = SparkTestSession.newWarehouse("extract-refreshed");
        new PipelineJob(refreshed, message -> { }).run(withoutExtract);
        List<String> progress = new ArrayList<>();
        new PipelineJob(refreshed, progress::add).run(sample);
        assertTrue(progress.stream().anyMatch(p -> p.startsWith("refresh: incremental: ")),
                String.join("\n", progress));
        assertEquals(List.of(), GoldTables.differences(refreshed, SampleRun.warehouse()));
    }

    @Test
    void aChangedCatalogueRebuildsWholeAndSaysSo() {
        // No new file: the catalogue alone changed.
        Warehouse warehouse = copyOfBefore("incremental-catalogue");
        List<Indicator> fewer = catalogue.indicators().subList(0, catalogue.indicators().size() - 1);
        List<String> progress = new ArrayList<>();
        new PipelineJob(warehouse, progress::add).run(before, new Catalogue(catalogue.file(), fewer));
        assertTrue(progress.contains("refresh: full rebuild: the indicator catalogue changed"),
                String.join("\n", progress));
        assertEquals(fewer.size(), warehouse.read(DimIndicator.TABLE.name()).count());
    }

    /** Indicator values of {@code month} (period type month). */
    private static long monthRows(Warehouse warehouse, YearMonth month) {
        return warehouse.read(FactIndicatorValue.TABLE.name())
                .join(warehouse.read(DimPeriod.TABLE.name()).filter(col(DimPeriod.TYPE).equalTo("month")
                        .and(col(DimPeriod.END).equalTo(lit(Date.valueOf(month.atEndOfMonth()))))), Star.PERIOD_KEY)
                .count();
    }
}

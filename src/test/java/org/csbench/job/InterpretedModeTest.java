package org.csbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.benchmark.Benchmarks;
import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ReferenceTables;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.metrics.IndicatorValues;
import org.csbench.metrics.MetricsJob;

/**
 * The sample run is small, so it runs with expressions interpreted, without Delta's file statistics, runtime Bloom
 * filters or adaptive execution ({@link SparkSessions#forInput}); the same transforms compiled to Java, reading files
 * chosen by their statistics, with the optimiser free to add Bloom filters and to re-plan after each stage, as at
 * England scale, must give the same rows.
 */
class InterpretedModeTest {
    private static final Map<String, String> COMPILED = Map.of(SparkSessions.WHOLE_STAGE_CODEGEN, "true",
            SparkSessions.CODEGEN_FACTORY_MODE, "FALLBACK", SparkSessions.STATS_SKIPPING, "true",
            SparkSessions.RUNTIME_BLOOM_FILTER, "true", SparkSessions.ALL_FILES_IN_CRC, "true",
            SparkSessions.ADAPTIVE, "true");

    @Test
    void smallInputsAreInterpretedAndLargeOnesCompiled() {
        Map<String, String> small = SparkSessions.forInput(3_000_000, 8);
        assertEquals("false", small.get(SparkSessions.WHOLE_STAGE_CODEGEN));
        assertEquals("NO_CODEGEN", small.get(SparkSessions.CODEGEN_FACTORY_MODE));
        assertEquals("false", small.get(SparkSessions.STATS_SKIPPING));
        assertEquals("false", small.get(SparkSessions.RUNTIME_BLOOM_FILTER));
        assertEquals("false", small.get(SparkSessions.ALL_FILES_IN_CRC));
        assertEquals("false", small.get(SparkSessions.ADAPTIVE));
        assertEquals("2", small.get(SparkSessions.SHUFFLE_PARTITIONS));
        assertEquals("1", SparkSessions.forInput(3_000_000, 1).get(SparkSessions.SHUFFLE_PARTITIONS));
        assertTrue(SparkSessions.forInput(SparkSessions.SMALL_INPUT_BYTES, 8).isEmpty());
    }

    @Test
    void compiledValuesAndBenchmarksEqualTheInterpretedSampleRun() {
        Warehouse sample = SampleRun.warehouse();
        Catalogue catalogue = CatalogueLoader.load(Path.of("pipelines/indicators.yaml"));
        sample.withConf(COMPILED, () -> {
            Dataset<Row> values = IndicatorValues.fact(IndicatorValues.compute(sample.read(LoadJob.OBSERVATION),
                    sample.read(ReferenceTables.POPULATION), catalogue));
            assertSame(sample.read(FactIndicatorValue.TABLE.name()), values);

            Dataset<Row> benchmarks = Benchmarks.fact(Benchmarks.compute(MetricsJob.values(sample),
                    sample.read(NeighbourTransform.TABLE), sample.read(ReferenceTables.CODE_CHANGE),
                    sample.read(ScorecardWideTransform.TABLE), catalogue));
            assertSame(sample.read(FactBenchmark.TABLE.name()), benchmarks);
        });
    }

    @Test
    void readingSomePeriodsGivesTheSameRowsWithAndWithoutFileStatistics() {
        Warehouse sample = SampleRun.warehouse();
        List<Long> periods = sample.read(FactIndicatorValue.TABLE.name()).select(Star.PERIOD_KEY).distinct()
                .orderBy(Star.PERIOD_KEY).limit(5).collectAsList().stream().map(r -> r.getLong(0)).toList();
        List<Row> withStatistics = new ArrayList<>();
        sample.withConf(COMPILED, () -> withStatistics.addAll(MetricsJob.values(sample, periods).collectAsList()));
        List<Row> without = new ArrayList<>();
        sample.withConf(SparkSessions.forInput(0, 2), () -> without.addAll(MetricsJob.values(sample, periods)
                .collectAsList()));
        assertTrue(without.size() > 100, "the periods' values: " + without.size());
        assertEquals(new HashSet<>(without), new HashSet<>(withStatistics));
        assertEquals(without.size(), withStatistics.size());
    }

    private static void assertSame(Dataset<Row> interpreted, Dataset<Row> compiled) {
        Dataset<Row> ordered = compiled.selectExpr(interpreted.columns());
        long rows = interpreted.count();
        assertTrue(rows > 20_000, "the sample run's table has its rows: " + rows);
        assertEquals(rows, ordered.count());
        assertEquals(0, interpreted.exceptAll(ordered).count(), "rows only the interpreted run has");
        assertEquals(0, ordered.exceptAll(interpreted).count(), "rows only the compiled run has");
    }
}

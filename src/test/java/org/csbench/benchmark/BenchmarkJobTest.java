package org.csbench.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.config.CatalogueLoader;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.delta.Warehouse;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ReferenceTables;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.metrics.MetricsJob;

/** The benchmarking step's code limit, set for large inputs only, changes how fast it runs and nothing else. */
class BenchmarkJobTest {
    @Test
    void operatorByOperatorAndCompiledWholeGiveTheSameRows() {
        Warehouse warehouse = SampleRun.warehouse();
        AtomicReference<Dataset<Row>> byOperator = new AtomicReference<>();
        warehouse.withConf(Map.of("spark.sql.codegen.hugeMethodLimit", "8000"),
                () -> byOperator.set(benchmark(warehouse).localCheckpoint()));
        Dataset<Row> whole = benchmark(warehouse).localCheckpoint();
        assertTrue(whole.count() > 20_000, "rows compared: " + whole.count());
        assertEquals(0, whole.exceptAll(byOperator.get()).count());
        assertEquals(0, byOperator.get().exceptAll(whole).count());
        // What the run wrote (the sample is small: compiled whole) is the same too.
        assertEquals(0, warehouse.read(FactBenchmark.TABLE.name()).exceptAll(byOperator.get()).count());
    }

    private static Dataset<Row> benchmark(Warehouse warehouse) {
        return Benchmarks.fact(Benchmarks.compute(MetricsJob.values(warehouse), warehouse.read(NeighbourTransform.TABLE),
                warehouse.read(ReferenceTables.CODE_CHANGE), warehouse.read(ScorecardWideTransform.TABLE),
                CatalogueLoader.load(Path.of("pipelines/indicators.yaml"))));
    }
}

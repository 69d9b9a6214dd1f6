package org.csbench;

import java.nio.file.Path;

import org.csbench.config.Catalogue;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.metrics.MetricsJob;

/** Warehouses loaded once per test run and shared (read-only) by the test classes that need them. */
public final class TestWarehouses {
    private static Warehouse sharedDfe;
    private static PipelineSpec sharedDfeSpec;
    private static boolean sharedDfeIndicators;

    private TestWarehouses() {
    }

    /** The annual pipeline's sources loaded from the full published files in ../shared/data/dfe. */
    public static synchronized Warehouse sharedDfe() {
        if (sharedDfe == null) {
            sharedDfe = SparkTestSession.newWarehouse("shared");
            new LoadJob(sharedDfe, message -> { }).run(sharedDfeSpec());
        }
        return sharedDfe;
    }

    /** {@link #sharedDfe()} with the catalogue's indicators computed ({@code gold.indicator_value} and windows). */
    public static synchronized Warehouse sharedDfeWithIndicators() {
        Warehouse warehouse = sharedDfe();
        if (!sharedDfeIndicators) {
            Catalogue catalogue = CatalogueLoader.load(Path.of("pipelines/indicators.yaml"));
            WarehouseTransaction.run(warehouse, tx -> new MetricsJob(warehouse).run(catalogue, tx, "tests"));
            sharedDfeIndicators = true;
        }
        return warehouse;
    }

    public static synchronized PipelineSpec sharedDfeSpec() {
        if (sharedDfeSpec == null) {
            sharedDfeSpec = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"),
                    SparkTestSession.sharedData().resolve("dfe"));
        }
        return sharedDfeSpec;
    }
}

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
    private static Warehouse publishedDfe;
    private static PipelineSpec publishedDfeSpec;
    private static boolean publishedDfeIndicators;

    private TestWarehouses() {
    }

    /** The annual pipeline's sources loaded from the full published files in data-samples/published/dfe. */
    public static synchronized Warehouse publishedDfe() {
        if (publishedDfe == null) {
            publishedDfe = SparkTestSession.newWarehouse("published");
            new LoadJob(publishedDfe, message -> { }).run(publishedDfeSpec());
        }
        return publishedDfe;
    }

    /** {@link #publishedDfe()} with the catalogue's indicators computed ({@code gold.indicator_value} and windows). */
    public static synchronized Warehouse publishedDfeWithIndicators() {
        Warehouse warehouse = publishedDfe();
        if (!publishedDfeIndicators) {
            Catalogue catalogue = CatalogueLoader.load(Path.of("pipelines/indicators.yaml"));
            WarehouseTransaction.run(warehouse, tx -> new MetricsJob(warehouse).run(catalogue, tx, "tests"));
            publishedDfeIndicators = true;
        }
        return warehouse;
    }

    public static synchronized PipelineSpec publishedDfeSpec() {
        if (publishedDfeSpec == null) {
            publishedDfeSpec = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"),
                    SparkTestSession.publishedData().resolve("dfe"));
        }
        return publishedDfeSpec;
    }
}

package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import org.csbench.config.Catalogue;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.ReferenceTables;

/**
 * Computes the catalogue's indicators from {@code silver.observation} and {@code reference.population} and
 * replaces {@code gold.indicator_value}, {@code gold.published_discrepancy} and {@code gold.indicator_window}.
 */
public final class MetricsJob {
    private final Warehouse warehouse;

    public MetricsJob(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * What the job wrote.
     *
     * @param values        indicator values written
     * @param discrepancies published figures that differ from the computed ones
     * @param unexplained   of those, the ones input rounding or missing authorities do not explain
     * @param tables        the tables written
     */
    public record Result(long values, long discrepancies, long unexplained, List<LoadJob.TableResult> tables) {
    }

    public Result run(Catalogue catalogue, WarehouseTransaction tx, String note) {
        long t0 = System.nanoTime();
        tx.touch(IndicatorValues.TABLE);
        warehouse.overwrite(IndicatorValues.TABLE, IndicatorValues.compute(warehouse.read(LoadJob.OBSERVATION),
                warehouse.read(ReferenceTables.POPULATION), catalogue), note);
        LoadJob.TableResult valueTable = written(IndicatorValues.TABLE, t0);
        // Later steps read the values back from the table just written: columnar and compressed, cheaper than
        // keeping millions of rows cached.
        Dataset<Row> values = warehouse.read(IndicatorValues.TABLE);

        long t1 = System.nanoTime();
        tx.touch(IndicatorValues.DISCREPANCY_TABLE);
        warehouse.overwrite(IndicatorValues.DISCREPANCY_TABLE, IndicatorValues.discrepancies(values), note);
        LoadJob.TableResult discrepancyTable = written(IndicatorValues.DISCREPANCY_TABLE, t1);
        long unexplained = discrepancyTable.rowsWritten() == 0 ? 0
                : warehouse.read(IndicatorValues.DISCREPANCY_TABLE).filter(col(IndicatorValues.EXPLAINED).equalTo(false))
                        .count();

        long t2 = System.nanoTime();
        tx.touch(Windows.TABLE);
        warehouse.overwrite(Windows.TABLE, Windows.compute(values, catalogue), note);
        LoadJob.TableResult windowTable = written(Windows.TABLE, t2);
        return new Result(valueTable.rowsWritten(), discrepancyTable.rowsWritten(), unexplained,
                List.of(valueTable, discrepancyTable, windowTable));
    }

    private LoadJob.TableResult written(String table, long start) {
        long rows = Long.parseLong(warehouse.lastCommitMetrics(table).getOrDefault("numOutputRows", "0"));
        return new LoadJob.TableResult(table, rows, warehouse.version(table).orElse(-1L), (System.nanoTime() - start) / 1e9);
    }
}

package org.csbench.benchmark;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.config.Catalogue;
import org.csbench.contract.Star;
import org.csbench.contract.Star.FactBenchmark;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ReferenceTables;
import org.csbench.ingest.ScorecardWideTransform;
import org.csbench.metrics.MetricsJob;
import org.csbench.metrics.RefreshScope;
import org.csbench.model.Columns;

/**
 * Replaces {@code gold.fact_benchmark} from the indicator values, the neighbour models, the code-change table
 * and any council scorecard extracts. A pipeline without neighbour models or code changes still benchmarks
 * against region, England, targets and time (those comparators are then empty).
 */
public final class BenchmarkJob {
    public static final String CODE_CHANGE_TABLE = ReferenceTables.CODE_CHANGE;

    private static final StructType NO_NEIGHBOURS = new StructType()
            .add(NeighbourTransform.MODEL, DataTypes.StringType).add(NeighbourTransform.VALID_FROM, DataTypes.IntegerType)
            .add(NeighbourTransform.VALID_TO, DataTypes.IntegerType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
            .add(NeighbourTransform.RANK, DataTypes.IntegerType).add(NeighbourTransform.NEIGHBOUR_CODE, DataTypes.StringType);
    private static final StructType NO_CHANGES = new StructType()
            .add(Boundaries.EFFECTIVE_YEAR, DataTypes.IntegerType).add(Boundaries.CHANGE_TYPE, DataTypes.StringType)
            .add(Boundaries.FROM, DataTypes.StringType).add(Boundaries.TO, DataTypes.StringType);

    /** Indicator values from which the last stage runs operator by operator rather than compiled whole. */
    static final long OPERATOR_BY_OPERATOR_FROM = 1_000_000;

    private final Warehouse warehouse;

    public BenchmarkJob(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Rows written to {@code gold.fact_benchmark}, and the table's result line. */
    public record Result(long rows, LoadJob.TableResult table) {
    }

    public Result run(Catalogue catalogue, WarehouseTransaction tx, String note) {
        return run(catalogue, tx, note, null);
    }

    /**
     * As {@link #run}, for the periods whose benchmarks {@code scope} changes only ({@link
     * RefreshScope.Periods#benchmarked}): they are computed from the values of those periods and the periods
     * before them, and replace those periods' rows. A period's comparators and ranks read only its own values, and
     * its direction of travel the period before and the same period a year earlier.
     */
    public Result refresh(Catalogue catalogue, WarehouseTransaction tx, String note, RefreshScope.Periods scope) {
        return run(catalogue, tx, note, scope);
    }

    private Result run(Catalogue catalogue, WarehouseTransaction tx, String note, RefreshScope.Periods scope) {
        long t0 = System.nanoTime();
        Dataset<Row> values = scope == null ? MetricsJob.values(warehouse)
                : MetricsJob.values(warehouse, scope.benchmarkInputs());
        Dataset<Row> neighbours = orEmpty(NeighbourTransform.TABLE, NO_NEIGHBOURS);
        Dataset<Row> changes = orEmpty(CODE_CHANGE_TABLE, NO_CHANGES);
        Dataset<Row> scorecards = warehouse.exists(ScorecardWideTransform.TABLE)
                ? warehouse.read(ScorecardWideTransform.TABLE) : null;
        String table = FactBenchmark.TABLE.name();
        tx.touch(table);
        // Large inputs only: the last stage's one 32 KB generated method is left interpreted by HotSpot at England
        // scale, so there it runs operator by operator (code limit 8,000 bytes); small inputs run faster compiled
        // whole (see the commit and src/PERFORMANCE.md). Rows of one indicator and period are already together, so
        // the travel join need not move them again to partition by its authority key too.
        Map<String, String> settings = new HashMap<>(Map.of("spark.sql.requireAllClusterKeysForCoPartition", "false"));
        long valueRows = warehouse.lastCommitRows(FactIndicatorValue.TABLE.name());
        if (valueRows >= OPERATOR_BY_OPERATOR_FROM) {
            settings.put("spark.sql.codegen.hugeMethodLimit", "8000");
        }
        Dataset<Row> fact = Benchmarks.fact(values, neighbours, changes, scorecards, catalogue);
        warehouse.withConf(settings, () -> {
            if (scope == null) {
                warehouse.overwrite(table, fact, note);
            } else {
                warehouse.replaceWhere(table, fact.filter(RefreshScope.Periods.isIn(col(Star.PERIOD_KEY),
                        scope.benchmarked())), RefreshScope.Periods.in(Star.PERIOD_KEY, scope.benchmarked()), note);
            }
        });
        long rows = warehouse.lastCommitRows(table);
        return new Result(rows, new LoadJob.TableResult(table, rows, warehouse.version(table).orElse(-1L),
                (System.nanoTime() - t0) / 1e9));
    }

    private Dataset<Row> orEmpty(String table, StructType schema) {
        return warehouse.exists(table) ? warehouse.read(table)
                : warehouse.spark().createDataFrame(List.of(), schema);
    }
}

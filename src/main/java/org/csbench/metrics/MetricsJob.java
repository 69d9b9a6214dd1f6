package org.csbench.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import org.csbench.config.Catalogue;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Keys;
import org.csbench.contract.Star;
import org.csbench.contract.Star.BridgeStatisticalNeighbour;
import org.csbench.contract.Star.DimArea;
import org.csbench.contract.Star.DimCode;
import org.csbench.contract.Star.DimIndicator;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactIndicatorValue;
import org.csbench.contract.Star.FactIndicatorWindow;
import org.csbench.contract.Star.FactRevision;
import org.csbench.contract.TableDef;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.ingest.LoadJob;
import org.csbench.ingest.NeighbourTransform;
import org.csbench.ingest.ReferenceTables;
import org.csbench.model.Columns;

/**
 * Computes the catalogue's indicators from {@code silver.observation} and {@code reference.population} and replaces
 * the star's dimensions ({@code gold.dim_indicator}, {@code gold.dim_area}, {@code gold.dim_period},
 * {@code gold.dim_code}), the bridge of statistical neighbours ({@code gold.bridge_statistical_neighbour}) and its
 * value facts ({@code gold.fact_indicator_value}, {@code gold.fact_indicator_window}) and the revisions between
 * releases ({@code gold.fact_revision}).
 */
public final class MetricsJob {
    /** {@code reference.statistical_neighbour}'s columns the bridge reads, for a pipeline without models. */
    private static final StructType NO_NEIGHBOURS = new StructType()
            .add(NeighbourTransform.MODEL, DataTypes.StringType).add(NeighbourTransform.VALID_FROM, DataTypes.IntegerType)
            .add(NeighbourTransform.VALID_TO, DataTypes.IntegerType).add(Columns.OLD_LA_CODE, DataTypes.StringType)
            .add(NeighbourTransform.RANK, DataTypes.IntegerType)
            .add(NeighbourTransform.NEIGHBOUR_CODE, DataTypes.StringType)
            .add(NeighbourTransform.CLOSENESS, DataTypes.StringType);

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

    /** Recomputes every indicator value, window, dimension and revision from the observations. */
    public Result run(Catalogue catalogue, WarehouseTransaction tx, String note) {
        return run(catalogue, tx, note, null);
    }

    /**
     * As {@link #run}, but the indicator values and windows are recomputed only for the periods {@code scope} names,
     * replacing those periods' rows of {@code gold.fact_indicator_value} and {@code gold.fact_indicator_window}: a
     * value reads only the observations of its own area and period, the population and the catalogue; a window only
     * the values of its own periods (its financial year's months for a year to date or quarter). The caller makes
     * sure the population and the catalogue are as the values of the other periods were computed with; the
     * dimensions and revisions are rebuilt whole.
     */
    public Result refresh(Catalogue catalogue, WarehouseTransaction tx, String note, RefreshScope.Periods scope) {
        return run(catalogue, tx, note, scope);
    }

    /** The catalogue's indicators as {@code gold.dim_indicator} holds them is not how {@code catalogue} says them. */
    public boolean catalogueChanged(Catalogue catalogue) {
        if (!warehouse.exists(DimIndicator.TABLE.name())) {
            return true;
        }
        Dataset<Row> now = Dimensions.catalogueIndicators(warehouse.spark(), catalogue).drop(DimIndicator.SOURCES);
        Dataset<Row> before = warehouse.read(DimIndicator.TABLE.name()).drop(DimIndicator.SOURCES)
                .select(now.columns()[0], java.util.Arrays.copyOfRange(now.columns(), 1, now.columns().length));
        return !now.exceptAll(before).isEmpty() || !before.exceptAll(now).isEmpty();
    }

    private Result run(Catalogue catalogue, WarehouseTransaction tx, String note, RefreshScope.Periods scope) {
        Dataset<Row> observations = warehouse.read(LoadJob.OBSERVATION);
        // The values, the revisions, the three dimensions and the neighbours' bridge read the loaded tables, not
        // each other: written at the same time, the values (the longest) first.
        LoadJob.TableResult[] written = new LoadJob.TableResult[6];
        tx.inParallel(List.of(
                () -> written[0] = scope == null
                        ? write(FactIndicatorValue.TABLE, IndicatorValues.fact(IndicatorValues.compute(observations,
                                warehouse.read(ReferenceTables.POPULATION), catalogue)), tx, note)
                        : replace(FactIndicatorValue.TABLE, IndicatorValues.fact(IndicatorValues.compute(observations
                                .filter(col(Columns.PERIOD_END).between(scope.first(), scope.last()))
                                .filter(RefreshScope.Periods.isIn(Keys.period(col(Columns.PERIOD_TYPE),
                                        col(Columns.PERIOD_END)), scope.loaded())),
                                warehouse.read(ReferenceTables.POPULATION), catalogue)), scope.loaded(), tx, note),
                // Each value a later release changed, against the release before it (empty while every source has
                // one).
                () -> written[1] = write(FactRevision.TABLE, Revisions.fact(observations,
                        warehouse.read(ReferenceTables.POPULATION), warehouse.exists(ReferenceTables.CODE_CHANGE)
                                ? warehouse.read(ReferenceTables.CODE_CHANGE) : null, catalogue), tx, note),
                () -> written[2] = write(DimIndicator.TABLE, Dimensions.indicators(warehouse.spark(), catalogue,
                        observations), tx, note),
                () -> written[3] = write(DimArea.TABLE, Dimensions.areas(observations,
                        warehouse.read(ReferenceTables.REGION), warehouse.exists(ReferenceTables.CODE_CHANGE)
                                ? warehouse.read(ReferenceTables.CODE_CHANGE) : null), tx, note),
                () -> written[4] = write(DimCode.TABLE, Dimensions.codes(warehouse.spark()), tx, note),
                () -> written[5] = write(BridgeStatisticalNeighbour.TABLE, Dimensions.neighbours(
                        warehouse.exists(NeighbourTransform.TABLE) ? warehouse.read(NeighbourTransform.TABLE)
                                : warehouse.spark().createDataFrame(List.of(), NO_NEIGHBOURS)), tx, note)));
        // In the order the summary lists them: dimensions, then facts.
        List<LoadJob.TableResult> tables = new ArrayList<>(List.of(written[2], written[3], written[4], written[5],
                written[0], written[1]));
        LoadJob.TableResult valueTable = written[0];

        // The windows read the values back from the table just written (columnar and compressed: cheaper than
        // keeping millions of rows cached), with the attributes of the dimensions.
        Dataset<Row> candidates = Dimensions.periodCandidates(observations).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> fact = warehouse.read(FactIndicatorValue.TABLE.name());
            if (scope == null) {
                tables.add(write(FactIndicatorWindow.TABLE, Windows.fact(Windows.compute(IndicatorValues.wide(fact,
                        warehouse.read(DimIndicator.TABLE.name()), warehouse.read(DimArea.TABLE.name()), candidates),
                        catalogue)), tx, note));
            } else {
                // The windows over the loaded periods, from the values of the years around them.
                Dataset<Row> around = candidates.filter(col(DimPeriod.END).between(scope.windowInputsFrom(),
                        scope.windowInputsTo()));
                Dataset<Row> windows = Windows.fact(Windows.compute(IndicatorValues.wide(fact,
                        warehouse.read(DimIndicator.TABLE.name()), warehouse.read(DimArea.TABLE.name()), around),
                        catalogue));
                tables.add(replace(FactIndicatorWindow.TABLE, windows.filter(RefreshScope.Periods.isIn(
                        col(Star.PERIOD_KEY), scope.windows())), scope.windows(), tx, note));
            }
            Dataset<Row> used = fact.select(Star.PERIOD_KEY)
                    .union(warehouse.read(FactIndicatorWindow.TABLE.name()).select(Star.PERIOD_KEY))
                    .union(warehouse.read(FactRevision.TABLE.name()).select(Star.PERIOD_KEY));
            Dataset<Row> periods = Dimensions.periods(candidates, used);
            if (scope != null && warehouse.exists(FactDataQuality.TABLE.name())) {
                // A refresh keeps the anomalies of the series it does not extend, and with them the gaps (periods
                // with no value anywhere) that they name.
                periods = periods.unionByName(warehouse.read(DimPeriod.TABLE.name())
                        .join(warehouse.read(FactDataQuality.TABLE.name()).select(col(Star.PERIOD_KEY)),
                                Star.PERIOD_KEY, "left_semi")
                        .join(periods.select(col(Star.PERIOD_KEY)), Star.PERIOD_KEY, "left_anti"));
            }
            tables.add(write(DimPeriod.TABLE, periods, tx, note));
        } finally {
            candidates.unpersist();
        }
        Row checks = warehouse.read(FactIndicatorValue.TABLE.name()).agg(
                count(when(col(FactIndicatorValue.PUBLISHED_CHECK).notEqual(CodeSet.PUBLISHED_CHECK.code("matches"))
                        .and(col(FactIndicatorValue.PUBLISHED_CHECK)
                                .notEqual(CodeSet.PUBLISHED_CHECK.code("published_input_suppressed"))), 1)),
                count(when(col(FactIndicatorValue.PUBLISHED_CHECK).equalTo(CodeSet.PUBLISHED_CHECK.code("unexplained")),
                        1))).first();
        return new Result(valueTable.rowsWritten(), checks.getLong(0), checks.getLong(1), tables);
    }

    /**
     * The indicator values with their dimensions' attributes, as the benchmarking and detection steps read them
     * (see {@link IndicatorValues#wide}).
     */
    public static Dataset<Row> values(Warehouse warehouse) {
        return IndicatorValues.wide(warehouse.read(FactIndicatorValue.TABLE.name()),
                warehouse.read(DimIndicator.TABLE.name()), warehouse.read(DimArea.TABLE.name()),
                warehouse.read(DimPeriod.TABLE.name()));
    }

    /** As {@link #values(Warehouse)}, of the periods {@code periodKeys} only. */
    public static Dataset<Row> values(Warehouse warehouse, List<Long> periodKeys) {
        return IndicatorValues.wide(warehouse.read(FactIndicatorValue.TABLE.name())
                        .filter(RefreshScope.Periods.isIn(col(Star.PERIOD_KEY), periodKeys)),
                warehouse.read(DimIndicator.TABLE.name()), warehouse.read(DimArea.TABLE.name()),
                warehouse.read(DimPeriod.TABLE.name()).filter(RefreshScope.Periods.isIn(col(Star.PERIOD_KEY),
                        periodKeys)));
    }

    /** Replaces the rows of {@code periods} (period keys) of {@code table} with {@code rows}, all of those periods. */
    private LoadJob.TableResult replace(TableDef table, Dataset<Row> rows, List<Long> periods, WarehouseTransaction tx,
            String note) {
        long start = System.nanoTime();
        tx.touch(table.name());
        warehouse.replaceWhere(table.name(), rows, RefreshScope.Periods.in(Star.PERIOD_KEY, periods), note);
        long written = warehouse.lastCommitRows(table.name());
        return new LoadJob.TableResult(table.name(), written, warehouse.version(table.name()).orElse(-1L),
                (System.nanoTime() - start) / 1e9);
    }

    private LoadJob.TableResult write(TableDef table, Dataset<Row> rows, WarehouseTransaction tx, String note) {
        long start = System.nanoTime();
        tx.touch(table.name());
        warehouse.overwrite(table.name(), rows, note);
        long written = warehouse.lastCommitRows(table.name());
        return new LoadJob.TableResult(table.name(), written, warehouse.version(table.name()).orElse(-1L),
                (System.nanoTime() - start) / 1e9);
    }
}

package org.csbench.delta;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.csbench.contract.ColumnDef;
import org.csbench.contract.TableDef;

/**
 * {@code audit.run}: one row per complete run, written as the run's last commit, with the version of every table
 * the warehouse held when it finished. Readers read those versions ({@link Warehouse#published}); a run that finds
 * the tables ahead of them (a run killed in the middle) puts them back first.
 */
public final class RunLog {
    public static final String TABLE = "audit.run";
    /** {@code audit.load_audit}: one row per file loaded, with the run ({@code load_id}) and release ({@code vintage}). */
    public static final String LOAD_AUDIT = "audit.load_audit";
    public static final String RUN_ID = "run_id";
    public static final String OUTCOME = "outcome";
    public static final String FINISHED_AT = "finished_at";
    public static final String HOST = "host";
    public static final String PID = "pid";
    public static final String TABLE_VERSIONS = "table_versions";
    /** The run finished and every table it wrote is complete. */
    public static final String COMPLETE = "complete";
    /** The tables of a warehouse written before runs were logged, taken as they were. */
    public static final String ADOPTED = "adopted";
    /** The tables were put back as the last complete run left them, after a run was killed. */
    public static final String RESTORED = "restored";

    public static final TableDef CONTRACT = TableDef.of(TABLE, "one row per complete run",
            "Every run that finished, with the version of each table it left; readers read these versions",
            ColumnDef.text(RUN_ID, "The run's id (the load id its rows carry)"),
            ColumnDef.text(OUTCOME, "complete; adopted (tables written before runs were logged); restored (tables put "
                    + "back after a killed run)"),
            new ColumnDef(FINISHED_AT, DataTypes.TimestampType, null, "When the run finished (UTC)"),
            ColumnDef.text(HOST, "The machine the run's driver ran on"),
            new ColumnDef(PID, DataTypes.LongType, null, "The driver's process id"),
            new ColumnDef(TABLE_VERSIONS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), null,
                    "Each table's Delta version when the run finished"));

    /** The last complete run: its id, outcome and table versions. */
    public record Run(String runId, String outcome, Map<String, Long> tableVersions) {
    }

    private RunLog() {
    }

    /** The last run that completed, if any run was logged. */
    public static Optional<Run> lastComplete(Warehouse warehouse) {
        if (!warehouse.exists(TABLE)) {
            return Optional.empty();
        }
        List<Row> last = warehouse.read(TABLE).orderBy(col(FINISHED_AT).desc()).limit(1).collectAsList();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Row row = last.get(0);
        return Optional.of(new Run(row.getAs(RUN_ID), row.getAs(OUTCOME),
                Map.copyOf(row.<String, Long>getJavaMap(row.fieldIndex(TABLE_VERSIONS)))));
    }

    /**
     * The run a reader asks for with {@code --as-of}: the run with that id, or for a release label the last complete
     * run that loaded it (its rows carry it as their vintage in {@link #LOAD_AUDIT}).
     */
    public static Optional<Run> asOf(Warehouse warehouse, String runOrRelease) {
        if (!warehouse.exists(TABLE)) {
            return Optional.empty();
        }
        Dataset<Row> runs = warehouse.read(TABLE);
        Dataset<Row> chosen = runs.filter(col(RUN_ID).equalTo(runOrRelease));
        if (chosen.isEmpty() && warehouse.exists(LOAD_AUDIT)) {
            Dataset<Row> loads = warehouse.read(LOAD_AUDIT).filter(col("vintage").equalTo(runOrRelease))
                    .select(col("load_id").as("_load_id"));
            chosen = runs.filter(col(OUTCOME).equalTo(COMPLETE))
                    .join(loads, col(RUN_ID).equalTo(col("_load_id")), "left_semi");
        }
        return chosen.orderBy(col(FINISHED_AT).desc()).limit(1).collectAsList().stream().findFirst()
                .map(row -> new Run(row.getAs(RUN_ID), row.getAs(OUTCOME),
                        Map.copyOf(row.<String, Long>getJavaMap(row.fieldIndex(TABLE_VERSIONS)))));
    }

    /** Logs a run that left the tables at {@code versions} (the run's last commit); returns what it logged. */
    static Run record(Warehouse warehouse, WarehouseLock.Owner owner, String outcome, Map<String, Long> versions) {
        StructType schema = CONTRACT.schema();
        Row row = CONTRACT.row().set(RUN_ID, owner.runId()).set(OUTCOME, outcome)
                .set(FINISHED_AT, Timestamp.from(Instant.now())).set(HOST, owner.host()).set(PID, owner.pid())
                .set(TABLE_VERSIONS, new java.util.TreeMap<>(versions)).build();
        warehouse.append(TABLE, warehouse.spark().createDataFrame(List.of(row), schema), "csbench run " + owner.runId());
        return new Run(owner.runId(), outcome, Map.copyOf(versions));
    }
}

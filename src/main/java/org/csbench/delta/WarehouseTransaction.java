package org.csbench.delta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the writes of one run all-or-nothing across tables, for readers and for the next run, even when the run is
 * killed. Delta commits are atomic per table; a run writes many tables, so:
 * <ul>
 * <li>a run holds the warehouse's lock ({@link WarehouseLock}) from before its first write until after its last, so
 * no two runs write at once and no run undoes another's commits;</li>
 * <li>its last commit logs the version of every table ({@link RunLog}); readers read those versions
 * ({@link Warehouse#published}), never a run's half-written tables;</li>
 * <li>when a run fails, and when a run finds the lock of a run that was killed, every table is put back as the last
 * complete run left it (RESTORE to its logged version; a table it did not have is removed).</li>
 * </ul>
 */
public final class WarehouseTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseTransaction.class);
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Warehouse warehouse;
    private final String runId;
    private volatile String current = "";
    /** The table this thread is writing, for {@link #inParallel}'s failures. */
    private final ThreadLocal<String> touchedHere = new ThreadLocal<>();
    private final Map<Throwable, String> failedWrites = Collections.synchronizedMap(new IdentityHashMap<>());

    WarehouseTransaction(Warehouse warehouse, String runId) {
        this.warehouse = warehouse;
        this.runId = runId;
    }

    /** The run's id: the load id its rows carry. */
    public String runId() {
        return runId;
    }

    /** Notes that the run is about to write {@code table}, for the message of a failure. */
    public void touch(String table) {
        current = table;
        touchedHere.set(table);
    }

    /**
     * Runs writes to different tables at the same time ({@link Warehouse#inParallel}); a failure names the table whose
     * write failed, not the one another thread touched last.
     */
    public void inParallel(List<Runnable> writes) {
        warehouse.inParallel(writes.stream().<Runnable>map(write -> () -> {
            try {
                write.run();
            } catch (Throwable e) { // rethrown as it is (Spark's checked exceptions too), its table noted
                failedWrites.put(e, touchedHere.get() == null ? "" : touchedHere.get());
                throw e;
            }
        }).toList());
    }

    /** The table a failure in {@link #inParallel} happened in, else the one touched last. */
    private String failedTable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String table = failedWrites.get(e);
            if (table != null && !table.isEmpty()) {
                return table;
            }
        }
        return current.isEmpty() ? "the warehouse" : current;
    }

    /** {@link #run(Warehouse, Consumer, Function)} with notices logged. */
    public static <T> T run(Warehouse warehouse, Function<WarehouseTransaction, T> work) {
        return run(warehouse, LOG::warn, work);
    }

    /**
     * Runs {@code work} holding the warehouse's lock. A killed run found first is undone and {@code notice} told. If
     * {@code work} throws, every table is put back as the last complete run left it, and an unexpected failure is
     * reported as a user-facing error naming the table being written and saying whether the restore succeeded.
     */
    public static <T> T run(Warehouse warehouse, Consumer<String> notice, Function<WarehouseTransaction, T> work) {
        String runId = RUN_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.root(),
                warehouse.spark().sparkContext().hadoopConfiguration(), runId)) {
            Optional<RunLog.Run> complete = RunLog.lastComplete(warehouse);
            if (lock.takenOverFrom().isPresent()) {
                String what = restore(warehouse, complete);
                notice.accept("the previous run, " + lock.takenOverFrom().get() + ", did not finish: " + what);
                complete = Optional.of(RunLog.record(warehouse, lock.owner(), RunLog.RESTORED, warehouse.versions()));
            } else if (complete.isEmpty() && !warehouse.versions().isEmpty()) {
                complete = Optional.of(RunLog.record(warehouse, lock.owner(), RunLog.ADOPTED, warehouse.versions()));
            }
            WarehouseTransaction tx = new WarehouseTransaction(warehouse, runId);
            try {
                T result = work.apply(tx);
                Map<String, Long> versions = warehouse.versions();
                if (complete.isEmpty() || !versions.equals(complete.get().tableVersions())) {
                    RunLog.record(warehouse, lock.owner(), RunLog.COMPLETE, versions);
                }
                return result;
            } catch (CsbenchException e) {
                restoreAfterFailure(warehouse, complete, tx, e);
                throw e;
            } catch (Exception e) { // Spark and Delta throw AnalysisException, a checked exception, undeclared
                String where = tx.failedTable(e);
                try {
                    restore(warehouse, complete);
                } catch (RuntimeException restoreFailure) {
                    throw Errors.writeFailedNotRestored(where, rootMessage(e), rootMessage(restoreFailure), e);
                }
                throw Errors.writeFailed(where, rootMessage(e), complete.map(run -> "the versions the last complete "
                        + "run (" + run.runId() + ") left").orElse("empty: no run had completed"), e);
            }
        }
    }

    private static void restoreAfterFailure(Warehouse warehouse, Optional<RunLog.Run> complete,
            WarehouseTransaction tx, CsbenchException failure) {
        try {
            restore(warehouse, complete);
        } catch (RuntimeException restoreFailure) {
            LOG.error("After '{}', restoring the tables failed too ({}); the next run restores them",
                    failure.getMessage(), rootMessage(restoreFailure));
        }
    }

    /**
     * Puts every table back as {@code complete} left it: a table ahead of its logged version is restored to it, a
     * table the run did not have is removed. Returns what it did, in a few words.
     */
    static String restore(Warehouse warehouse, Optional<RunLog.Run> complete) {
        Map<String, Long> logged = complete.map(RunLog.Run::tableVersions).orElse(Map.of());
        List<String> restored = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Long> table : warehouse.versions().entrySet()) {
            Long version = logged.get(table.getKey());
            if (version == null) {
                warehouse.drop(table.getKey());
                removed.add(table.getKey());
            } else if (table.getValue() > version) {
                warehouse.restore(table.getKey(), version);
                restored.add(table.getKey());
            }
        }
        if (restored.isEmpty() && removed.isEmpty()) {
            return "no table had changed";
        }
        return String.format("%d tables restored and %d removed, as %s left them", restored.size(), removed.size(),
                complete.map(run -> "the last complete run (" + run.runId() + ")").orElse("no complete run had"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

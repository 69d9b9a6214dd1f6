package org.csbench.delta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.csbench.model.CsbenchException;
import org.csbench.model.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the writes of one run all-or-nothing across tables. Delta commits are atomic per table; a run
 * writes several tables, so before its first write to a table the transaction notes the table's version,
 * and {@link #rollback()} restores every touched table to that version (and removes tables the run
 * created). Jobs check their inputs before the first write, so a bad file never reaches this point; this
 * covers failures in the middle of writing (disk full, a lost executor, a bug).
 */
public final class WarehouseTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseTransaction.class);

    private final Warehouse warehouse;
    private final Map<String, Optional<Long>> before = new LinkedHashMap<>();
    private String current = "";

    WarehouseTransaction(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Records the version of {@code table} before this transaction first writes it. */
    public synchronized void touch(String table) {
        current = table;
        before.computeIfAbsent(table, warehouse::version);
    }

    /**
     * Runs {@code work} in a new transaction: if it throws, every table it touched is rolled back, and an
     * unexpected failure is reported as a user-facing error naming the table being written.
     */
    public static <T> T run(Warehouse warehouse, java.util.function.Function<WarehouseTransaction, T> work) {
        WarehouseTransaction tx = warehouse.begin();
        try {
            return work.apply(tx);
        } catch (CsbenchException e) {
            tx.rollback();
            throw e;
        } catch (Exception e) { // Spark and Delta throw AnalysisException, a checked exception, undeclared
            tx.rollback();
            throw Errors.writeFailed(tx.current.isEmpty() ? "the warehouse" : tx.current, rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The versions noted before the writes: empty for tables that did not exist. */
    public Map<String, Optional<Long>> versionsBefore() {
        return Map.copyOf(before);
    }

    /** Undoes every write of this transaction. */
    public void rollback() {
        for (Map.Entry<String, Optional<Long>> entry : before.entrySet()) {
            String table = entry.getKey();
            try {
                if (entry.getValue().isEmpty()) {
                    warehouse.drop(table);
                } else {
                    long version = entry.getValue().get();
                    Optional<Long> now = warehouse.version(table);
                    if (now.isPresent() && now.get() > version) {
                        warehouse.restore(table, version);
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("Could not roll back {} to its version before this run: {}", table, e.getMessage());
            }
        }
    }
}

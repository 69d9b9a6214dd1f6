package org.csbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.cli.Csbench;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseLock;

/** A run started while another holds the warehouse stops at once with one line naming the holder, writing nothing. */
class ConcurrentRunTest {
    @Test
    void aSecondRunStopsWithTheHolderNamedAndWritesNothing() {
        Path warehouse = SparkTestSession.newTempDir("concurrent").resolve("warehouse");
        try (WarehouseLock first = WarehouseLock.acquire(warehouse.toString(),
                SparkTestSession.get().sparkContext().hadoopConfiguration(), "first-run")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Csbench.execute(new String[] {"--warehouse", warehouse.toString(), "run"},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(Csbench.USER_ERROR, code, err.toString());
            String[] lines = err.toString().strip().split("\n");
            String last = lines[lines.length - 1];
            assertTrue(last.startsWith("csbench: the warehouse " + warehouse + " is in use by run first-run (process "
                    + ProcessHandle.current().pid()), last);
            assertTrue(last.contains("nothing was written"), last);
            assertEquals(java.util.List.of(), new Warehouse(SparkTestSession.get(), warehouse.toString()).tables());
        }
    }
}

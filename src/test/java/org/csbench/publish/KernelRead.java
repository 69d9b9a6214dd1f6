package org.csbench.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;

/**
 * A whole table read with Delta Kernel, Delta's reader library for engines other than Spark, the way its examples
 * do: the latest snapshot, a scan, every column of each scan file's Parquet read and turned into the table's
 * logical rows, rows a selection vector drops left out. No Spark code is involved.
 *
 * @param version the snapshot's version
 * @param schema  the table's logical schema
 * @param rows    the rows read
 */
record KernelRead(long version, StructType schema, long rows) {

    static KernelRead of(Engine engine, String tablePath) {
        Snapshot snapshot = Table.forPath(engine, tablePath).getLatestSnapshot(engine);
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
        long rows = 0;
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<Row> scanFileRows = scanFiles.next().getRows()) {
                    while (scanFileRows.hasNext()) {
                        Row scanFile = scanFileRows.next();
                        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                                .readParquetFiles(Utils.singletonCloseableIterator(
                                        InternalScanFileUtils.getAddFileStatus(scanFile)), physicalSchema,
                                        Optional.empty())
                                .map(FileReadResult::getData);
                        try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine,
                                scanState, scanFile, physical)) {
                            while (logical.hasNext()) {
                                rows += selected(logical.next());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Kernel cannot read " + tablePath + ": " + e.getMessage(), e);
        }
        return new KernelRead(snapshot.getVersion(), snapshot.getSchema(), rows);
    }

    /** The batch's rows its selection vector keeps (all of them without one). */
    private static long selected(FilteredColumnarBatch batch) {
        int size = batch.getData().getSize();
        Optional<ColumnVector> selection = batch.getSelectionVector();
        if (selection.isEmpty()) {
            return size;
        }
        long selected = 0;
        for (int row = 0; row < size; row++) {
            if (!selection.get().isNullAt(row) && selection.get().getBoolean(row)) {
                selected++;
            }
        }
        return selected;
    }
}

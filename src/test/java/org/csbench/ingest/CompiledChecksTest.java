package org.csbench.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

/**
 * The two forms a long extract's checks take for speed ({@link Cells#cleanedSkippingAscii} skipping {@code translate}
 * for cells without multi-byte characters, {@link RowErrors#concatenated} concatenating arrays instead of filtering
 * nulls) give exactly what their plain forms give, on cells chosen to tell them apart.
 */
class CompiledChecksTest {
    private static SparkSession spark;

    /** Plain ASCII, blanks, names with accents, and every invisible character alone, inside and around text. */
    private static final List<String> CELLS = Arrays.asList(null, "", " ", "352", " 352 ", "Ynys Môn",
            "Bristol, City of", "\uFEFF352", "35\u200B2", "\u200C", "\u200D \u2060", " é\u2060 ", "Saint\u00A0Helens",
            "CIN1\uFEFF ", "日本", "x\u0000y", "\t9\t");

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private static Dataset<Row> cells() {
        return spark.createDataset(CELLS, Encoders.STRING()).toDF("cell");
    }

    @Test
    void cleanedCellsAreThoseOfThePlainTranslate() {
        List<Row> rows = cells().select(col("cell"), Cells.cleanedSkippingAscii(col("cell")).as("guarded"),
                Cells.cleaned(col("cell")).as("plain")).collectAsList();

        assertEquals(CELLS.size(), rows.size());
        for (Row row : rows) {
            assertEquals(row.<String>getAs("plain"), row.<String>getAs("guarded"), "cell " + row.get(0));
        }
        // The invisible characters really are removed (the comparison would pass if neither form removed them).
        for (String cell : List.of("\uFEFF352", "35\u200B2")) {
            assertEquals("352", cells().filter(col("cell").equalTo(cell))
                    .select(Cells.cleanedSkippingAscii(col("cell"))).first().getString(0));
        }
    }

    @Test
    void concatenatedProblemsAreThoseOfTheFilteredArray() {
        Column cell = col("cell");
        RowErrors errors = new RowErrors()
                .add(cell.isNull(), "cell", cell, "missing")
                .add(Cells.hasControlCharacter(cell), "cell", cell, Cells.controlCharacterReason("cell"))
                .add(cell.rlike("^[0-9 ]+$").unary_$bang(), RowErrors.WHOLE_ROW, cell, "not digits")
                .add(cell.contains("3"), "cell", lit(null), "has a 3")
                // A condition that is null for a null cell: no problem, in both forms.
                .add(cell.equalTo("never"), "cell", cell, "never");

        List<Row> rows = cells().select(col("cell"), errors.concatenated().as("concatenated"),
                errors.toColumn().as("filtered")).collectAsList();

        assertEquals(CELLS.size(), rows.size());
        int withTwo = 0;
        for (Row row : rows) {
            List<Row> concatenated = row.getList(1);
            List<Row> filtered = row.getList(2);
            assertEquals(filtered, concatenated, "cell " + row.get(0));
            withTwo += concatenated.size() >= 2 ? 1 : 0;
        }
        assertNotEquals(0, withTwo, "some cell has two problems, in order");
        assertFalse(rows.stream().allMatch(r -> r.getList(1).isEmpty()));
    }
}

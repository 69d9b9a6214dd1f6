package org.csbench.delta;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;

/** A persisted dataset read back as one node gives the rows the plain dataset gives, and queries on it agree. */
class CachedTest {
    private static Dataset<Row> chain(SparkSession spark) {
        Dataset<Row> rows = spark.range(0, 500).toDF("id");
        for (int i = 0; i < 20; i++) { // a long chain of checks, as a staged file has
            rows = rows.withColumn("c" + i, concat(lit("v" + i + "-"), col("id").plus(i).cast("string")));
        }
        return rows.filter(col("id").mod(7).notEqual(3));
    }

    @Test
    void aPersistedChainReadsBackAsOneNodeWithTheSameRows() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> plain = chain(spark);
        Dataset<Row> persisted = chain(spark).persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            assertEquals(plain.count(), persisted.count());
            Dataset<Row> leaf = Cached.leaf(persisted);
            LogicalPlan plan = leaf.queryExecution().analyzed();
            assertInstanceOf(LogicalRDD.class, plan, plan.treeString());
            String rowsFrom = persisted.queryExecution().executedPlan().toString();
            assertTrue(rowsFrom.contains("InMemoryTableScan"), "the one node reads the cache: " + rowsFrom);
            String chainPlan = persisted.queryExecution().analyzed().treeString();
            assertTrue(chainPlan.lines().count() > 20, "the persisted dataset's plan is the whole chain: " + chainPlan);
            assertEquals(List.of(plain.columns()), List.of(leaf.columns()));
            assertEquals(0, plain.exceptAll(leaf).count());
            assertEquals(0, leaf.exceptAll(plain).count());
            // A query over the leaf, joined with itself, gives the plain query's answer.
            Dataset<Row> joinedPlain = plain.as("a").join(plain.as("b"), col("a.id").equalTo(col("b.id").plus(1)));
            Dataset<Row> joinedLeaf = leaf.as("a").join(leaf.as("b"), col("a.id").equalTo(col("b.id").plus(1)));
            assertEquals(joinedPlain.count(), joinedLeaf.count());
            assertEquals(IntStream.range(0, 500).filter(i -> i % 7 != 3 && (i - 1) % 7 != 3 && i >= 1).count(),
                    joinedLeaf.count());
        } finally {
            persisted.unpersist();
        }
    }

    @Test
    void aDatasetThatIsNotCachedIsReturnedAsItIs() {
        Dataset<Row> plain = chain(SparkTestSession.get());
        assertSame(plain, Cached.leaf(plain));
    }
}

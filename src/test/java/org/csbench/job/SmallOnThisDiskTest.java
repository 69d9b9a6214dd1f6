package org.csbench.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.config.PipelineSpec;
import org.csbench.config.SpecLoader;
import org.csbench.delta.SparkSessions;

/**
 * Whether a run is small is judged before its Spark session starts (the session's memory pages depend on it), from
 * the spec's files and the observation table's folder on this machine's disk.
 */
class SmallOnThisDiskTest {
    private static final PipelineSpec SAMPLE = SpecLoader.load(Path.of("pipelines/annual-benchmarking.yaml"), null);

    @Test
    void theSamplesIntoANewWarehouseAreSmall(@TempDir Path dir) {
        assertTrue(PipelineJob.smallOnThisDisk(SAMPLE, dir.resolve("warehouse").toString()));
        assertTrue(PipelineJob.smallOnThisDisk(SAMPLE, dir.resolve("warehouse").toUri().toString()));
    }

    @Test
    void aWarehouseHoldingManyObservationsIsNot(@TempDir Path dir) throws IOException {
        Path observations = Files.createDirectories(dir.resolve("warehouse/silver/observation"));
        Path small = dir.resolve("warehouse");
        try (RandomAccessFile file = new RandomAccessFile(observations.resolve("part-0.parquet").toFile(), "rw")) {
            file.setLength(SparkSessions.SMALL_INPUT_BYTES / 2);
        }
        assertTrue(PipelineJob.smallOnThisDisk(SAMPLE, small.toString()));
        try (RandomAccessFile file = new RandomAccessFile(observations.resolve("part-1.parquet").toFile(), "rw")) {
            file.setLength(SparkSessions.SMALL_INPUT_BYTES / 2); // sparse: no disk used
        }
        assertFalse(PipelineJob.smallOnThisDisk(SAMPLE, small.toString()));
    }

    @Test
    void aWarehouseOnSharedStorageIsNotJudgedSmall() {
        assertFalse(PipelineJob.smallOnThisDisk(SAMPLE, "hdfs://namenode:8020/csbench/warehouse"));
        assertFalse(PipelineJob.smallOnThisDisk(SAMPLE, "s3a://bucket/warehouse"));
    }
}

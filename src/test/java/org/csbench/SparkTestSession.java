package org.csbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;

/**
 * The one SparkSession shared by every test in the run ({@code local[2]}, UI off, 2 shuffle partitions,
 * loopback bind, Delta enabled), and fresh warehouse folders for tests that write tables.
 */
public final class SparkTestSession {
    private static final List<Path> CREATED = new ArrayList<>();
    private static SparkSession spark;
    private static Path scratch;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SparkTestSession::removeCreated, "remove-test-folders"));
    }

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            scratch = newTempDir("csbench-tests");
            spark = SparkSessions.forTests(scratch.resolve("spark-warehouse").toString());
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** A new, empty warehouse in a temporary folder. */
    public static Warehouse newWarehouse(String name) {
        get();
        return new Warehouse(spark, newTempDir(name).resolve("warehouse").toString());
    }

    /** A copy of {@code source}'s folder, every table and its history, as a new warehouse. */
    public static Warehouse copyOf(Warehouse source, String name) {
        Path from = Path.of(source.root());
        Path copy = newTempDir(name).resolve("warehouse");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(from.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Warehouse(get(), copy.toString());
    }

    /** A new temporary folder, removed with everything in it when the JVM exits. */
    public static Path newTempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            synchronized (CREATED) {
                CREATED.add(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeCreated() {
        synchronized (CREATED) {
            for (Path dir : CREATED) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    // best effort: a folder Spark still holds open stays behind
                }
            }
        }
    }

    /** The complete published files kept in the repository ({@code data-samples/published}, see its README). */
    public static Path publishedData() {
        return Path.of("data-samples", "published").toAbsolutePath().normalize();
    }
}

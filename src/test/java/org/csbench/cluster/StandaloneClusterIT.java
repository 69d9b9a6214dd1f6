package org.csbench.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.csbench.SampleRun;
import org.csbench.contract.Star.FactRevision;
import org.csbench.delta.SparkSessions;
import org.csbench.delta.Warehouse;
import org.csbench.model.Columns;

/**
 * The annual pipeline submitted with spark-submit, as the app jar, to a real Spark standalone cluster (a master and
 * two workers, each a JVM of its own, on loopback) writes the same gold tables as the same command run on local[2]
 * ({@link SampleRun}).
 * Maven's package and pre-integration-test phases build the app jar, target/csbench and target/spark-home.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {
    private static final String LOOPBACK = "127.0.0.1";
    /** The whole test took 8.4 to 9.9 minutes (three runs) with another Spark job on the same 2 cores. */
    private static final Duration TIMEOUT = Duration.ofMinutes(14);
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Path WORK = REPOSITORY.resolve("target/cluster-it");
    private static final Path SPARK_HOME = Path.of(property("csbench.spark.home"));
    private static final List<String> JVM_FLAGS = List.of(property("csbench.jvm.options").strip().split("\\s+"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static final List<Started> STARTED = new ArrayList<>();
    private static final Set<Integer> PORTS = new HashSet<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Started(String name, Process process, Path log) {
    }

    private record Cluster(String masterUrl, int webUiPort, List<Started> processes) {
    }

    @AfterAll
    static void stopEverythingStarted() {
        stop(STARTED);
    }

    @Test
    void theAppJarOnTwoWorkersWritesTheSameGoldTablesAsALocalRun() throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        try {
            deleteRecursively(WORK);
            Files.createDirectories(WORK.resolve("logs"));
            Path clusterWarehouse = WORK.resolve("cluster-wh");

            long t0 = System.nanoTime();
            Cluster cluster = startCluster(deadline);
            System.out.printf("cluster up in %.1f s: %s%n", seconds(t0), cluster.masterUrl());

            long t1 = System.nanoTime();
            Started submitted = start("submit", submit(cluster.masterUrl(), clusterWarehouse));
            assertEquals(0, exitCode(submitted, deadline), "spark-submit failed:\n" + tail(submitted.log()));
            System.out.printf("cluster run in %.1f s%n", seconds(t1));
            assertTrue(read(submitted.log()).contains("master " + cluster.masterUrl()),
                    "the summary names the cluster's master:\n" + tail(submitted.log()));
            JsonNode apps = awaitMaster(cluster, json -> json.path("completedapps").size() == 1, "the run completed",
                    deadline).path("completedapps");
            assertEquals("csbench", apps.get(0).path("name").asText(), apps.toString());
            assertEquals("FINISHED", apps.get(0).path("state").asText(), apps.toString());
            for (int i = 1; i <= 2; i++) {
                assertTrue(ranTasks(WORK.resolve("worker-" + i)), "no executor of worker-" + i + " ran a task");
            }
            stop(cluster.processes());

            // The local run: the same command on local[2] in this JVM, made once for every integration test here
            // (KilledRunIT compares with it too; the launcher itself is what KilledRunIT kills).
            long t2 = System.nanoTime();
            Path localWarehouse = Path.of(SampleRun.path());
            System.out.printf("local run ready in %.1f s%n", seconds(t2));

            long t3 = System.nanoTime();
            assertSameGoldTables(clusterWarehouse, localWarehouse);
            System.out.printf("gold tables compared in %.1f s%n", seconds(t3));
        } catch (Throwable failure) {
            for (Started started : STARTED) {
                System.err.printf("---- %s (%s), last lines:%n%s%n", started.name(), started.log(), tail(started.log()));
            }
            throw failure;
        }
    }

    /** A master and two workers (1 core, 1 GB each), each a JVM of its own; returns once both workers registered. */
    private static Cluster startCluster(Instant deadline) throws IOException, InterruptedException {
        int masterPort = freePort();
        Cluster cluster = new Cluster("spark://" + LOOPBACK + ":" + masterPort, freePort(), new ArrayList<>());
        cluster.processes().add(start("master", sparkClass("org.apache.spark.deploy.master.Master", "--host",
                LOOPBACK, "--port", port(masterPort), "--webui-port", port(cluster.webUiPort()))));
        for (int i = 1; i <= 2; i++) {
            cluster.processes().add(start("worker-" + i, sparkClass("org.apache.spark.deploy.worker.Worker", "--host",
                    LOOPBACK, "--port", port(freePort()), "--webui-port", port(freePort()), "--cores", "1", "--memory",
                    "1g", "--work-dir", WORK.resolve("worker-" + i).toString(), cluster.masterUrl())));
        }
        awaitMaster(cluster, json -> json.path("aliveworkers").asInt() == 2, "two workers registered", deadline);
        return cluster;
    }

    /** spark-submit of the app jar in client mode: the annual pipeline into {@code warehouse}, a file:/// URI. */
    private static List<String> submit(String masterUrl, Path warehouse) {
        String flags = String.join(" ", JVM_FLAGS);
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx1g"));
        // In client mode this JVM is the driver: spark-submit's script would start it with --driver-java-options.
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl, "--deploy-mode", "client", "--class", "org.csbench.cli.Csbench",
                "--driver-java-options", flags,
                "--conf", "spark.executor.extraJavaOptions=" + flags,
                "--conf", "spark.executor.memory=700m",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.driver.host=" + LOOPBACK,
                "--conf", "spark.driver.bindAddress=" + LOOPBACK,
                "--conf", "spark.sql.shuffle.partitions=2",
                property("csbench.app.jar"), "--warehouse", warehouse.toUri().toString(), "run"));
        return command;
    }

    /** True when no source has more than one release, so that no value can have been revised. */
    private static boolean oneReleasePerSource(Warehouse warehouse) {
        return warehouse.read("silver.observation").groupBy(Columns.SOURCE_ID).agg(countDistinct(col(Columns.VINTAGE)).as("n"))
                .filter(col("n").gt(1)).isEmpty();
    }

    private static void assertSameGoldTables(Path clusterWarehouse, Path localWarehouse) {
        SparkSession spark = SparkSessions.forTests(WORK.resolve("spark-warehouse").toString());
        Warehouse cluster = new Warehouse(spark, clusterWarehouse.toUri().toString());
        Warehouse local = new Warehouse(spark, localWarehouse.toUri().toString());
        List<String> gold = local.tables().stream().filter(table -> table.startsWith("gold.")).toList();
        assertFalse(gold.isEmpty(), "no gold tables in " + localWarehouse);
        assertEquals(gold, cluster.tables().stream().filter(table -> table.startsWith("gold.")).toList());

        // Gold rows carry no load id or timestamp (bronze and silver do, and each commit's note names its run), so
        // every column is compared; the doubles come out the same to the last bit.
        List<String> differences = new ArrayList<>();
        for (String table : gold) {
            Dataset<Row> onCluster = cluster.read(table);
            Dataset<Row> onLocal = local.read(table);
            long onlyOnCluster = onCluster.exceptAll(onLocal).count();
            long onlyLocal = onLocal.exceptAll(onCluster).count();
            if (onlyOnCluster + onlyLocal > 0) {
                differences.add(String.format("%s: %d rows only in the cluster's, %d only in the local run's; e.g.%n%s",
                        table, onlyOnCluster, onlyLocal, onCluster.exceptAll(onLocal).limit(3).collectAsList()));
            } else if (onLocal.isEmpty() && !(table.equals(FactRevision.TABLE.name()) && oneReleasePerSource(local))) {
                differences.add(table + " is empty in both");
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(local.read("silver.observation").count(), cluster.read("silver.observation").count(),
                "silver.observation rows");
    }

    /** Whether an executor the worker started logged a finished task (Spark's default log4j config, INFO). */
    private static boolean ranTasks(Path workerDir) throws IOException {
        if (!Files.isDirectory(workerDir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(workerDir)) {
            return files.filter(file -> file.getFileName().toString().equals("stderr"))
                    .anyMatch(file -> read(file).contains("Finished task"));
        }
    }

    private static List<String> sparkClass(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx512m"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static Started start(String name, List<String> command) throws IOException {
        return start(name, command, Map.of());
    }

    /** Starts a JVM from the repository's folder, with Spark's environment, its output in target/cluster-it/logs. */
    private static Started start(String name, List<String> command, Map<String, String> env) throws IOException {
        Path log = WORK.resolve("logs").resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", SPARK_HOME.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", LOOPBACK);
        builder.environment().putAll(env);
        Started started = new Started(name, builder.start(), log);
        STARTED.add(started);
        return started;
    }

    private static int exitCode(Started started, Instant deadline) throws InterruptedException {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        assertTrue(started.process().waitFor(millis, TimeUnit.MILLISECONDS), started.name() + " did not finish in time");
        return started.process().exitValue();
    }

    /** Stops each process and the processes it started (a worker's executors), last started first. */
    private static void stop(List<Started> processes) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            ProcessHandle handle = processes.get(i).process().toHandle();
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
        }
        for (Started started : processes) {
            Process process = started.process();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Polls the master's /json/ until {@code ready} holds; returns that answer. */
    private static JsonNode awaitMaster(Cluster cluster, Predicate<JsonNode> ready, String what, Instant deadline)
            throws InterruptedException {
        URI uri = URI.create("http://" + LOOPBACK + ":" + cluster.webUiPort() + "/json/");
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = JSON.readTree(response.body());
                if (ready.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // the master's web UI is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting until " + what + "; the master said: " + last);
    }

    /** A port nothing listens on now, on loopback, different from the ones handed out before. */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                if (PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    private static String port(int port) {
        return Integer.toString(port);
    }

    private static String tail(Path log) {
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run with mvn verify (Failsafe sets it)");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

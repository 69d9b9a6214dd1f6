package org.csbench.delta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.csbench.model.Errors;

/**
 * One writer at a time: a run holds {@code <warehouse>/_csbench/lock} while it writes. The file names its owner
 * (run, host, process, start); it is created only if absent (an atomic create on a local disk and on HDFS), and a
 * heartbeat touches it every {@link #HEARTBEAT}.
 *
 * <p>A lock left behind by a run that no longer runs is stale: on the same host, its process has ended (or is
 * another process that took the same id later); from another host, its heartbeat is older than {@link #STALE_AFTER}.
 * A stale lock means that run was killed in the middle: {@link #acquire} takes it over and says so
 * ({@link #takenOverFrom}), and the caller puts the warehouse back as the last complete run left it.
 */
public final class WarehouseLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "_csbench/lock";
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /** Who holds the lock. */
    public record Owner(String runId, String host, long pid, Instant started) {
        @Override
        public String toString() {
            return String.format("run %s (process %d on %s, since %s)", runId, pid, host, started);
        }
    }

    private final FileSystem fs;
    private final Path path;
    private final Owner owner;
    private final Owner takenOverFrom;
    private final ScheduledExecutorService heartbeat;

    private WarehouseLock(FileSystem fs, Path path, Owner owner, Owner takenOverFrom) {
        this.fs = fs;
        this.path = path;
        this.owner = owner;
        this.takenOverFrom = takenOverFrom;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "csbench-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the warehouse's lock for {@code runId}. Fails with a user-facing error naming the holder when another
     * live run holds it; takes over a stale lock.
     */
    public static WarehouseLock acquire(String warehouseRoot, Configuration conf, String runId) {
        Path path = new Path(warehouseRoot, FILE);
        Owner me = new Owner(runId, host(), ProcessHandle.current().pid(), Instant.now());
        try {
            FileSystem fs = path.getFileSystem(conf);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (create(fs, path, me)) {
                    return new WarehouseLock(fs, path, me, null);
                }
                Optional<Owner> holder = read(fs, path);
                if (holder.isEmpty()) {
                    continue; // released between our create and read
                }
                if (!isStale(fs, path, holder.get())) {
                    throw Errors.warehouseBusy(warehouseRoot, holder.get().toString(), path.toString());
                }
                // Move the stale lock aside under a unique name: of two runs that both found it stale, one moves it.
                Path aside = new Path(path.getParent(), "stale-lock-" + UUID.randomUUID());
                if (fs.rename(path, aside) && create(fs, path, me)) {
                    fs.delete(aside, false);
                    LOG.warn("Took over the lock of {}, which is no longer running", holder.get());
                    return new WarehouseLock(fs, path, me, holder.get());
                }
            }
            Owner holder = read(fs, path).orElse(me);
            throw Errors.warehouseBusy(warehouseRoot, holder.toString(), path.toString());
        } catch (IOException e) {
            throw Errors.unreadableFile(path.toString(), "cannot take the warehouse's lock: " + e.getMessage());
        }
    }

    /** Whether a run holds the lock, or held it and was killed (a lock file is there). */
    static boolean isHeld(String warehouseRoot, Configuration conf) {
        Path path = new Path(warehouseRoot, FILE);
        try {
            return path.getFileSystem(conf).exists(path);
        } catch (IOException e) {
            throw Errors.unreadableFile(path.toString(), e.getMessage());
        }
    }

    /** The owner of a stale lock this run took over: a run that was killed before it finished. */
    public Optional<Owner> takenOverFrom() {
        return Optional.ofNullable(takenOverFrom);
    }

    public Owner owner() {
        return owner;
    }

    /** Releases the lock (only if this run still holds it). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Optional<Owner> holder = read(fs, path);
            if (holder.isPresent() && holder.get().runId().equals(owner.runId())) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            LOG.warn("Could not release the warehouse lock {}: {}", path, e.getMessage());
        }
    }

    private void touch() {
        try {
            fs.setTimes(path, System.currentTimeMillis(), -1);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not refresh the warehouse lock {}: {}", path, e.getMessage());
        }
    }

    static boolean isStale(FileSystem fs, Path path, Owner holder) throws IOException {
        if (holder.host().equals(host())) {
            Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
            // The same id given to a process started after the lock was taken is another process.
            return process.isEmpty() || !process.get().isAlive() || process.get().info().startInstant()
                    .map(start -> start.isAfter(holder.started().plusSeconds(1))).orElse(false);
        }
        long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
        return age > STALE_AFTER.toMillis();
    }

    private static boolean create(FileSystem fs, Path path, Owner owner) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("run_id", owner.runId()).put("host", owner.host())
                .put("pid", owner.pid()).put("started", owner.started().toString());
        try (OutputStream out = fs.create(path, false)) {
            out.write(JSON.writeValueAsBytes(json));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(path)) { // the local file system reports an existing file as a plain IOException
                return false;
            }
            throw e;
        }
    }

    static Optional<Owner> read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isBlank()) { // being written by its creator right now
                return Optional.of(new Owner("(starting)", host(), ProcessHandle.current().pid(), Instant.now()));
            }
            var node = JSON.readTree(text);
            return Optional.of(new Owner(node.path("run_id").asText(), node.path("host").asText(),
                    node.path("pid").asLong(), Instant.parse(node.path("started").asText())));
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^\\d+@", "");
        }
    }
}

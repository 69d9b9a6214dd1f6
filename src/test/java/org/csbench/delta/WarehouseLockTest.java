package org.csbench.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.model.CsbenchException;

/** One writer at a time; a lock whose run is gone is taken over and reported. No Spark needed. */
class WarehouseLockTest {
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path warehouse;

    @Test
    void aSecondRunIsRefusedWithTheHolderNamedAndGetsTheLockOnceItIsReleased() {
        try (WarehouseLock first = WarehouseLock.acquire(warehouse.toString(), CONF, "run-a")) {
            CsbenchException busy = assertThrows(CsbenchException.class,
                    () -> WarehouseLock.acquire(warehouse.toString(), CONF, "run-b"));
            assertTrue(busy.getMessage().startsWith("the warehouse " + warehouse + " is in use by run run-a (process "
                    + ProcessHandle.current().pid() + " on " + WarehouseLock.host()), busy.getMessage());
            assertTrue(busy.getMessage().contains("nothing was written"), busy.getMessage());
            assertTrue(first.takenOverFrom().isEmpty());
        }
        assertFalse(Files.exists(lockFile()), "closing releases the lock");
        try (WarehouseLock second = WarehouseLock.acquire(warehouse.toString(), CONF, "run-b")) {
            assertEquals("run-b", second.owner().runId());
            assertTrue(second.takenOverFrom().isEmpty());
        }
    }

    @Test
    void theLockOfAProcessThatHasEndedIsTakenOverAndItsRunNamed() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writeLock("killed-run", WarehouseLock.host(), ended.pid(), Instant.now().minusSeconds(5));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.toString(), CONF, "next-run")) {
            assertEquals("killed-run", lock.takenOverFrom().orElseThrow().runId());
            assertEquals(ended.pid(), lock.takenOverFrom().get().pid());
            assertTrue(Files.readString(lockFile()).contains("next-run"));
        }
    }

    @Test
    void anotherHostsLockIsHonouredWhileItsHeartbeatIsFreshAndTakenOverWhenItStops() throws Exception {
        writeLock("remote-run", "another-host.example", 4242, Instant.now());
        CsbenchException busy = assertThrows(CsbenchException.class,
                () -> WarehouseLock.acquire(warehouse.toString(), CONF, "local-run"));
        assertTrue(busy.getMessage().contains("run remote-run (process 4242 on another-host.example"),
                busy.getMessage());

        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now()
                .minus(WarehouseLock.STALE_AFTER).minusSeconds(60)));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.toString(), CONF, "local-run")) {
            assertEquals("remote-run", lock.takenOverFrom().orElseThrow().runId());
        }
    }

    @Test
    void aLiveProcessOnThisHostKeepsItsLockEvenWhenItsHeartbeatIsOld() throws Exception {
        writeLock("slow-run", WarehouseLock.host(), ProcessHandle.current().pid(), Instant.now());
        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(3600)));
        assertThrows(CsbenchException.class, () -> WarehouseLock.acquire(warehouse.toString(), CONF, "other"));
    }

    @Test
    void aLockNamingALiveProcessThatStartedAfterItIsAReusedProcessIdAndStale() throws Exception {
        writeLock("old-run", WarehouseLock.host(), ProcessHandle.current().pid(), Instant.now().minusSeconds(3600));
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse.toString(), CONF, "next-run")) {
            assertEquals("old-run", lock.takenOverFrom().orElseThrow().runId());
        }
    }

    private Path lockFile() {
        return warehouse.resolve(WarehouseLock.FILE);
    }

    private void writeLock(String runId, String host, long pid, Instant started) throws Exception {
        Files.createDirectories(lockFile().getParent());
        Files.writeString(lockFile(), String.format("{\"run_id\":\"%s\",\"host\":\"%s\",\"pid\":%d,\"started\":\"%s\"}",
                runId, host, pid, started));
    }
}

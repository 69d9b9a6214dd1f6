package org.csbench.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.csbench.SparkTestSession;

/** {@link LocalFiles} gives what Hadoop's own local file system gives, without starting a process. */
class LocalFilesTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void permissionsAreSetAsHadoopsChmodSetsThem() throws IOException {
        RawLocalFileSystem hadoop = initialised(new RawLocalFileSystem());
        RawLocalFileSystem ours = initialised(new LocalFiles.RawFileSystem());
        for (short mode : new short[] {0644, 0755, 0600, 0700, 0640, 0751, 0000, 0777, 0422}) {
            FsPermission permission = new FsPermission(mode);
            Path a = new Path(dir.resolve("hadoop-" + mode).toUri());
            Path b = new Path(dir.resolve("ours-" + mode).toUri());
            Files.writeString(dir.resolve("hadoop-" + mode), "x");
            Files.writeString(dir.resolve("ours-" + mode), "x");
            hadoop.setPermission(a, permission);
            ours.setPermission(b, permission);
            assertEquals(Files.getPosixFilePermissions(dir.resolve("hadoop-" + mode)),
                    Files.getPosixFilePermissions(dir.resolve("ours-" + mode)), "mode " + Integer.toOctalString(mode));
            assertEquals(permission, FsPermission.valueOf("-" + java.nio.file.attribute.PosixFilePermissions
                    .toString(Files.getPosixFilePermissions(dir.resolve("ours-" + mode)))));
        }
    }

    @Test
    void linkStatusIsHadoopsForFilesFoldersAndLinks() throws IOException {
        RawLocalFileSystem hadoop = initialised(new RawLocalFileSystem());
        RawLocalFileSystem ours = initialised(new LocalFiles.RawFileSystem());
        java.nio.file.Path file = Files.writeString(dir.resolve("file.json"), "{}");
        java.nio.file.Path folder = Files.createDirectory(dir.resolve("folder"));
        java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        for (java.nio.file.Path p : List.of(file, folder, link)) {
            FileStatus expected = hadoop.getFileLinkStatus(new Path(p.toUri()));
            FileStatus actual = ours.getFileLinkStatus(new Path(p.toUri()));
            assertEquals(expected.getPath(), actual.getPath(), p.toString());
            assertEquals(expected.isDirectory(), actual.isDirectory(), p.toString());
            assertEquals(expected.isSymlink(), actual.isSymlink(), p.toString());
            assertEquals(expected.getLen(), actual.getLen(), p.toString());
            assertEquals(expected.getModificationTime(), actual.getModificationTime(), p.toString());
            if (expected.isSymlink()) {
                assertEquals(expected.getSymlink(), actual.getSymlink());
            }
        }
        assertFalse(ours.getFileLinkStatus(new Path(file.toUri())).isSymlink());
        // A link given as a path without a scheme: Hadoop's readlink finds it, and so does the fallback to it.
        Path bare = Path.getPathWithoutSchemeAndAuthority(new Path(link.toUri()));
        assertEquals(hadoop.getFileLinkStatus(bare).isSymlink(), ours.getFileLinkStatus(bare).isSymlink());
    }

    /** Delta's log store writes a temporary file and renames it with FileContext; the checksums go with it. */
    @Test
    void fileContextCreatesAndRenamesWithChecksums() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.AbstractFileSystem.file.impl", LocalFiles.Fs.class.getName());
        FileContext context = FileContext.getFileContext(URI.create("file:///"), conf);
        Path tmp = new Path(dir.resolve(".00000.json.tmp").toUri());
        Path committed = new Path(dir.resolve("00000.json").toUri());
        try (FSDataOutputStream out = context.create(tmp, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE),
                Options.CreateOpts.createParent())) {
            out.write("{\"commitInfo\":{}}\n".getBytes(StandardCharsets.UTF_8));
        }
        context.rename(tmp, committed, Options.Rename.NONE);
        assertEquals("{\"commitInfo\":{}}\n", Files.readString(dir.resolve("00000.json")));
        assertTrue(Files.exists(dir.resolve(".00000.json.crc")), "the checksum file is renamed with it");
        assertFalse(Files.exists(dir.resolve(".00000.json.tmp")));
    }

    @Test
    void theTestSessionUsesThem() throws IOException {
        Configuration conf = SparkTestSession.get().sparkContext().hadoopConfiguration();
        FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
        assertInstanceOf(LocalFiles.ChecksummedFileSystem.class, fs);
        assertEquals(LocalFiles.Fs.class.getName(), conf.get("fs.AbstractFileSystem.file.impl"));
    }

    private static RawLocalFileSystem initialised(RawLocalFileSystem fs) throws IOException {
        fs.initialize(URI.create("file:///"), new Configuration());
        return fs;
    }
}

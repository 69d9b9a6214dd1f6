package org.csbench.delta;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without its shell commands. Without Hadoop's native library (which Maven does not
 * fetch), Hadoop sets every new file's and folder's permissions by running {@code chmod}, and Delta's commit checks
 * each log file it renames by running {@code readlink}: about a thousand processes started in one sample run, and
 * as many in every test. These classes do the same through {@code java.nio}; symbolic links, sticky bits and other
 * systems than POSIX ones still go to Hadoop's own code. {@link SparkSessions} installs them for local masters
 * ({@code fs.file.impl}, {@code fs.AbstractFileSystem.file.impl}); {@code LocalFilesTest} compares them with
 * Hadoop's.
 */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** The raw (unchecksummed) local file system, with {@code chmod} and {@code readlink} done in Java. */
    public static class RawFileSystem extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
            } catch (UnsupportedOperationException e) { // not a POSIX file system: Hadoop's own way
                super.setPermission(p, permission);
            }
        }

        @Override
        public FileStatus getFileLinkStatus(Path p) throws IOException {
            // Hadoop asks readlink whether p is a link, and for anything else returns getFileStatus(p) as it is.
            if (Files.isSymbolicLink(pathToFile(p).toPath())) {
                return super.getFileLinkStatus(p);
            }
            return getFileStatus(p);
        }
    }

    /** What {@code fs.file.impl} names: Hadoop's checksummed local file system over {@link RawFileSystem}. */
    public static class ChecksummedFileSystem extends LocalFileSystem {
        public ChecksummedFileSystem() {
            super(new RawFileSystem());
        }
    }

    /** The {@code FileContext} side (which Delta's log store uses), as Hadoop's {@code RawLocalFs}. */
    public static class RawFs extends DelegateToFileSystem {
        public RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new RawFileSystem(), conf, "file", false);
        }

        @Override
        public int getUriDefaultPort() {
            return -1;
        }

        @Override
        @Deprecated
        public FsServerDefaults getServerDefaults() throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        @Override
        public FsServerDefaults getServerDefaults(Path f) throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        @Override
        public boolean isValidName(String src) {
            return true;
        }
    }

    /** What {@code fs.AbstractFileSystem.file.impl} names: checksummed, as Hadoop's {@code LocalFs}. */
    public static class Fs extends ChecksumFs {
        public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(new RawFs(uri, conf));
        }
    }

    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return set;
    }

    private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            set.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            set.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            set.add(execute);
        }
    }
}

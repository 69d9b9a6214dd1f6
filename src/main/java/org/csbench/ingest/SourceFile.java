package org.csbench.ingest;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import org.csbench.model.Errors;

/**
 * What the driver learns about an input file before Spark reads it: its fingerprint, its header line, and
 * whether it is readable UTF-8 text at all. One streaming pass, no Spark job; works on any Hadoop file
 * system (local folder, HDFS, object stores).
 *
 * @param path       the file as given
 * @param sha256     hex SHA-256 of the file's bytes (the idempotency key: the same bytes load once)
 * @param bytes      the file's size
 * @param bom        the file starts with a UTF-8 byte-order mark
 * @param headerLine the first line, without the byte-order mark
 * @param lines      the number of physical lines, header included
 */
public record SourceFile(String path, String sha256, long bytes, boolean bom, String headerLine, long lines) {

    private static final char BOM = '\uFEFF';

    /** Reads the file once, checking it is UTF-8 text with a first line. */
    public static SourceFile inspect(String path, Configuration hadoopConf) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path file = new Path(path);
        long lineNo = 0;
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            if (!fs.isFile(file)) {
                throw Errors.missingFile(path);
            }
            long size = fs.getFileStatus(file).getLen();
            try (InputStream in = new DigestInputStream(fs.open(file), digest);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
                String header = reader.readLine();
                lineNo = 1;
                if (header == null) {
                    throw Errors.emptyFile(path);
                }
                boolean bom = !header.isEmpty() && header.charAt(0) == BOM;
                if (bom) {
                    header = header.substring(1);
                }
                if (header.indexOf('\0') >= 0) {
                    throw Errors.notCsv(path, "it holds binary data (NUL bytes); export the data as CSV text");
                }
                while (reader.readLine() != null) {
                    lineNo++;
                }
                return new SourceFile(path, HexFormat.of().formatHex(digest.digest()), size, bom, header, lineNo);
            }
        } catch (CharacterCodingException e) {
            throw Errors.notUtf8(path, firstBadLine(file, hadoopConf));
        } catch (FileNotFoundException e) {
            throw Errors.missingFile(path);
        } catch (IOException e) {
            throw Errors.unreadableFile(path, e.getMessage());
        }
    }

    /** The 1-based number of the first line that is not valid UTF-8 (the slow path, for the message only). */
    private static long firstBadLine(Path file, Configuration hadoopConf) {
        try (InputStream in = new java.io.BufferedInputStream(file.getFileSystem(hadoopConf).open(file))) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long lineNo = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b == -1) {
                    try {
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return lineNo;
                    }
                    if (b == -1) {
                        return lineNo;
                    }
                    line.reset();
                    lineNo++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file name without its folder, for messages and lineage. */
    public String name() {
        return new Path(path).getName();
    }
}

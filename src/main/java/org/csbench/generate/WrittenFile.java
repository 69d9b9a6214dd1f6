package org.csbench.generate;

/**
 * A file a run wrote.
 *
 * @param name the file name inside the output folder
 * @param rows data rows (header excluded); 0 for the manifest
 */
public record WrittenFile(String name, long rows) {
}

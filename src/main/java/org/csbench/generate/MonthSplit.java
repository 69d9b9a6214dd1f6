package org.csbench.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.csbench.model.Errors;

/**
 * Splits a generated long extract ({@value LongCsvWriter#FILE}) into two files: every month but the last, and the
 * last month alone, each with the header: what a warehouse holds before a council sends its next month, and that
 * month's extract. Streaming, pure Java; the rows keep their order and bytes.
 */
public final class MonthSplit {
    /**
     * The two files written.
     *
     * @param earlier     every month before {@code added}
     * @param earlierRows data rows in {@code earlier}
     * @param addedFile   the last month's rows
     * @param addedRows   data rows in {@code addedFile}
     * @param added       the last month
     */
    public record Result(Path earlier, long earlierRows, Path addedFile, long addedRows, YearMonth added) {
    }

    private MonthSplit() {
    }

    /**
     * Writes the rows of {@code longFile} before {@code last} (its last month: {@link GenerateResult#window()}) to
     * {@code earlier} and the rows of {@code last} to {@code addedFile}. The month is the second-to-last field (the
     * value, the last one, never holds a comma).
     */
    public static Result splitLastMonth(Path longFile, YearMonth last, Path earlier, Path addedFile) {
        String label = MonthWindow.isoLabel(last);
        long before = 0;
        long added = 0;
        try (BufferedReader in = Files.newBufferedReader(longFile, StandardCharsets.UTF_8);
                BufferedWriter outBefore = Files.newBufferedWriter(earlier, StandardCharsets.UTF_8);
                BufferedWriter outAdded = Files.newBufferedWriter(addedFile, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals(LongCsvWriter.HEADER)) {
                throw Errors.invalidArgument(String.format("%s: line 1 is not the generated header '%s'", longFile,
                        LongCsvWriter.HEADER));
            }
            for (BufferedWriter out : new BufferedWriter[] {outBefore, outAdded}) {
                out.write(header);
                out.write('\n');
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                boolean isAdded = month(line).equals(label);
                (isAdded ? outAdded : outBefore).write(line);
                (isAdded ? outAdded : outBefore).write('\n');
                if (isAdded) {
                    added++;
                } else {
                    before++;
                }
            }
        } catch (IOException e) {
            throw Errors.invalidArgument(String.format("Splitting %s by month failed: %s", longFile, e));
        }
        if (added == 0) {
            throw Errors.invalidArgument(String.format("%s has no rows for %s to split off", longFile, label));
        }
        return new Result(earlier, before, addedFile, added, last);
    }

    /** The month field of a generated row: between its last two commas. */
    private static String month(String line) {
        int valueStart = line.lastIndexOf(',');
        int monthStart = line.lastIndexOf(',', valueStart - 1);
        return line.substring(monthStart + 1, valueStart);
    }
}

package org.csbench.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run wrote.
 *
 * @param out                  the output folder, absolute
 * @param files                the files, the long file first and the manifest last
 * @param longRows             rows of the long file (LAs x indicators x months)
 * @param blankCells           blank values in the long file
 * @param notYetAvailableCells {@code Not Yet Available} values in the long file
 * @param authorities          LAs written
 * @param syntheticAuthorities of which synthetic
 * @param indicators           indicators per LA
 * @param window               the months
 * @param seconds              wall-clock time of the run
 */
public record GenerateResult(Path out, List<WrittenFile> files, long longRows, long blankCells,
        long notYetAvailableCells, int authorities, int syntheticAuthorities, int indicators, MonthWindow window,
        double seconds) {
    public GenerateResult {
        files = List.copyOf(files);
    }
}

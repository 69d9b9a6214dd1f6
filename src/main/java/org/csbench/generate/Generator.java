package org.csbench.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.csbench.model.Errors;

/**
 * Writes a synthetic monthly scorecard extract: {@value LongCsvWriter#FILE}, a wide
 * {@code scorecard_<la_code>.tsv} for the first {@code wideLas} LAs, and {@value Manifest#FILE}. Pure Java,
 * single-threaded, streaming: one LA's series are in memory at a time (plus the wide LAs' and every LA's end
 * month for the comparators). The same options write the same bytes.
 */
public final class Generator {
    private Generator() {
    }

    /** Generates with {@code options}; calibration files are read from {@code options.dataDir()}. */
    public static GenerateResult run(GeneratorOptions options) {
        return run(options, Calibration.load(options.dataDir()));
    }

    /** Generates with {@code options} from an already loaded calibration. */
    public static GenerateResult run(GeneratorOptions options, Calibration calibration) {
        long t0 = System.nanoTime();
        YearMonth end = options.endMonth().orElse(calibration.defaultEndMonth());
        MonthWindow window = MonthWindow.ending(end, options.years());
        List<Authority> las = Authorities.select(calibration, options.las(), options.seed());
        List<IndicatorDef> indicators = Indicators.catalogue(options.indicators(), options.seed());
        List<ScorecardRow> rows = ScorecardRow.forIndicators(indicators);
        SeriesModel model = new SeriesModel(options.seed(), window, calibration.reportingYear(),
                options.blankFraction());
        OutputDir out = OutputDir.create(options.out());
        Comparators comparators = new Comparators(rows, calibration.neighbours());
        List<LaSeries> wide = new ArrayList<>();
        List<WrittenFile> files = new ArrayList<>();
        long rowsWritten;
        long blanks;
        long pending;
        try {
            try (LongCsvWriter writer = new LongCsvWriter(out.file(LongCsvWriter.FILE), window)) {
                for (Authority la : las) {
                    LaSeries series = model.generate(la, indicators);
                    writer.write(series);
                    comparators.add(series);
                    if (wide.size() < options.wideLas()) {
                        wide.add(series);
                    }
                }
                rowsWritten = writer.rows();
                blanks = writer.blankCells();
                pending = writer.pendingCells();
            }
            files.add(new WrittenFile(LongCsvWriter.FILE, rowsWritten));
            for (LaSeries series : wide) {
                String name = WideScorecardWriter.fileName(series.authority());
                long written = WideScorecardWriter.write(out.file(name), series, rows, window, comparators);
                files.add(new WrittenFile(name, written));
            }
            files.add(new WrittenFile(Manifest.FILE, 0));
            int synthetic = (int) las.stream().filter(Authority::isSynthetic).count();
            GenerateResult result = new GenerateResult(out.root(), files, rowsWritten, blanks, pending, las.size(),
                    synthetic, indicators.size(), window, (System.nanoTime() - t0) / 1e9);
            Manifest.write(out.file(Manifest.FILE), options, calibration, las, result);
            return result;
        } catch (IOException e) {
            throw Errors.invalidArgument(String.format("Writing into %s failed: %s", out.root(), e));
        }
    }
}

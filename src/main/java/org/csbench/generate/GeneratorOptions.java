package org.csbench.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

import org.csbench.model.Errors;

/**
 * What {@code csbench generate} writes. Build with {@link #of} and the {@code with...} methods; every value
 * is checked, with a message naming the command-line option.
 *
 * @param las           how many LAs: the first real ones by {@code old_la_code}, then synthetic ones
 * @param years         how many whole years of months, ending with the end month
 * @param seed          the seed every random draw derives from
 * @param out           the output folder (created if missing); must not contain {@code ..}
 * @param endMonth      the last month; empty for March of the latest DfE reporting year
 * @param indicators    how many indicators: the 14 observed measures, then {@code syn_015} ...
 * @param wideLas       how many of the LAs also get a wide scorecard file
 * @param blankFraction the share of cells left blank, 0 to {@value #MAX_BLANK_FRACTION}
 * @param dataDir       the folder of DfE files to calibrate on
 */
public record GeneratorOptions(int las, int years, long seed, Path out, Optional<YearMonth> endMonth, int indicators,
        int wideLas, double blankFraction, Path dataDir) {
    public static final int MAX_LAS = 1000;
    public static final int MAX_YEARS = 30;
    public static final int DEFAULT_INDICATORS = Indicators.CORE.size();
    public static final int DEFAULT_WIDE_LAS = 2;
    public static final double DEFAULT_BLANK_FRACTION = 0.002;
    public static final double MAX_BLANK_FRACTION = 0.5;
    public static final Path DEFAULT_DATA_DIR = Path.of("data-samples", "dfe");
    private static final YearMonth EARLIEST_END = YearMonth.of(2000, 1);
    private static final YearMonth LATEST_END = YearMonth.of(2100, 12);

    public GeneratorOptions {
        Objects.requireNonNull(endMonth, "endMonth");
        if (las < 1 || las > MAX_LAS) {
            throw Errors.invalidArgument(String.format("--las must be between 1 and %d, got %d", MAX_LAS, las));
        }
        if (years < 1 || years > MAX_YEARS) {
            throw Errors.invalidArgument(String.format("--years must be between 1 and %d, got %d", MAX_YEARS, years));
        }
        if (indicators < 1 || indicators > Indicators.MAX) {
            throw Errors.invalidArgument(String.format("--indicators must be between 1 and %d, got %d",
                    Indicators.MAX, indicators));
        }
        if (wideLas < 0 || wideLas > las) {
            throw Errors.invalidArgument(String.format(
                    "--wide-las must be between 0 and --las (%d), got %d", las, wideLas));
        }
        if (!(blankFraction >= 0 && blankFraction <= MAX_BLANK_FRACTION)) {
            throw Errors.invalidArgument(String.format("--blank-fraction must be between 0 and %s, got %s",
                    MAX_BLANK_FRACTION, blankFraction));
        }
        if (endMonth.isPresent() && (endMonth.get().isBefore(EARLIEST_END) || endMonth.get().isAfter(LATEST_END))) {
            throw Errors.invalidArgument(String.format("--end-month must be between %s and %s, got %s",
                    EARLIEST_END, LATEST_END, endMonth.get()));
        }
        if (dataDir == null) {
            throw Errors.invalidArgument("--data-dir is missing; give the folder of DfE CSV files");
        }
        out = OutputDir.checkedFolder(out);
    }

    /** {@code las} LAs over {@code years} years from {@code seed} into {@code out}, every other option default. */
    public static GeneratorOptions of(int las, int years, long seed, Path out) {
        return new GeneratorOptions(las, years, seed, out, Optional.empty(), DEFAULT_INDICATORS,
                Math.min(DEFAULT_WIDE_LAS, las), DEFAULT_BLANK_FRACTION, DEFAULT_DATA_DIR);
    }

    public GeneratorOptions withEndMonth(YearMonth month) {
        return new GeneratorOptions(las, years, seed, out, Optional.of(month), indicators, wideLas, blankFraction,
                dataDir);
    }

    public GeneratorOptions withIndicators(int count) {
        return new GeneratorOptions(las, years, seed, out, endMonth, count, wideLas, blankFraction, dataDir);
    }

    public GeneratorOptions withWideLas(int count) {
        return new GeneratorOptions(las, years, seed, out, endMonth, indicators, count, blankFraction, dataDir);
    }

    public GeneratorOptions withBlankFraction(double fraction) {
        return new GeneratorOptions(las, years, seed, out, endMonth, indicators, wideLas, fraction, dataDir);
    }

    public GeneratorOptions withDataDir(Path folder) {
        return new GeneratorOptions(las, years, seed, out, endMonth, indicators, wideLas, blankFraction, folder);
    }

    /** Parses {@code --end-month} text such as {@code 2025-03}. */
    public static YearMonth parseEndMonth(String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw Errors.invalidArgument(String.format("--end-month must be YYYY-MM, e.g. 2025-03, got '%s'", text));
        }
    }
}

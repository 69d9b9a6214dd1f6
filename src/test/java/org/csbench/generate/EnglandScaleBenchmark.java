package org.csbench.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Not a test (surefire skips it): generates England scale, 153 LAs x 300 indicators x 144 months (12 years),
 * into a temporary folder, prints rows, bytes and seconds, then deletes the output. Run with
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.csbench.generate.EnglandScaleBenchmark}.
 */
public final class EnglandScaleBenchmark {
    private EnglandScaleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("csbench-generate-");
        try {
            for (int run = 1; run <= (args.length > 0 ? Integer.parseInt(args[0]) : 1); run++) {
                GenerateResult result = Generator.run(GeneratorOptions.of(153, 12, 20250331L, dir)
                        .withIndicators(300));
                long bytes = Files.size(dir.resolve(LongCsvWriter.FILE));
                System.out.printf("England scale run %d: %,d rows (%d LAs x %d indicators x %d months), %,d bytes "
                        + "(%.0f MB), %.1f s, %.2f M rows/s%n", run, result.longRows(), result.authorities(),
                        result.indicators(), result.window().count(), bytes, bytes / 1e6, result.seconds(),
                        result.longRows() / result.seconds() / 1e6);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

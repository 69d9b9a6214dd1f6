package org.csbench.generate;

import java.util.List;

/**
 * One DfE file the calibration read, for the manifest.
 *
 * @param file       the file name
 * @param sha256     its SHA-256, hex
 * @param timePeriod the latest {@code time_period} read from it (a reporting year, a mid-year for the
 *                   population file, a 30 September census year for the workforce file; the model year for
 *                   the statistical neighbour file)
 * @param columns    the columns read, each as {@code column -> measure}
 */
public record CalibrationSource(String file, String sha256, int timePeriod, List<String> columns) {
    public CalibrationSource {
        columns = List.copyOf(columns);
    }
}

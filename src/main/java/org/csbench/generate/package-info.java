/**
 * The synthetic-data generator behind {@code csbench generate}: pure Java (no Spark), reproducible from a seed.
 *
 * <p>Flow: {@link org.csbench.generate.Calibration} reads each real LA's latest DfE figures ->
 * {@link org.csbench.generate.Authorities} picks the LAs (real first, then synthetic {@code S001} ...) ->
 * {@link org.csbench.generate.Indicators} fixes the series (14 observed measures, then {@code syn_015} ...) ->
 * {@link org.csbench.generate.SeriesModel} draws each LA's monthly values -> writers stream them out:
 * <ul>
 *   <li>{@code monthly_long.csv}: {@code la_code,la_name,region_code,ref,indicator,month,value}, one row per LA x
 *       indicator x month, month as {@code 2023-04}, counts whole, ratios and percentages with 1 decimal place,
 *       blank or {@code Not Yet Available} where unpublished; UTF-8, LF, RFC 4180 quoting.</li>
 *   <li>{@code scorecard_<la_code>.tsv}: the wide scorecard councils publish (see
 *       {@link org.csbench.generate.WideScorecardWriter}).</li>
 *   <li>{@code generate_manifest.json}: options, seed, months, calibration files, row counts.</li>
 * </ul>
 * Every output file is named through {@link org.csbench.generate.OutputDir}, which keeps it inside the output
 * folder.
 */
package org.csbench.generate;

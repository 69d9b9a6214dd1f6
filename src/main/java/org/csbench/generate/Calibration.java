package org.csbench.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.csbench.model.Errors;

/**
 * The real LAs and their latest published annual figures, read from the DfE files in a folder (by default
 * {@code data-samples/dfe}). LAs are those of the ONS population file's latest mid-year, sorted by
 * {@code old_la_code}. Where an LA's figure is a symbol ({@code c}, {@code x}, {@code z} ...) or absent, its
 * level is England's count per child aged 0-17 times the LA's population (for the caseload ratio: England's
 * ratio).
 *
 * @param reportingYear     the latest reporting year of the referrals file (year to 31 March)
 * @param populationMidYear the latest mid-year of the population file
 * @param authorities       the real LAs, sorted by code
 * @param england           England's level per measure: per child aged 0-17 for counts, as published for ratios
 * @param neighbours        each LA's statistical neighbours (DfE 2025 model), empty if that file is absent
 * @param sources           the files read
 */
public record Calibration(int reportingYear, int populationMidYear, List<Authority> authorities,
        Map<Measure, Double> england, Map<String, List<String>> neighbours, List<CalibrationSource> sources) {
    static final String POPULATION_PREFIX = "ons_mid-year_population";
    static final String NEIGHBOURS_PREFIX = "sn_model_";

    private static final String TIME_PERIOD = "time_period";
    private static final String LEVEL = "geographic_level";
    private static final String LA_CODE = "old_la_code";
    private static final String NATIONAL = "national";
    private static final String LOCAL_AUTHORITY = "local authority";

    public Calibration {
        authorities = List.copyOf(authorities);
        england = Map.copyOf(england);
        neighbours = Map.copyOf(neighbours);
        sources = List.copyOf(sources);
        if (authorities.isEmpty()) {
            throw Errors.invalidArgument("Calibration: no local authority found in the population file");
        }
    }

    /** The default end month: March of the latest reporting year, e.g. 2025-03. */
    public YearMonth defaultEndMonth() {
        return YearMonth.of(reportingYear, 3);
    }

    /** Reads the DfE files in {@code dataDir}. */
    public static Calibration load(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw Errors.invalidArgument(String.format(
                    "--data-dir '%s' is not a folder; give the folder holding the DfE CSV files "
                            + "(default data-samples/dfe)",
                    dataDir));
        }
        List<CalibrationSource> sources = new ArrayList<>();
        Population population = Population.read(file(dataDir, POPULATION_PREFIX), sources);

        Map<Measure, Map<String, Double>> laValues = new EnumMap<>(Measure.class);
        Map<Measure, Double> england = new EnumMap<>(Measure.class);
        Map<Measure, Integer> latest = new EnumMap<>(Measure.class);
        Map<String, List<Measure>> byFile = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            byFile.computeIfAbsent(measure.filePrefix(), p -> new ArrayList<>()).add(measure);
        }
        for (Map.Entry<String, List<Measure>> entry : byFile.entrySet()) {
            Path path = file(dataDir, entry.getKey());
            CsvTable table = CsvTable.read(path);
            List<String> columns = new ArrayList<>();
            int fileLatest = 0;
            for (Measure measure : entry.getValue()) {
                MeasureValues values = MeasureValues.read(table, measure);
                laValues.put(measure, values.byLa());
                latest.put(measure, values.timePeriod());
                england.put(measure, englandLevel(measure, values, population));
                columns.add(table.header().get(table.column(measure.columns())) + " -> "
                        + measure.name().toLowerCase(Locale.ROOT));
                fileLatest = Math.max(fileLatest, values.timePeriod());
            }
            sources.add(new CalibrationSource(path.getFileName().toString(), sha256(path), fileLatest, columns));
        }

        List<Authority> authorities = new ArrayList<>();
        for (Population.Row la : population.las()) {
            Map<Measure, Level> levels = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                Double published = laValues.get(measure).get(la.code());
                levels.put(measure, published != null
                        ? new Level(published, LevelSource.PUBLISHED)
                        : new Level(fallback(measure, england.get(measure), la.population()),
                                LevelSource.SCALED_FROM_POPULATION));
            }
            authorities.add(new Authority(la.code(), la.gssCode(), la.name(), la.regionCode(), la.regionName(),
                    la.population(), levels));
        }
        authorities.sort(Comparator.comparing(Authority::code));

        Map<String, List<String>> neighbours = new HashMap<>();
        Optional<Path> snFile = findFile(dataDir, NEIGHBOURS_PREFIX);
        if (snFile.isPresent()) {
            neighbours = readNeighbours(snFile.get());
            String name = snFile.get().getFileName().toString();
            java.util.regex.Matcher year = java.util.regex.Pattern.compile("(\\d{4})").matcher(name);
            sources.add(new CalibrationSource(name, sha256(snFile.get()), year.find() ? Integer.parseInt(year.group(1))
                    : 0, List.of("SN_1..SN_10 -> statistical neighbours")));
        }
        return new Calibration(latest.get(Measure.REFERRALS), population.midYear(), authorities, england, neighbours,
                sources);
    }

    /** A level made from England's figure: per child times the population, or the ratio as it is. */
    static double fallback(Measure measure, double englandLevel, double population) {
        return measure.scaling() == Measure.Scaling.PER_CHILD ? englandLevel * population : englandLevel;
    }

    private static double englandLevel(Measure measure, MeasureValues values, Population population) {
        if (measure.scaling() == Measure.Scaling.AS_PUBLISHED) {
            if (values.national().isPresent()) {
                return values.national().get();
            }
            return values.byLa().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        // Reporting year N uses the mid-year N-1 estimate; fall back to the latest one.
        double englandPopulation = population.england(values.timePeriod() - 1);
        double count = values.national().orElseGet(
                () -> values.byLa().values().stream().mapToDouble(Double::doubleValue).sum());
        return count / englandPopulation;
    }

    static Path file(Path dataDir, String prefix) {
        return findFile(dataDir, prefix).orElseThrow(() -> Errors.invalidArgument(String.format(
                "%s: no file named %s*.csv; pass --data-dir with the DfE files (default data-samples/dfe)",
                dataDir, prefix)));
    }

    private static Optional<Path> findFile(Path dataDir, String prefix) {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.toLowerCase(Locale.ROOT).endsWith(".csv");
            }).max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw Errors.unreadableFile(dataDir.toString(), e.getMessage());
        }
    }

    private static Map<String, List<String>> readNeighbours(Path path) {
        CsvTable table = CsvTable.read(path);
        int code = table.column(LA_CODE);
        List<Integer> snColumns = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            table.findColumn("SN_" + i).ifPresent(snColumns::add);
        }
        Map<String, List<String>> neighbours = new TreeMap<>();
        for (List<String> row : table.rows()) {
            String la = CsvTable.field(row, code);
            List<String> list = new ArrayList<>();
            for (int column : snColumns) {
                String sn = CsvTable.field(row, column);
                if (!sn.isEmpty()) {
                    list.add(sn);
                }
            }
            if (!la.isEmpty()) {
                neighbours.put(la, List.copyOf(list));
            }
        }
        return neighbours;
    }

    static String sha256(Path path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw Errors.unreadableFile(path.toString(), e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 2025} -> 2025; {@code 202425} (a financial year) -> 2025; anything else -> empty. */
    static Optional<Integer> parseTimePeriod(String text) {
        String t = text.trim();
        try {
            if (t.length() == 4) {
                return Optional.of(Integer.parseInt(t));
            }
            if (t.length() == 6) {
                return Optional.of(Integer.parseInt(t.substring(0, 2) + t.substring(4, 6)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A published number, or empty for a symbol ({@code c}, {@code x}, {@code z}, {@code k}, ...) or a blank. */
    static Optional<Double> number(String text) {
        String t = text.trim();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One measure's latest LA values and national value, read from a file. */
    private record MeasureValues(int timePeriod, Map<String, Double> byLa, Optional<Double> national) {
        static MeasureValues read(CsvTable table, Measure measure) {
            int period = table.column(TIME_PERIOD);
            int level = table.column(LEVEL);
            int code = table.column(LA_CODE);
            int value = table.column(measure.columns());
            int type = measure.filtersRows() ? table.column(Measure.POPULATION_TYPE) : -1;
            int latest = 0;
            for (List<String> row : table.rows()) {
                if (accepts(row, measure, type) && isLevel(row, level, LOCAL_AUTHORITY)) {
                    latest = Math.max(latest, parseTimePeriod(CsvTable.field(row, period)).orElse(0));
                }
            }
            if (latest == 0) {
                throw Errors.invalidArgument(String.format(
                        "%s: no local authority row with a valid time_period for %s", table.file(), measure));
            }
            Map<String, Double> byLa = new HashMap<>();
            Optional<Double> national = Optional.empty();
            for (List<String> row : table.rows()) {
                if (!accepts(row, measure, type) || parseTimePeriod(CsvTable.field(row, period)).orElse(0) != latest) {
                    continue;
                }
                Optional<Double> number = number(CsvTable.field(row, value));
                if (isLevel(row, level, NATIONAL)) {
                    national = number;
                } else if (isLevel(row, level, LOCAL_AUTHORITY) && number.isPresent()) {
                    // Joint workforce returns ("314 / 318") belong to every LA named.
                    for (String la : CsvTable.field(row, code).split("/")) {
                        if (!la.isBlank()) {
                            byLa.put(la.trim(), number.get());
                        }
                    }
                }
            }
            return new MeasureValues(latest, byLa, national);
        }

        private static boolean accepts(List<String> row, Measure measure, int typeColumn) {
            return typeColumn < 0 || measure.acceptsPopulationType(CsvTable.field(row, typeColumn));
        }
    }

    static boolean isLevel(List<String> row, int column, String level) {
        return CsvTable.field(row, column).toLowerCase(Locale.ROOT).equals(level);
    }

    /** The ONS population file: LAs of the latest mid-year and England's population by mid-year. */
    private record Population(int midYear, List<Row> las, Map<Integer, Double> englandByYear) {
        record Row(String code, String gssCode, String name, String regionCode, String regionName,
                double population) {
        }

        double england(int year) {
            Double value = englandByYear.get(year);
            return value != null ? value : englandByYear.get(midYear);
        }

        static Population read(Path path, List<CalibrationSource> sources) {
            CsvTable table = CsvTable.read(path);
            int period = table.column(TIME_PERIOD);
            int level = table.column(LEVEL);
            int code = table.column(LA_CODE);
            int gss = table.column("new_la_code");
            int name = table.column("la_name");
            int regionCode = table.column("region_code");
            int regionName = table.column("region_name");
            int value = table.column("population_estimate");
            int latest = 0;
            Map<Integer, Double> england = new HashMap<>();
            for (List<String> row : table.rows()) {
                int year = parseTimePeriod(CsvTable.field(row, period)).orElse(0);
                if (isLevel(row, level, LOCAL_AUTHORITY)) {
                    latest = Math.max(latest, year);
                } else if (isLevel(row, level, NATIONAL)) {
                    number(CsvTable.field(row, value)).ifPresent(v -> england.put(year, v));
                }
            }
            if (latest == 0 || !england.containsKey(latest)) {
                throw Errors.invalidArgument(String.format(
                        "%s: expected local authority and National rows with a population_estimate for the same"
                                + " time_period", path));
            }
            List<Row> las = new ArrayList<>();
            for (List<String> row : table.rows()) {
                if (isLevel(row, level, LOCAL_AUTHORITY)
                        && parseTimePeriod(CsvTable.field(row, period)).orElse(0) == latest) {
                    Optional<Double> people = number(CsvTable.field(row, value));
                    if (people.isPresent() && people.get() > 0) {
                        las.add(new Row(CsvTable.field(row, code), CsvTable.field(row, gss),
                                CsvTable.field(row, name), CsvTable.field(row, regionCode),
                                CsvTable.field(row, regionName), people.get()));
                    }
                }
            }
            sources.add(new CalibrationSource(path.getFileName().toString(), sha256(path), latest,
                    List.of("population_estimate")));
            return new Population(latest, las, england);
        }
    }
}

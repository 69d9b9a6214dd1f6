package org.csbench.ingest;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Column;

import org.csbench.model.Errors;

/**
 * The local authority codes a row may carry: the DfE LA numbers ({@code old_la_code}) of
 * {@code pipelines/reference/local_authorities.csv} (every authority in DfE's published children's social care
 * files, with its GSS code, name and the years it appears; see {@code pipelines/reference/README.md}), and the
 * synthetic codes {@code S001}-{@code S999} of {@code csbench generate}. A row with any other code is quarantined:
 * a typing error such as {@code 999} would otherwise reach the published tables as an authority of its own.
 *
 * @param codes the accepted DfE LA numbers
 * @param file  the list they were read from, for the reason
 */
public record KnownAuthorities(Set<String> codes, String file) {
    /** The reference list, relative to the working directory (as {@code pipelines/disclosure.yaml}). */
    public static final Path DEFAULT = Path.of("pipelines", "reference", "local_authorities.csv");
    /** The codes {@code csbench generate} gives the synthetic authorities it adds beyond the real ones. */
    public static final String SYNTHETIC = "^S\\d{3}$";
    private static final String JOINT_SEPARATOR = "\\s*/\\s*";

    public KnownAuthorities {
        codes = Set.copyOf(codes);
    }

    /** The list next to the pipeline spec ({@code <spec folder>/reference/}), else {@link #DEFAULT}. */
    public static KnownAuthorities forSpec(String specFile) {
        if (specFile != null) {
            Path parent = Path.of(specFile).toAbsolutePath().getParent();
            Path nextToSpec = parent == null ? null : parent.resolve("reference").resolve(DEFAULT.getFileName());
            if (nextToSpec != null && Files.isRegularFile(nextToSpec)) {
                return read(nextToSpec);
            }
        }
        return standard();
    }

    /** The list at {@link #DEFAULT}; the file must be there. */
    public static KnownAuthorities standard() {
        if (!Files.isRegularFile(DEFAULT)) {
            throw Errors.missingFile(DEFAULT.toAbsolutePath() + " (the list of known local authorities; run csbench "
                    + "from the project folder)");
        }
        return read(DEFAULT);
    }

    /** Reads the {@code old_la_code} column (the first) of a reference list. */
    public static KnownAuthorities read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Set<String> codes = new TreeSet<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String code = line.split(",", 2)[0].trim();
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
            return new KnownAuthorities(codes, file.toString());
        } catch (IOException e) {
            throw Errors.unreadableFile(file.toString(), e.getMessage());
        }
    }

    /** True when {@code code} (one code, or a joint return such as {@code 940 / 941}) has a code not known. */
    public Column isUnknown(Column code) {
        Object[] known = codes.toArray();
        Column unknownOne = code.isin(known).or(code.rlike(SYNTHETIC)).unary_$bang();
        return code.isNotNull().and(when(code.contains("/"), exists(split(code, JOINT_SEPARATOR),
                c -> c.isin(known).or(c.rlike(SYNTHETIC)).unary_$bang())).otherwise(unknownOne));
    }

    /** Why a row with an unknown code is quarantined: what it was checked against and how to add an authority. */
    public Column reason(Column code) {
        return concat(lit("unknown local authority code '"), code, lit("': not among the " + codes.size()
                + " DfE LA numbers of " + file + " (nor a synthetic S001-S999); for a new authority, add a row with "
                + "its old_la_code, new_la_code and la_name there"));
    }
}

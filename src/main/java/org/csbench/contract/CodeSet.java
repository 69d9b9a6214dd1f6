package org.csbench.contract;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The small sets of labels that facts store as codes (1, 2, 3 ... in the order listed here; new labels are only
 * ever added at the end, so a code keeps its meaning across releases). {@code gold.dim_code} lists every code with
 * its label and meaning.
 */
public enum CodeSet {
    STATUS("status", "Whether a value could be published, and if not why",
            label("available", "a number is published"),
            label("suppressed", "suppressed to protect confidentiality (DfE symbol c)"),
            label("not_available", "not available (DfE symbol x)"),
            label("not_available_old", "not available (the older DfE symbol :)"),
            label("not_applicable", "not applicable (DfE symbol z)"),
            label("rounds_to_zero", "rounds to zero but is not zero (DfE symbol k)"),
            label("low", "rounds to zero but is not zero (DfE symbol low)"),
            label("low_reliability", "low reliability (DfE symbol u)"),
            label("missing", "nothing was published (a blank cell)"),
            label("incomplete", "a window with a period missing, suppressed or not available: no value")),
    VALUE_SOURCE("value_source", "Where the value shown comes from",
            label("computed", "computed by csbench from the published inputs"),
            label("published", "the figure as published (the computed one differs only by input rounding or "
                    + "authorities the publisher left out)")),
    STATUS_REASON("status_reason", "Why a value is not available",
            label("numerator_not_available", "the numerator is suppressed or not available: the value takes its "
                    + "status"),
            label("population_missing", "no ONS population estimate for the mid-year the period uses"),
            label("denominator_missing", "a denominator measure is not published for the period"),
            label("denominator_not_available", "a denominator measure is suppressed or not available"),
            label("denominator_zero", "the denominator is zero")),
    PUBLISHED_CHECK("published_check", "How the computed value compares with the figure the source publishes",
            label("matches", "the computed value equals the published figure"),
            label("explained_by_input_rounding", "differs: the published figure was computed from unrounded inputs "
                    + "(national and regional counts are published rounded to 10, FTEs to 0.1)"),
            label("explained_by_authorities_left_out", "differs: the publisher left out authorities whose inputs "
                    + "are not available or of low reliability (authorities_left_out says how many)"),
            label("unexplained", "differs, and neither input rounding nor missing authorities explain it: check "
                    + "the source")),
    COMPARISON("comparison", "How an authority's value compares with a comparator, by the indicator's polarity",
            label("better", "better than the comparator by more than the indicator's tolerance"),
            label("worse", "worse than the comparator by more than the indicator's tolerance"),
            label("similar", "within the indicator's tolerance (2% by default) of the comparator"),
            label("higher", "higher than the comparator (an indicator with no better direction)"),
            label("lower", "lower than the comparator (an indicator with no better direction)")),
    COMPARATOR_SOURCE("comparator_source", "Where a region's or England's value comes from",
            label("published", "the area's own published rate or percentage"),
            label("computed", "computed from the area's own published counts"),
            label("aggregated", "aggregated from its authorities (pooled, or the mean where there is no "
                    + "denominator)")),
    TARGET_SOURCE("target_source", "Where a target comes from",
            label("extract", "the council's own scorecard extract (for its financial year)"),
            label("catalogue", "the indicator catalogue")),
    RAG("rag", "Red, amber or green against the target",
            label("green", "meets the target (at least as good as a single target, inside a range)"),
            label("amber", "misses the target by no more than the indicator's tolerance"),
            label("red", "misses the target by more than the tolerance")),
    QUARTILE_BAND("quartile_band", "LAIT's quartile band among all authorities (A is the best quarter)",
            label("A", "the best quarter"),
            label("B", "the second quarter"),
            label("C", "the third quarter"),
            label("D", "the worst quarter")),
    DIRECTION("direction", "Direction of travel against an earlier period, by the indicator's polarity",
            label("improving", "better than the earlier value"),
            label("deteriorating", "worse than the earlier value"),
            label("no_change", "the same as the earlier value"),
            label("increasing", "higher than the earlier value (an indicator with no better direction)"),
            label("decreasing", "lower than the earlier value (an indicator with no better direction)"),
            label("not_comparable", "no earlier value for the period before (not consecutive), or the authority's "
                    + "boundary changed in between"),
            label("not_available", "this or the earlier value is suppressed or not available")),
    DIRECTION_REASON("direction_reason", "Why there is no direction of travel",
            label("value_not_available", "the value is suppressed or not available"),
            label("boundary_change", "the authority's boundary changed between the two periods "
                    + "(reference.la_code_change)"),
            label("not_consecutive", "there is no value for the earlier period"),
            label("earlier_not_available", "the earlier value is suppressed or not available"));

    private final String id;
    private final String meaning;
    private final List<Label> labels;

    CodeSet(String id, String meaning, Label... labels) {
        this.id = id;
        this.meaning = meaning;
        this.labels = List.of(labels);
    }

    /** One label of a code set and what it means. */
    public record Label(String label, String meaning) {
    }

    private static Label label(String label, String meaning) {
        return new Label(label, meaning);
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    public List<Label> labels() {
        return labels;
    }

    /** The code of {@code label} (1 for the first); fails for a label the set does not have. */
    public byte code(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).label().equals(label)) {
                return (byte) (i + 1);
            }
        }
        throw new IllegalArgumentException("Code set " + id + " has no label '" + label + "'");
    }

    /** The code of a label column (null stays null; a label outside the set becomes null). */
    public Column encode(Column label) {
        Column code = null;
        for (int i = 0; i < labels.size(); i++) {
            Column match = label.equalTo(labels.get(i).label());
            code = code == null ? when(match, lit((byte) (i + 1))) : code.when(match, lit((byte) (i + 1)));
        }
        return code.cast(DataTypes.ByteType);
    }

    /** The label of a code column. */
    public Column decode(Column code) {
        Column label = null;
        for (int i = 0; i < labels.size(); i++) {
            Column match = code.equalTo(i + 1);
            label = label == null ? when(match, lit(labels.get(i).label()))
                    : label.when(match, lit(labels.get(i).label()));
        }
        return label;
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}

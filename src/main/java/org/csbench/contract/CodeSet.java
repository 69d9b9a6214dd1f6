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
                    + "authorities the publisher left out, or cannot be computed because an input is suppressed)")),
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
                    + "the source"),
            label("rounding_unknown", "differs, and how the source rounded its inputs is not known (its entry says "
                    + "rounded_to: unknown), so rounding may explain it"),
            label("published_input_suppressed", "no value can be computed (an input is suppressed, c); the value "
                    + "is the figure as published")),
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
            label("earlier_not_available", "the earlier value is suppressed or not available")),
    SPC_POINT_TYPE("spc_point_type", "What an SPC (XmR) chart says of one point, by the indicator's polarity",
            label("missing", "no usable value: suppressed or not available (left out of the statistics)"),
            label("common_cause", "no special-cause rule fires"),
            label("special_cause_improvement", "a special-cause rule fires in the better direction"),
            label("special_cause_concern", "a special-cause rule fires in the worse direction"),
            label("special_cause_neutral_high", "a special-cause rule fires above the centre line (an indicator "
                    + "with no better direction)"),
            label("special_cause_neutral_low", "a special-cause rule fires below the centre line (an indicator "
                    + "with no better direction)")),
    SPC_RULE("spc_rule", "The special-cause rule a point meets (the strongest when several do)",
            label("none", "no rule"),
            label("outside_limits", "outside the process limits (3 sigma)"),
            label("trend", "part of a run of 7 points each higher (or each lower) than the one before"),
            label("two_of_three", "two of three points beyond the inner limits (2 sigma) on the same side"),
            label("shift", "part of a run of 7 points on one side of the centre line")),
    VARIATION_ICON("variation_icon", "NHS 'Making Data Count' variation icon of a series' latest point",
            label("no_data", "no usable value"),
            label("common_cause", "common-cause variation"),
            label("improvement_high", "special cause, improvement, high"),
            label("improvement_low", "special cause, improvement, low"),
            label("concern_high", "special cause, concern, high"),
            label("concern_low", "special cause, concern, low"),
            label("neutral_high", "special cause, high (an indicator with no better direction)"),
            label("neutral_low", "special cause, low (an indicator with no better direction)")),
    ASSURANCE_ICON("assurance_icon", "NHS 'Making Data Count' assurance icon: the latest process limits against "
            + "the target",
            label("none", "no target, or no limits"),
            label("consistently_passing", "both limits meet the target (lie inside a target range)"),
            label("consistently_failing", "both limits miss the target (lie on the same side outside a range)"),
            label("inconsistent", "the target lies between the limits: the process will sometimes meet it")),
    TREND("trend", "Mann-Kendall trend of a series at the significance level alpha, by the indicator's polarity",
            label("improving", "a significant trend in the better direction"),
            label("deteriorating", "a significant trend in the worse direction"),
            label("increasing", "a significant upward trend (an indicator with no better direction)"),
            label("decreasing", "a significant downward trend (an indicator with no better direction)"),
            label("no_significant_trend", "no trend significant at alpha"),
            label("insufficient_data", "too few values to test (fewer than 3)")),
    FUNNEL_MODEL("funnel_model", "The funnel plot's model",
            label("proportion", "a percentage of a denominator: binomial limits"),
            label("rate", "a rate per population: exact Poisson limits")),
    FUNNEL_POSITION("funnel_position", "Where an authority lies against a pair of funnel limits",
            label("inside", "between the limits"),
            label("above", "above the upper limit"),
            label("below", "below the lower limit")),
    JUDGEMENT("judgement", "What a signal's direction means, by the indicator's polarity",
            label("favourable", "in the better direction"),
            label("unfavourable", "in the worse direction"),
            label("high", "high (an indicator with no better direction)"),
            label("low", "low (an indicator with no better direction)"),
            label("none", "no signal")),
    FUNNEL_EXCLUSION("funnel_exclusion", "Why the funnel plot leaves an authority out",
            label("missing_numerator", "no numerator"),
            label("missing_or_zero_denominator", "no denominator, or zero"),
            label("negative_value", "a negative numerator or denominator"),
            label("numerator_exceeds_denominator", "a percentage whose numerator exceeds its denominator"),
            label("non_finite_value", "an infinite numerator, denominator or value"),
            label("limits_not_computable", "its funnel limits could not be computed (an extreme expected count)")),
    OUTLIER_FLAG("outlier_flag", "Whether an authority's modified z-score is beyond the outlier threshold",
            label("missing", "no value"),
            label("not_outlier", "within the threshold"),
            label("high_outlier", "above it"),
            label("low_outlier", "below it")),
    OUTLIER_SCALE("outlier_scale", "The spread the modified z-scores of a cross-section are scaled by",
            label("median_absolute_deviation", "the median absolute deviation (MAD), scaled by 0.6745"),
            label("mean_absolute_deviation", "the mean absolute deviation x 1.253314, as MAD is 0"),
            label("no_spread", "every value is the same: no scores"),
            label("no_data", "no values")),
    ANOMALY("anomaly", "A data-quality anomaly against a series' own history or the catalogue",
            label("relative_jump", "differs from the median of the previous values by more than the threshold"),
            label("newly_missing", "no value, after an available one"),
            label("newly_suppressed", "suppressed or not available, after an available value"),
            label("out_of_range", "outside the catalogue's valid range")),
    CLOSENESS("closeness", "How close a statistical neighbour is, as the model publishes it",
            label("extremely_close", "Extremely close"),
            label("very_close", "Very close"),
            label("close", "Close"),
            label("somewhat_close", "Somewhat close"),
            label("not_close", "Not close")),
    REVISION_CAUSE("revision_cause", "Why a later release changed a value",
            label("population_revised", "the numerator is the same; the denominator (the ONS population estimate) "
                    + "was revised"),
            label("count_revised", "the numerator or a denominator count was revised"),
            label("suppression_changed", "the value was suppressed in one release and not in the other"),
            label("boundary_change", "the authority's code changed (a reorganisation or a new GSS code)"),
            label("unknown", "the value changed for a reason the releases do not show"));

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

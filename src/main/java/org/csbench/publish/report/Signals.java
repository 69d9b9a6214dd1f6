package org.csbench.publish.report;

import java.time.LocalDate;

/** What the detection step found in an authority's series and cross-sections, as the reports use it. */
public final class Signals {
    private Signals() {
    }

    /**
     * A series' SPC summary (Making Data Count icons, last segment's limits) and its Mann-Kendall trend.
     *
     * @param variation e.g. common_cause, concern_high, improvement_low, neutral_high, no_data
     * @param assurance none, consistently_passing, consistently_failing or inconsistent
     * @param trend improving, deteriorating, increasing, decreasing, no_significant_trend or insufficient_data
     */
    public record Series(String periodType, String variation, String assurance, Double centre, Double lower,
            Double upper, String trend, Double pValue, Double slope, Integer points) {
        public boolean concern() {
            return variation != null && variation.startsWith("concern");
        }

        public boolean improvement() {
            return variation != null && variation.startsWith("improvement");
        }

        public boolean deteriorating() {
            return "deteriorating".equals(trend);
        }
    }

    /** One month of an XmR chart. {@code pointType}: common_cause, special_cause_concern, ... or missing. */
    public record SpcPoint(LocalDate end, Double value, Double centre, Double lower, Double upper, String rule,
            String pointType) {
    }

    /**
     * An authority's place in the latest funnel plot of an indicator: its value, the pooled value and the 95% and
     * 99.8% limits at its denominator, and the judgements (favourable, unfavourable, high, low or none).
     */
    public record Funnel(LocalDate end, double value, Double centre, Double lower95, Double upper95, Double lower998,
            Double upper998, String judgement95, String judgement998) {
        public boolean outside998() {
            return judgement998 != null && !"none".equals(judgement998);
        }

        public boolean outside95() {
            return judgement95 != null && !"none".equals(judgement95);
        }
    }
}

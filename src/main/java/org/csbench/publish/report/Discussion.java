package org.csbench.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Discussion points in plain English from an indicator's benchmarks and signals, and the "worse and worsening"
 * test: worse than its statistical neighbours or England, and deteriorating by the trend test or the SPC rules.
 */
public final class Discussion {
    /** The shortest run of rises or falls worth a sentence: three periods in a row. */
    static final int MIN_RUN = 3;

    private Discussion() {
    }

    /** The discussion points of one indicator: at most a few sentences, the most telling first. */
    public static List<String> points(IndicatorData data) {
        List<String> points = new ArrayList<>();
        Indicator indicator = data.indicator();
        Optional<Observation> latest = data.latest();
        if (latest.isEmpty() || latest.get().value() == null) {
            String why = latest.map(o -> Format.value(o, indicator)).orElse(Format.NONE);
            points.add(String.format("%s has no value for the latest period (%s).", indicator.subject(), why));
            return points;
        }
        Observation last = latest.get();
        StringBuilder first = new StringBuilder(indicator.subject()).append(' ').append(indicator.verb()).append(' ');
        first.append(comparison(last, indicator));
        Run run = run(values(data), indicator.monthly() ? "month" : "year");
        if (run != null) {
            first.append(" and ").append(indicator.verb().equals("are") ? "have" : "has").append(' ')
                    .append(run.words());
        }
        Signals.Series signal = data.signal();
        if (signal != null && (signal.concern() || signal.improvement())) {
            first.append(": ").append(signal.concern() ? "special cause of concern" : "special cause of improvement");
        }
        points.add(first.append('.').toString());

        if (signal != null && signal.trend() != null && signal.pValue() != null && isSignificant(signal.trend())) {
            points.add(String.format(Locale.ROOT, "The trend over %d %s is %s (Mann-Kendall test, %s).",
                    signal.points() == null ? data.series().size() : signal.points(),
                    indicator.monthly() ? "months" : "periods", signal.trend(), Format.pValue(signal.pValue())));
        }
        if ("red".equals(last.rag()) && last.targetLow() != null) {
            points.add(String.format("It misses its target of %s (red).", target(last, indicator)));
        } else if (signal != null && "consistently_failing".equals(signal.assurance())) {
            points.add("On its SPC chart it consistently misses the target: the target lies outside the process "
                    + "limits.");
        }
        if ("D".equals(last.band())) {
            points.add(String.format("It is in quartile band D (the worst quarter of authorities), ranked %s of %s.",
                    last.rank() == null ? "-" : Format.ordinal(last.rank()),
                    last.rankCount() == null ? "-" : last.rankCount()));
        }
        Signals.Funnel funnel = data.funnel();
        if (funnel != null && funnel.outside998()) {
            points.add(String.format("In the funnel plot it is %s at 99.8%% limits (%s against an average of %s).",
                    Words.judgement(funnel.judgement998()).replace(" (outside the limits)", ""),
                    Format.value(funnel.value(), indicator), Format.value(funnel.centre(), indicator)));
        }
        return points;
    }

    private static boolean isSignificant(String trend) {
        return List.of("improving", "deteriorating", "increasing", "decreasing").contains(trend);
    }

    /** "higher than the statistical-neighbour average (26.0% vs 21.9%, worse)": worse or better by polarity. */
    static String comparison(Observation last, Indicator indicator) {
        Double sn = last.snAverage();
        String against = "the statistical-neighbour average";
        if (sn == null) {
            sn = last.england();
            against = "England";
        }
        if (sn == null) {
            return Format.value(last.value(), indicator) + " in " + last.label() + " (no comparator)";
        }
        String code = against.equals("England") ? last.vsEngland() : last.vsSn();
        String judged = "worse".equals(code) || "better".equals(code) ? ", " + code : "";
        String versus = "(" + Format.value(last.value(), indicator) + " vs " + Format.value(sn, indicator) + judged
                + ")";
        if ("similar".equals(code) || Format.value(last.value(), indicator).equals(Format.value(sn, indicator))) {
            return "similar to " + against + " " + versus;
        }
        String side = last.value() > sn ? "higher" : "lower";
        return side + " than " + against + " " + versus;
    }

    private static String target(Observation last, Indicator indicator) {
        if (last.targetHigh() != null && !last.targetHigh().equals(last.targetLow())) {
            return Format.value(last.targetLow(), indicator) + " to " + Format.value(last.targetHigh(), indicator);
        }
        return Format.value(last.targetLow(), indicator);
    }

    /** The values a run is counted on: the SPC chart's months for a monthly indicator, else the series. */
    private static List<Double> values(IndicatorData data) {
        if (!data.spc().isEmpty()) {
            return data.spc().stream().map(Signals.SpcPoint::value).toList();
        }
        return data.series().stream().map(Observation::value).toList();
    }

    /** A run of rises or falls at the end of a series. */
    record Run(int periods, boolean rising, String unit) {
        String words() {
            return (rising ? "risen" : "fallen") + " for " + periods + " consecutive " + unit + "s";
        }
    }

    /**
     * The rises (or falls) in a row up to the last value, counted as the periods that rose: 4, 5, 7, 9 has risen for
     * 3 consecutive periods. Null when the last change is no change, a value is missing, or the run is shorter than
     * {@link #MIN_RUN}.
     */
    static Run run(List<Double> values, String unit) {
        int n = values.size();
        if (n < 2 || values.get(n - 1) == null || values.get(n - 2) == null) {
            return null;
        }
        double lastChange = values.get(n - 1) - values.get(n - 2);
        if (lastChange == 0) {
            return null;
        }
        boolean rising = lastChange > 0;
        int count = 0;
        for (int i = n - 1; i > 0; i--) {
            Double now = values.get(i);
            Double before = values.get(i - 1);
            if (now == null || before == null || (rising ? now <= before : now >= before)) {
                break;
            }
            count++;
        }
        return count >= MIN_RUN ? new Run(count, rising, unit) : null;
    }

    /** Worse than its statistical neighbours or England in the latest period. */
    public static boolean worse(IndicatorData data) {
        return data.latest().map(o -> "worse".equals(o.vsSn()) || "worse".equals(o.vsEngland())).orElse(false);
    }

    /** Deteriorating by the trend test or the SPC rules (a special cause of concern). */
    public static boolean worsening(IndicatorData data) {
        Signals.Series signal = data.signal();
        return signal != null && (signal.deteriorating() || signal.concern());
    }

    /** The "worse and worsening" line of an indicator, or empty when it is not both. */
    public static Optional<String> worseAndWorsening(IndicatorData data) {
        if (!worse(data) || !worsening(data)) {
            return Optional.empty();
        }
        Indicator indicator = data.indicator();
        Observation last = data.latest().orElseThrow();
        List<String> than = new ArrayList<>();
        if ("worse".equals(last.vsSn())) {
            than.add("statistical neighbours (" + Format.value(last.snAverage(), indicator) + ")");
        }
        if ("worse".equals(last.vsEngland())) {
            than.add("England (" + Format.value(last.england(), indicator) + ")");
        }
        Signals.Series signal = data.signal();
        List<String> why = new ArrayList<>();
        if (signal.deteriorating()) {
            why.add("deteriorating trend" + (signal.pValue() == null ? "" : " (" + Format.pValue(signal.pValue())
                    + ")"));
        }
        if (signal.concern()) {
            why.add("special cause of concern");
        }
        return Optional.of(String.format("%s: %s in %s is worse than %s; %s.", indicator.name(),
                Format.value(last.value(), indicator), last.label(), String.join(" and ", than),
                String.join(" and ", why)));
    }
}

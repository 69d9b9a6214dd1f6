package org.csbench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.random.RandomGenerator;
import org.csbench.model.Errors;

/**
 * The generated indicator set: 14 observed monthly measures with fixed refs (the catalogue derives rates and
 * percentages from them), then synthetic series {@code syn_015} ... drawn from the seed.
 */
public final class Indicators {
    public static final String CONTACTS = "contacts";
    public static final String REFERRALS = "referrals";
    public static final String REREFERRALS = "rereferrals";
    public static final String ASSESSMENTS_COMPLETED = "assessments_completed";
    public static final String ASSESSMENTS_IN_45_DAYS = "assessments_in_45_days";
    public static final String CIN_OPEN = "cin_open";
    public static final String CPP_OPEN = "cpp_open";
    public static final String CPP_STARTED = "cpp_started";
    public static final String CPP_SUBSEQUENT = "cpp_subsequent";
    public static final String CLA_OPEN = "cla_open";
    public static final String CLA_STARTED = "cla_started";
    public static final String MISSING_INCIDENTS = "missing_incidents";
    public static final String SW_CASELOAD = "sw_caseload";
    public static final String CARE_LEAVERS_EET_PCT = "care_leavers_eet_pct";

    /** The observed measures, in this order, always come first. */
    public static final List<IndicatorDef> CORE = List.of(
            IndicatorDef.observed(CONTACTS, "Contacts received (No. month)", SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(REFERRALS, "Referrals received (No. month)", SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(REREFERRALS, "Re-referrals within 12 months of a previous referral (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(ASSESSMENTS_COMPLETED, "Child and family assessments completed (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(ASSESSMENTS_IN_45_DAYS,
                    "Child and family assessments completed within 45 working days (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(CIN_OPEN, "Children in need at month end (No.)", SeriesKind.SNAPSHOT),
            IndicatorDef.observed(CPP_OPEN, "Child protection plans at month end (No.)", SeriesKind.SNAPSHOT),
            IndicatorDef.observed(CPP_STARTED, "Child protection plans started (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(CPP_SUBSEQUENT, "Second or subsequent child protection plans started (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(CLA_OPEN, "Children looked after at month end (No.)", SeriesKind.SNAPSHOT),
            IndicatorDef.observed(CLA_STARTED, "Children starting to be looked after (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(MISSING_INCIDENTS, "Missing from care episodes (No. month)",
                    SeriesKind.COUNT_IN_MONTH),
            IndicatorDef.observed(SW_CASELOAD, "Average caseload per social worker (ratio)", SeriesKind.RATIO)
                    .withTarget(Target.atMost(18)),
            IndicatorDef.observed(CARE_LEAVERS_EET_PCT,
                    "Care leavers aged 19-21 in education, employment or training (%)", SeriesKind.PERCENT)
                    .withTarget(Target.atLeast(60)));

    /** The most indicators a run may ask for ({@code syn_999}). */
    public static final int MAX = 999;

    private Indicators() {
    }

    /** The first {@code count} indicators: the observed measures, then synthetic series drawn from {@code seed}. */
    public static List<IndicatorDef> catalogue(int count, long seed) {
        if (count < 1 || count > MAX) {
            throw Errors.invalidArgument(String.format("--indicators must be between 1 and %d, got %d", MAX, count));
        }
        List<IndicatorDef> list = new ArrayList<>(CORE.subList(0, Math.min(count, CORE.size())));
        for (int number = CORE.size() + 1; number <= count; number++) {
            list.add(synthetic(number, seed));
        }
        return List.copyOf(list);
    }

    /** Synthetic series number {@code number} (15 and up): its kind, level and target from the seed. */
    static IndicatorDef synthetic(int number, long seed) {
        String ref = String.format("syn_%03d", number);
        RandomGenerator random = Seeds.random(seed, "catalogue", ref);
        double pick = random.nextDouble();
        double seasonality = random.nextDouble() < 0.5 ? 0 : 0.3 + 0.7 * random.nextDouble();
        String label = String.format("Synthetic measure %03d", number);
        if (pick < 0.50) {
            double perTenThousandYear = 20 * Math.pow(100, random.nextDouble()); // 20 .. 2,000
            return new IndicatorDef(ref, label + " (No. month)", SeriesKind.COUNT_IN_MONTH, Optional.empty(),
                    Optional.of(new SyntheticSpec(perTenThousandYear, seasonality)));
        }
        if (pick < 0.70) {
            double perTenThousand = 10 * Math.pow(50, random.nextDouble()); // 10 .. 500
            return new IndicatorDef(ref, label + " (No. at month end)", SeriesKind.SNAPSHOT, Optional.empty(),
                    Optional.of(new SyntheticSpec(perTenThousand, 0)));
        }
        if (pick < 0.95) {
            double percent = 15 + 80 * random.nextDouble();
            Optional<Target> target = Optional.empty();
            double roll = random.nextDouble();
            if (roll < 0.3) {
                target = Optional.of(Target.atLeast(5 * Math.round(percent / 5)));
            } else if (roll < 0.4) {
                double low = Math.max(0, Math.round(percent) - 2);
                target = Optional.of(Target.between(low, low + 4));
            }
            return new IndicatorDef(ref, label + " (%)", SeriesKind.PERCENT, target,
                    Optional.of(new SyntheticSpec(percent, seasonality * 0.2)));
        }
        double ratio = 2 + 28 * random.nextDouble();
        return new IndicatorDef(ref, label + " (ratio)", SeriesKind.RATIO, Optional.empty(),
                Optional.of(new SyntheticSpec(ratio, 0)));
    }
}

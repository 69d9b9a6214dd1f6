package org.csbench.publish.disclosure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.csbench.SampleRun;
import org.csbench.contract.Star;
import org.csbench.model.Seqs;
import org.csbench.publish.AnalystView;

/** Disclosure control on the sample run's warehouse: what a public export would hold. */
class DisclosureSampleTest {
    private static final String EXACT = "_exact";
    private static Dataset<Row> exact;
    private static Dataset<Row> published;
    private static DisclosureRules rules;

    @BeforeAll
    static void apply() {
        exact = AnalystView.read(SampleRun.warehouse()).cache();
        rules = DisclosureRules.load(Path.of("pipelines/disclosure.yaml"));
        published = Disclosure.apply(exact, rules, DisclosureLevel.PUBLIC).cache();
    }

    @AfterAll
    static void release() {
        exact.unpersist();
        published.unpersist();
    }

    private static Column suppressing() {
        return rules.ruleFor(col(AnalystView.INDICATOR_ID), col(AnalystView.SOURCES))
                .getField(DisclosureRules.SUPPRESS_MIN).isNotNull();
    }

    private static Column small(String column) {
        return col(column).between(1, 5);
    }

    /** Local authority rows whose rule suppresses and which show a count from 1 to 5. */
    private static long smallCounts(Dataset<Row> rows) {
        return rows.filter(col(AnalystView.LEVEL).equalTo("local_authority").and(suppressing())
                .and(Disclosure.numeratorIsCount().and(small(AnalystView.NUMERATOR))
                        .or(Disclosure.denominatorIsCount().and(small(AnalystView.DENOMINATOR)))
                        .or(col(AnalystView.UNIT).equalTo("count").and(small(AnalystView.VALUE))))).count();
    }

    @Test
    void noPublicRowHoldsACountFromOneToFive() {
        long inWarehouse = smallCounts(exact);
        assertTrue(inWarehouse > 100, "the sample has small counts to suppress: " + inWarehouse);
        assertEquals(0, smallCounts(published));
        assertEquals(exact.count(), published.count());
        long secondary = published.filter(col(AnalystView.STATUS_REASON).equalTo(Disclosure.REASON_SECONDARY)).count();
        assertTrue(secondary > 0, "secondary suppressions: " + secondary);
        // The workforce census (staff) is published as it is.
        assertTrue(published.filter(col(AnalystView.SOURCES).equalTo("workforce_csww")
                .and(col(AnalystView.LEVEL).equalTo("local_authority")).and(small(AnalystView.NUMERATOR))).count() > 0);
    }

    /**
     * Each count cell (measure, authority, period) public and exact: a total (region, comparator region, England) that
     * is published and whose only unknown member is one disclosure control hid would give it back by subtraction.
     */
    @Test
    void noSuppressedCountIsTheDifferenceOfAPublishedTotalAndPublishedCounts() {
        Dataset<Row> cells = cells(AnalystView.NUMERATOR_MEASURE, AnalystView.NUMERATOR, Disclosure.numeratorIsCount())
                .union(cells(AnalystView.DENOMINATOR_MEASURE, AnalystView.DENOMINATOR, Disclosure.denominatorIsCount()))
                .distinct();
        Column unknown = col(AnalystView.NUMERATOR).isNull().cast(DataTypes.IntegerType);
        Column hidden = col(AnalystView.NUMERATOR).isNull().and(col(EXACT).isNotNull()).cast(DataTypes.IntegerType);
        Dataset<Row> totals = publishedTotals();
        assertTrue(totals.count() > 1000);
        long hidingTwoOrMore = 0;
        for (Column total : List.of(col(AnalystView.REGION_CODE), col(AnalystView.COMPARATOR_REGION_CODE),
                lit("national"))) {
            Dataset<Row> groups = cells.groupBy(col("_measure"), col(AnalystView.PERIOD_TYPE),
                            col(AnalystView.PERIOD_END), total.as("_code"))
                    .agg(sum(unknown).as("unknown"), sum(hidden).as("hidden"));
            hidingTwoOrMore += groups.filter(col("hidden").geq(2)).count();
            List<Row> recoverable = groups.filter(col("unknown").equalTo(1).and(col("hidden").equalTo(1)))
                    .join(totals, Seqs.of("_measure", AnalystView.PERIOD_TYPE, AnalystView.PERIOD_END, "_code"))
                    .collectAsList();
            assertEquals(List.of(), recoverable, "totals over " + total);
        }
        assertTrue(hidingTwoOrMore > 0, "secondary suppression left totals hiding two or more counts");
    }

    /** (measure, period, code) of every total a public row shows: a region's or England's count or comparator. */
    private static Dataset<Row> publishedTotals() {
        Column areaTotal = when(col(AnalystView.LEVEL).equalTo("national"), lit("national"))
                .otherwise(col(AnalystView.AREA_CODE));
        Dataset<Row> totals = null;
        for (String[] measureAndCount : new String[][] {{AnalystView.NUMERATOR_MEASURE, AnalystView.NUMERATOR},
                {AnalystView.DENOMINATOR_MEASURE, AnalystView.DENOMINATOR}}) {
            Column measure = col(measureAndCount[0]).as("_measure");
            Dataset<Row> own = published.filter(col(AnalystView.LEVEL).notEqual("local_authority")
                            .and(col(measureAndCount[1]).isNotNull()))
                    .select(measure, col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END), areaTotal.as("_code"));
            Dataset<Row> region = published.filter(col(AnalystView.REGION_VALUE).isNotNull())
                    .select(measure, col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END),
                            col(AnalystView.COMPARATOR_REGION_CODE).as("_code"));
            Dataset<Row> england = published.filter(col(AnalystView.ENGLAND_VALUE).isNotNull())
                    .select(measure, col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END),
                            lit("national").as("_code"));
            Dataset<Row> these = own.union(region).union(england);
            totals = totals == null ? these : totals.union(these);
        }
        return totals.filter(col("_measure").isNotNull()).distinct();
    }

    @Test
    void noNeighbourAverageIncludesASuppressedValue() {
        Dataset<Row> hiddenValues = published.filter(col(AnalystView.VALUE).isNull())
                .join(exact.filter(col(AnalystView.VALUE).isNotNull()).select(Star.INDICATOR_KEY, Star.AREA_KEY,
                        Star.PERIOD_KEY), Seqs.of(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY))
                .select(col(Star.INDICATOR_KEY).as("_i"), col(Star.PERIOD_KEY).as("_p"),
                        col(AnalystView.AREA_CODE).as("_code"));
        assertTrue(hiddenValues.count() > 0);
        long averagesWithHidden = published.filter(col(AnalystView.SN_AVERAGE).isNotNull())
                .select(col(Star.INDICATOR_KEY), col(Star.PERIOD_KEY),
                        explode(split(col(AnalystView.SN_CODES), ",")).as("_n"))
                .join(hiddenValues, col(Star.INDICATOR_KEY).equalTo(col("_i")).and(col(Star.PERIOD_KEY)
                        .equalTo(col("_p"))).and(col("_n").equalTo(col("_code")))).count();
        assertEquals(0, averagesWithHidden);
    }

    private static Dataset<Row> cells(String measure, String count, Column isCount) {
        Dataset<Row> exactCounts = exact.select(col(Star.INDICATOR_KEY).as("_ik"), col(Star.AREA_KEY).as("_ak"),
                col(Star.PERIOD_KEY).as("_pk"), col(count).as(EXACT));
        return published.filter(col(AnalystView.LEVEL).equalTo("local_authority").and(isCount).and(suppressing()))
                .join(exactCounts, col(Star.INDICATOR_KEY).equalTo(col("_ik")).and(col(Star.AREA_KEY).equalTo(col("_ak")))
                        .and(col(Star.PERIOD_KEY).equalTo(col("_pk"))))
                .select(col(measure).as("_measure"), col(AnalystView.AREA_CODE), col(AnalystView.REGION_CODE),
                        col(AnalystView.COMPARATOR_REGION_CODE), col(AnalystView.PERIOD_TYPE), col(AnalystView.PERIOD_END), col(count).as(AnalystView.NUMERATOR),
                        col(EXACT));
    }
}

package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.csbench.detect.IndicatorValueRows.indicator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.Catalogue;
import org.csbench.contract.CodeSet;
import org.csbench.contract.Star;
import org.csbench.contract.Star.DimPeriod;
import org.csbench.contract.Star.FactCrossSection;
import org.csbench.contract.Star.FactDataQuality;
import org.csbench.contract.Star.FactSeriesSignal;
import org.csbench.contract.Star.FactSignal;
import org.csbench.contract.TableDef;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
import org.csbench.metrics.Dimensions;
import org.csbench.metrics.Geography;
import org.csbench.model.Columns;
import org.csbench.model.Polarity;
import org.csbench.model.Unit;

class DetectJobTest {

    @Test
    void writesEverySignalTableFromTheIndicatorValues() {
        // 10 LAs x 2 years of a percentage (10 annual series of 2 points, 2 funnel cross-sections of 10 LAs) and one
        // LA's monthly days (1 series of 14 points, 14 one-LA cross-sections; its last value, 30, is 200% above the
        // median 10 of the three before it: one data-quality anomaly).
        IndicatorValueRows rows = new IndicatorValueRows();
        for (int la = 101; la <= 110; la++) {
            for (int year = 2023; year <= 2024; year++) {
                rows.fraction("pct", Polarity.LOWER_IS_BETTER, Unit.PERCENT, Integer.toString(la),
                        LocalDate.of(year, 3, 31), 100 + la - 101, 1000, 100);
            }
        }
        Double[] days = {9.0, 11.0, 10.0, 12.0, 8.0, 10.0, 11.0, 9.0, 10.0, 10.0, 12.0, 8.0, 10.0, 30.0};
        for (int i = 0; i < days.length; i++) {
            LocalDate end = LocalDate.of(2023, 4, 1).plusMonths(i);
            rows.value("days", Polarity.LOWER_IS_BETTER, Unit.DAYS, "101", "month",
                    end.withDayOfMonth(end.lengthOfMonth()), days[i], "available");
        }
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("pct", Unit.PERCENT, Polarity.LOWER_IS_BETTER, List.of("den"), 100, null, 0.0, 100.0),
                indicator("days", Unit.DAYS, Polarity.LOWER_IS_BETTER, List.of(), 1, null, 0.0, null)));
        Warehouse warehouse = SparkTestSession.newWarehouse("detect");
        DetectJob.Result result = WarehouseTransaction.run(warehouse,
                tx -> new DetectJob(warehouse).run(catalogue, rows.dataset(), tx, "test"));

        // Signals: one row per value (20 + 14). Series: 10 annual + 1 monthly. Cross-sections: 2 years of the
        // percentage (funnel and outliers) and 14 months of days (outliers only).
        Map<String, Long> expected = Map.of(FactSignal.TABLE.name(), 20L + 14, FactSeriesSignal.TABLE.name(), 11L,
                FactCrossSection.TABLE.name(), 2L + 14, FactDataQuality.TABLE.name(), 1L);
        assertEquals(expected.keySet(), Set.copyOf(result.tables().stream().map(t -> t.table()).toList()));
        expected.forEach((table, count) -> {
            assertEquals(count, result.rows(table), table + " rows reported");
            assertEquals(count, warehouse.read(table).count(), table + " rows in the table");
        });
        for (TableDef table : List.of(FactSignal.TABLE, FactSeriesSignal.TABLE, FactCrossSection.TABLE,
                FactDataQuality.TABLE)) {
            assertEquals(table.schema().simpleString(), warehouse.read(table.name()).schema().asNullable()
                    .simpleString(), table.name());
        }
        Row jump = warehouse.read(FactDataQuality.TABLE.name()).first();
        assertEquals(CodeSet.ANOMALY.code("relative_jump"), jump.<Byte>getAs(FactDataQuality.ANOMALY));
        assertEquals(30.0, jump.<Double>getAs(FactDataQuality.VALUE));
        assertEquals(10.0, jump.<Double>getAs(FactDataQuality.REFERENCE));
        // LA 110's 2024 value 109 / 1000 = 10.9% is the funnel's and the chart's; each year's pooled value is
        // 1045 / 10000 = 10.45% (100..109 over 10 x 1000), written once per cross-section, not on every authority.
        Row keys = SeriesSignals.withKeys(rows.dataset().filter(col(Columns.INDICATOR_ID).equalTo("pct")
                        .and(col(Geography.GEO_KEY).equalTo("110"))
                        .and(col(Columns.PERIOD_END).equalTo(java.sql.Date.valueOf("2024-03-31")))),
                col(Columns.PERIOD_END)).select(Star.INDICATOR_KEY, Star.AREA_KEY, Star.PERIOD_KEY).first();
        Row la110 = warehouse.read(FactSignal.TABLE.name()).filter(col(Star.INDICATOR_KEY).equalTo(keys.getLong(0))
                .and(col(Star.AREA_KEY).equalTo(keys.getLong(1))).and(col(Star.PERIOD_KEY).equalTo(keys.getLong(2))))
                .first();
        assertEquals(10.9, la110.<Double>getAs(FactSignal.VALUE), 1e-12);
        assertEquals(10.9, la110.<Double>getAs(FactSignal.FUNNEL_VALUE), 1e-12);
        assertEquals(2, warehouse.read(FactCrossSection.TABLE.name())
                .filter(col(FactCrossSection.POOLED_VALUE).equalTo(10.45)).count());
    }
    @Test
    void aGapNoAreaHasAValueForIsAddedToThePeriodDimension() {
        // One LA's annual values for 2019, 2020, 2022 and 2023: no area has 2021 (year to March 2021), so the
        // newly missing anomaly names a period no other fact uses.
        IndicatorValueRows rows = new IndicatorValueRows();
        for (int year : new int[] {2019, 2020, 2022, 2023}) {
            rows.value("pct", Polarity.HIGHER_IS_BETTER, Unit.PERCENT, "101", "reporting_year",
                    LocalDate.of(year, 3, 31), year - 2000.0, "available");
        }
        Warehouse warehouse = SparkTestSession.newWarehouse("detect-gap");
        Dataset<Row> observed = rows.dataset().withColumn(Columns.IS_CURRENT, lit(true));
        warehouse.overwrite(DimPeriod.TABLE.name(), Dimensions.periods(Dimensions.periodCandidates(observed),
                SeriesSignals.withKeys(observed, col(Columns.PERIOD_END)).select(Star.PERIOD_KEY)), "test");
        assertEquals(4, warehouse.read(DimPeriod.TABLE.name()).count());
        Catalogue catalogue = new Catalogue("test", List.of(
                indicator("pct", Unit.PERCENT, Polarity.HIGHER_IS_BETTER, List.of(), 100, null, 0.0, 100.0)));

        WarehouseTransaction.run(warehouse, tx -> new DetectJob(warehouse).run(catalogue, rows.dataset(), tx, "test"));

        Dataset<Row> periods = warehouse.read(DimPeriod.TABLE.name());
        Row gap = periods.filter(col(DimPeriod.END).equalTo(java.sql.Date.valueOf("2021-03-31"))).first();
        assertEquals("reporting_year 2020-04-01 2020-21 2020-21 2021 false", gap.getAs(DimPeriod.TYPE) + " "
                + gap.getAs(DimPeriod.START) + " " + gap.getAs(DimPeriod.LABEL) + " "
                + gap.getAs(DimPeriod.FINANCIAL_YEAR) + " " + gap.getAs(DimPeriod.REPORTING_YEAR) + " "
                + gap.getAs(DimPeriod.IS_LATEST));
        assertEquals(5, periods.count());
        Dataset<Row> anomalies = warehouse.read(FactDataQuality.TABLE.name());
        assertEquals(1, anomalies.filter(col(FactDataQuality.ANOMALY).equalTo(CodeSet.ANOMALY.code("newly_missing")))
                .count());
        assertEquals(0, anomalies.join(periods, Star.PERIOD_KEY, "left_anti").count(), "every period key resolves");
    }
}

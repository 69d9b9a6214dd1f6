package org.csbench.detect;

import static org.apache.spark.sql.functions.col;
import static org.csbench.detect.IndicatorValueRows.indicator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.csbench.SparkTestSession;
import org.csbench.config.Catalogue;
import org.csbench.delta.Warehouse;
import org.csbench.delta.WarehouseTransaction;
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

        Map<String, Long> expected = Map.of(SeriesSignals.POINT_TABLE, 20L + 14, SeriesSignals.SUMMARY_TABLE, 11L,
                SeriesSignals.TREND_TABLE, 11L, SeriesSignals.ANOMALY_TABLE, 1L, CrossSections.FUNNEL_TABLE, 20L,
                CrossSections.OUTLIER_TABLE, 20L + 14);
        assertEquals(expected.keySet(), Set.copyOf(result.tables().stream().map(t -> t.table()).toList()));
        expected.forEach((table, count) -> {
            assertEquals(count, result.rows(table), table + " rows reported");
            assertEquals(count, warehouse.read(table).count(), table + " rows in the table");
        });
        assertEquals(30.0, warehouse.read(SeriesSignals.ANOMALY_TABLE).filter(col("anomaly").equalTo("relative_jump"))
                .first().<Double>getAs("value"));
    }
}

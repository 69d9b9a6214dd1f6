package org.csbench.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard's comparator averages for the end month: regional, statistical neighbour (DfE 2025 model) and
 * England averages are simple means of the generated LAs' published end-month values (the LA itself included
 * in its region and England; neighbours not generated, and blank cells, are skipped; blank if none is left).
 */
final class Comparators {
    private final List<ScorecardRow> rows;
    private final Map<String, Authority> authorities = new LinkedHashMap<>();
    private final Map<String, double[]> endValues = new LinkedHashMap<>();
    private final Map<String, List<String>> neighbours;

    Comparators(List<ScorecardRow> rows, Map<String, List<String>> neighbours) {
        this.rows = List.copyOf(rows);
        this.neighbours = neighbours;
    }

    /** Records an LA's end-month values. */
    void add(LaSeries series) {
        int end = series.months() - 1;
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = rows.get(r).value(series, end);
        }
        authorities.put(series.authority().code(), series.authority());
        endValues.put(series.authority().code(), values);
    }

    double regional(Authority la, int row) {
        List<String> codes = new ArrayList<>();
        for (Authority other : authorities.values()) {
            if (other.regionCode().equals(la.regionCode())) {
                codes.add(other.code());
            }
        }
        return mean(codes, row);
    }

    double statisticalNeighbours(Authority la, int row) {
        return mean(neighbours.getOrDefault(la.code(), List.of()), row);
    }

    double england(int row) {
        return mean(endValues.keySet(), row);
    }

    private double mean(Iterable<String> codes, int row) {
        double sum = 0;
        int n = 0;
        for (String code : codes) {
            double[] values = endValues.get(code);
            if (values != null && !Double.isNaN(values[row])) {
                sum += values[row];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}

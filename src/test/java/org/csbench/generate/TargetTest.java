package org.csbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.csbench.model.CsbenchException;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void ratesARangeTarget() {
        Target range = Target.between(20, 24);
        assertEquals("20-24%", range.format(SeriesKind.PERCENT));
        assertEquals("G", range.rag(22));
        assertEquals("G", range.rag(24));
        assertEquals("A", range.rag(24.4)); // within 2% of 24 (24.48)
        assertEquals("R", range.rag(24.5));
        assertEquals("A", range.rag(19.7)); // within 2% of 20 (19.6)
        assertEquals("R", range.rag(19.5));
        assertEquals("", range.rag(Double.NaN));
    }

    @Test
    void ratesSingleValueTargetsByDirection() {
        Target atLeast = Target.atLeast(85);
        assertEquals("85%", atLeast.format(SeriesKind.PERCENT));
        assertEquals("G", atLeast.rag(90));
        assertEquals("A", atLeast.rag(83.3));
        assertEquals("R", atLeast.rag(83.2));
        Target atMost = Target.atMost(18);
        assertEquals("18", atMost.format(SeriesKind.RATIO));
        assertEquals("G", atMost.rag(12));
        assertEquals("A", atMost.rag(18.3));
        assertEquals("R", atMost.rag(18.4));
    }

    @Test
    void refusesAnUpsideDownRange() {
        CsbenchException e = assertThrows(CsbenchException.class, () -> Target.between(24, 20));
        assertEquals("Invalid target: BETWEEN 24.0..20.0", e.getMessage());
    }
}

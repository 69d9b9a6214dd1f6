package org.csbench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.csbench.config.IgnoreSpec;
import org.csbench.config.MeasureSpec;
import org.csbench.config.PeriodSpec;
import org.csbench.config.SourceFormat;
import org.csbench.config.SourceSpec;
import org.csbench.model.CsbenchException;
import org.csbench.model.Unit;

class HeaderTest {
    private static final SourceSpec REFERRALS = new SourceSpec("t", SourceFormat.EES, "unused", null, null,
            PeriodSpec.REPORTING_YEAR, List.of(),
            List.of(new MeasureSpec("referrals", List.of("referral_count"), Unit.COUNT, Map.of(), false)), null,
            List.of(), null, Map.of(), ",", null, List.of(), IgnoreSpec.NONE);

    @Test
    void aColumnTheSourceReadsTwiceFailsTheFileNamingBothPositions() {
        Header header = new Header("c1.csv", List.of("time_period", "geographic_level", "old_la_code",
                "referral_count", "la_name", "Referral_Count "));
        CsbenchException e = assertThrows(CsbenchException.class, () -> EesLayout.resolve(header, REFERRALS));
        assertEquals("c1.csv: line 1 (header): column 'referral_count' appears twice, at columns 4 and 6, and the "
                + "source reads it; rename or remove one of them", e.getMessage());
    }

    @Test
    void aRepeatedMonthColumnOfAScorecardFailsTheFile() {
        Header header = new Header("scorecard.tsv", List.of("Ref", "Indicator", "Apr-23", "May-23", "apr-23"));
        CsbenchException e = assertThrows(CsbenchException.class, () -> ScorecardWideLayout.resolve(header));
        assertEquals("scorecard.tsv: line 1 (header): column 'apr-23' appears twice, at columns 3 and 5, and the "
                + "source reads it; rename or remove one of them", e.getMessage());
    }

    @Test
    void aRepeatedColumnNothingReadsIsOnlyReported() {
        Header header = new Header("c1.csv", List.of("time_period", "note", "value", "Note", "x", "x", "x", "SNP", "SNP"));
        assertEquals(List.of("'note' at columns 2 and 4", "'x' at columns 5, 6 and 7"),
                header.unusedDuplicates(Set.of(0, 2, 7)));
    }
}

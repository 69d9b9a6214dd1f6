package org.csbench.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.csbench.model.CsbenchException;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedFieldsDoubledQuotesCrlfAndAByteOrderMark() {
        CsvTable table = CsvTable.parse("t.csv", "\uFEFFcode,name,value\r\n"
                + "801,\"Bristol, City of\",12\r\n"
                + "802,\"say \"\"hi\"\"\",\r\n"
                + "\r\n"
                + "803,\"two\nlines\",c");
        assertEquals(List.of("code", "name", "value"), table.header());
        assertEquals(List.of("801", "Bristol, City of", "12"), table.rows().get(0));
        assertEquals(List.of("802", "say \"hi\"", ""), table.rows().get(1));
        assertEquals(List.of("803", "two\nlines", "c"), table.rows().get(2));
        assertEquals(3, table.rows().size());
        assertEquals(1, table.column("missing", "name"));
    }

    @Test
    void refusesAnUnclosedQuoteAndAMissingColumnWithTheFileName() {
        CsbenchException unclosed = assertThrows(CsbenchException.class,
                () -> CsvTable.parse("bad.csv", "a,b\n1,\"open\n2,3\n"));
        assertTrue(unclosed.getMessage().contains("bad.csv") && unclosed.getMessage().contains("Missing closing quote"),
                unclosed.getMessage());
        CsvTable table = CsvTable.parse("t.csv", "a,b\n1,2\n");
        CsbenchException missing = assertThrows(CsbenchException.class, () -> table.column("referral_count"));
        assertTrue(missing.getMessage().contains("referral_count"), missing.getMessage());
    }

    @Test
    void quotesFieldsAsRfc4180() {
        assertEquals("Manchester", Csv.field("Manchester"));
        assertEquals("\"Bristol, City of\"", Csv.field("Bristol, City of"));
        assertEquals("\"a \"\"b\"\"\"", Csv.field("a \"b\""));
    }
}

package com.funnelgate.gateway.bi;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.support.TestSchemas;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV tables: columns and lines from an operation's selection, and RFC 4180 fields. */
class CsvTests {

    private static final GraphQLSchema SCHEMA = TestSchemas.of("""
            type Query { report: Report  reports: [Report!]! }
            type Report { currency: String  rows: [Row!]!  totals: Metrics  sources: [Source!]! }
            type Row { period: String  name: String  metrics: Metrics }
            type Metrics { spend: String  clicks: Int  rate: Float }
            type Source { source: String }
            """);

    @Test
    void columnsComeFromTheSelectionWithShortUniqueHeaders() {
        CsvLayout layout = layout("{ report { currency totals { spend } sources { source } "
                + "rows { period metrics { spend clicks } } } }");
        assertThat(layout.headers()).containsExactly("currency", "totals.spend", "period", "metrics.spend", "clicks");
        assertThat(layout("{ report { rows { day: period ...M } } } fragment M on Row { metrics { spend } }").headers())
                .containsExactly("day", "spend");
    }

    @Test
    void eachRowIsALineWithTheValuesAboveItRepeated() {
        CsvLayout layout = layout("{ reports { currency rows { period metrics { clicks } } } }");
        Map<String, Object> data = Map.of("reports", List.of(
                Map.of("currency", "EUR", "rows", List.of(row("2026-01-01", 3), row("2026-01-02", 4))),
                Map.of("currency", "USD", "rows", List.of())));
        assertThat(layout.lines(data)).containsExactly(List.of("EUR", "2026-01-01", 3), List.of("EUR", "2026-01-02", 4));
        assertThat(layout("{ report { currency totals { clicks } } }").lines(Map.of("report", Map.of("currency", "EUR",
                "totals", Map.of("clicks", 9))))).containsExactly(List.of("EUR", 9));
    }

    @Test
    void nullsAreEmptyNumbersUnformattedTextQuotedAndFormulasDefused() {
        List<Object> line = Arrays.asList(null, 0.0001, 1234567.5, 12L, "-12.50", "a,b", "say \"hi\"", "=SUM(A1)",
                "line\nbreak", true);
        String csv = new String(CsvWriter.write(List.of("h"), List.of(line)), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("h\r\n,0.0001,1234567.5,12,-12.50,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),\"line\nbreak\",true\r\n");
    }

    private static Map<String, Object> row(String period, int clicks) {
        Map<String, Object> row = new HashMap<>();
        row.put("period", period);
        row.put("metrics", Map.of("clicks", clicks));
        return row;
    }

    private static CsvLayout layout(String query) {
        Document document = Parser.parse(query);
        return CsvLayout.of(SCHEMA, document, document.getDefinitionsOfType(OperationDefinition.class).get(0));
    }
}

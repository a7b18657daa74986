package com.funnelgate.gateway.bi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.funnelgate.gateway.support.TestSchemas;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The BI parameter convention, from query parameters to typed variables. */
class VariableParametersTests {

    private static final GraphQLSchema SCHEMA = TestSchemas.of("""
            scalar Date
            scalar Long
            input DateRangeInput { from: Date!  to: Date! }
            input Filter { networks: [Network!] names: [String!] since: Date }
            enum Network { META GOOGLE_ADS }
            type Query { r(range: DateRangeInput!, other: DateRangeInput, filter: Filter, n: Int, on: Boolean,
                           networks: [Network!], limit: Long, label: String): Int }
            """);

    @Test
    void fieldsOfAnInputObjectGoByDottedNameOrTheirOwnName() {
        VariableParameters parameters = parameters("query Q($range: DateRangeInput!) { r(range: $range) }");
        Map<String, Object> expected = Map.of("range", Map.of("from", "2026-01-01", "to", "2026-01-31"));
        assertThat(parameters.convert(params("from", "2026-01-01", "to", "2026-01-31")).values()).isEqualTo(expected);
        assertThat(parameters.convert(params("range.from", "2026-01-01", "range.to", "2026-01-31")).values())
                .isEqualTo(expected);
        assertThat(parameters.convert(params("from", "2026-01-01", "to", "2026-01-31")).dates())
                .containsExactly("2026-01-01", "2026-01-31");
    }

    @Test
    void aFieldNameSharedByTwoVariablesMustBeDotted() {
        VariableParameters parameters = parameters(
                "query Q($range: DateRangeInput!, $other: DateRangeInput) { r(range: $range, other: $other) }");
        assertThatThrownBy(() -> parameters.convert(params("from", "2026-01-01", "to", "2026-01-31")))
                .isInstanceOf(BadParameter.class).hasMessageContaining("Unknown query parameters from, to")
                .hasMessageContaining("range.from");
        assertThat(parameters.convert(params("range.from", "2026-01-01", "range.to", "2026-01-31")).values())
                .containsOnlyKeys("range");
    }

    @Test
    void scalarsEnumsAndListsAreTypedByTheirDeclaration() {
        VariableParameters parameters = parameters("query Q($range: DateRangeInput!, $n: Int, $on: Boolean, "
                + "$networks: [Network!], $limit: Long, $label: String, $filter: Filter) { r(range: $range, n: $n, "
                + "on: $on, networks: $networks, limit: $limit, label: $label, filter: $filter) }");
        MultiValueMap<String, String> given = params("from", "2026-01-01", "to", "2026-01-02", "n", "7", "on", "TRUE",
                "networks", "meta, google_ads", "limit", "9000000000", "label", "a,b", "filter.names", "x,y");
        Map<String, Object> values = parameters.convert(given).values();
        assertThat(values).containsEntry("n", 7).containsEntry("on", true).containsEntry("limit", "9000000000")
                .containsEntry("networks", List.of("META", "GOOGLE_ADS")).containsEntry("label", "a,b")
                .containsEntry("filter", Map.of("names", List.of("x,y")));
        MultiValueMap<String, String> repeated = params("from", "2026-01-01", "to", "2026-01-02");
        repeated.add("networks", "META");
        repeated.add("networks", "GOOGLE_ADS");
        assertThat(parameters.convert(repeated).values()).containsEntry("networks", List.of("META", "GOOGLE_ADS"));
        assertThat(parameters.convert(params("from", "2026-01-01", "to", "2026-01-02", "networks", "")).values())
                .containsEntry("networks", List.of());
    }

    @Test
    void missingAndInvalidValuesNameTheParameter() {
        VariableParameters parameters = parameters("query Q($range: DateRangeInput!, $n: Int) { r(range: $range, n: $n) }");
        assertBad(parameters, params("from", "2026-01-01"), "to", "Missing query parameter 'to' (variable range.to, a Date!)");
        assertBad(parameters, params(), "range", "give it as query parameters from and to");
        assertBad(parameters, params("from", "2026-02-30", "to", "2026-03-01"), "from", "'from' is not a valid Date");
        assertBad(parameters, params("from", "2026-01-01", "to", "2026-01-02", "n", "seven"), "n", "Int cannot be \"seven\"");
        assertBad(parameters, params("from", "2026-01-01", "to", "2026-01-02", "x", "1"), "x",
                "Unknown query parameter x: this operation takes from, to, n, format.");
        assertThat(parameters.convert(params("from", "2026-01-01", "to", "2026-01-02", "_", "1", "format", "csv"))
                .values()).containsOnlyKeys("range");
    }

    private static void assertBad(VariableParameters parameters, MultiValueMap<String, String> given, String name,
            String message) {
        assertThatThrownBy(() -> parameters.convert(given)).isInstanceOf(BadParameter.class)
                .hasMessageContaining(message)
                .satisfies(error -> assertThat(((BadParameter) error).parameter()).isEqualTo(name));
    }

    private static VariableParameters parameters(String operation) {
        return new VariableParameters(SCHEMA, Parser.parse(operation).getDefinitionsOfType(OperationDefinition.class).get(0));
    }

    private static MultiValueMap<String, String> params(String... pairs) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}

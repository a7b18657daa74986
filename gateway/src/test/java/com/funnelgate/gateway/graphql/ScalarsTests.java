package com.funnelgate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScalarsTests {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @Test
    void decimalsTravelAsExactStrings() {
        assertThat(Scalars.DECIMAL.getCoercing().serialize(new BigDecimal("1234.50"), CONTEXT, Locale.ROOT))
                .isEqualTo("1234.50");
        assertThat(Scalars.DECIMAL.getCoercing().serialize(new BigDecimal("1E+3"), CONTEXT, Locale.ROOT))
                .isEqualTo("1000");
    }

    @Test
    void datesAreIsoAndBadOnesNameTheValue() {
        assertThat(Scalars.DATE.getCoercing().parseValue("2026-11-01", CONTEXT, Locale.ROOT))
                .isEqualTo(LocalDate.of(2026, 11, 1));
        assertThatThrownBy(() -> Scalars.DATE.getCoercing().parseValue("11/01/2026", CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("\"11/01/2026\"");
        assertThatThrownBy(() -> Scalars.DATE.getCoercing().parseLiteral(StringValue.of("2026-02-30"),
                CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }

    @Test
    void longsAreCheckedForRange() {
        assertThat(Scalars.LONG.getCoercing().parseLiteral(new IntValue(BigInteger.valueOf(Long.MAX_VALUE)),
                CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Scalars.LONG.getCoercing().parseLiteral(
                new IntValue(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)), CoercedVariables.emptyVariables(),
                CONTEXT, Locale.ROOT)).isInstanceOf(CoercingParseLiteralException.class);
    }
}

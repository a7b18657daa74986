package com.funnelgate.gateway.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The custom scalars of the schema: {@code Date} (ISO calendar date), {@code DateTime} (ISO instant
 * with offset), {@code Decimal} (exact, a JSON string so no client rounds it through a double) and
 * {@code Long} (64-bit integer). Bad input names the scalar and the value that did not fit.
 */
public final class Scalars {

    private Scalars() {
    }

    public static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .coercing(new TextCoercing<>("Date", LocalDate.class, LocalDate::parse, LocalDate::toString,
                    "an ISO-8601 date such as \"2026-11-01\""))
            .build();

    public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .coercing(new TextCoercing<>("DateTime", OffsetDateTime.class, OffsetDateTime::parse,
                    OffsetDateTime::toString, "an ISO-8601 instant with offset such as \"2026-11-01T00:00:00Z\""))
            .build();

    public static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .coercing(new TextCoercing<>("Decimal", BigDecimal.class, BigDecimal::new, BigDecimal::toPlainString,
                    "a decimal number in a string such as \"1234.50\""))
            .build();

    public static final GraphQLScalarType LONG = GraphQLScalarType.newScalar()
            .name("Long")
            .coercing(new LongCoercing())
            .build();

    /** A scalar that travels as a JSON string and is parsed by a {@code java.time}-style parser. */
    private static final class TextCoercing<T> implements Coercing<T, String> {
        private final String name;
        private final Class<T> type;
        private final Function<String, T> parser;
        private final Function<T, String> printer;
        private final String expected;

        TextCoercing(String name, Class<T> type, Function<String, T> parser, Function<T, String> printer,
                String expected) {
            this.name = name;
            this.type = type;
            this.parser = parser;
            this.printer = printer;
            this.expected = expected;
        }

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (type.isInstance(value)) {
                return printer.apply(type.cast(value));
            }
            throw new CoercingSerializeException(name + " cannot represent a " + value.getClass().getSimpleName());
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                T parsed = parse(text);
                if (parsed != null) {
                    return parsed;
                }
            }
            throw new CoercingParseValueException(message(input));
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                T parsed = parse(text.getValue());
                if (parsed != null) {
                    return parsed;
                }
            }
            throw new CoercingParseLiteralException(message(input instanceof StringValue s ? s.getValue() : input));
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }

        private T parse(String text) {
            try {
                return parser.apply(text);
            } catch (DateTimeParseException | NumberFormatException e) {
                return null;
            }
        }

        private String message(Object input) {
            return name + " must be " + expected + ", got " + shorten(String.valueOf(input));
        }
    }

    /** 64-bit integers: JSON numbers (or numeric strings on input), checked for range. */
    private static final class LongCoercing implements Coercing<Long, Long> {
        private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
        private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

        @Override
        public Long serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            }
            throw new CoercingSerializeException("Long cannot represent a " + value.getClass().getSimpleName());
        }

        @Override
        public Long parseValue(Object input, GraphQLContext context, Locale locale) {
            Long value = null;
            if (input instanceof Long || input instanceof Integer) {
                value = ((Number) input).longValue();
            } else if (input instanceof BigInteger big) {
                value = inRange(big);
            } else if (input instanceof String text) {
                value = parseText(text);
            }
            if (value == null) {
                throw new CoercingParseValueException("Long must be a 64-bit integer, got " + shorten(String.valueOf(input)));
            }
            return value;
        }

        @Override
        public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Long value = null;
            if (input instanceof IntValue integer) {
                value = inRange(integer.getValue());
            } else if (input instanceof StringValue text) {
                value = parseText(text.getValue());
            }
            if (value == null) {
                throw new CoercingParseLiteralException("Long must be a 64-bit integer");
            }
            return value;
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return new IntValue(BigInteger.valueOf(serialize(input, context, locale)));
        }

        private static Long parseText(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Long inRange(BigInteger value) {
            return value.compareTo(MIN) >= 0 && value.compareTo(MAX) <= 0 ? value.longValue() : null;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "…\"";
    }
}

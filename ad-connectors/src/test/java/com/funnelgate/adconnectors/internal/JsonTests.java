package com.funnelgate.adconnectors.internal;

import static com.funnelgate.adconnectors.AdNetwork.META;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.funnelgate.adconnectors.AdNetworkException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonTests {

    private static JsonNode parse(String json) {
        return Json.parse(META, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decimalsAreExactFromStringsAndNumbers() {
        JsonNode node = parse("{\"a\":\"14.35\",\"b\":36.1,\"c\":0.1,\"d\":\"5339.5\",\"e\":1E+2}");

        assertThat(Json.decimal(META, node.path("a"), "a")).isEqualTo(new BigDecimal("14.35"));
        assertThat(Json.decimal(META, node.path("b"), "b")).isEqualTo(new BigDecimal("36.1"));
        assertThat(Json.decimal(META, node.path("c"), "c")).isEqualTo(new BigDecimal("0.1"));
        assertThat(Json.decimal(META, node.path("d"), "d")).isEqualTo(new BigDecimal("5339.5"));
        assertThat(Json.decimal(META, node.path("e"), "e")).isEqualByComparingTo("100");
    }

    @Test
    void missingNullEmptyAndDashAreAbsent() {
        JsonNode node = parse("{\"n\":null,\"e\":\"\",\"d\":\"-\",\"s\":\" - \"}");

        for (String field : new String[] {"n", "e", "d", "s", "missing"}) {
            assertThat(Json.decimal(META, node.path(field), field)).isNull();
            assertThat(Json.count(META, node.path(field), field)).isNull();
        }
    }

    @Test
    void countsAreWholeNumbers() {
        JsonNode node = parse("{\"a\":\"185\",\"b\":9,\"c\":\"9223372036854775807\",\"f\":\"1.5\",\"x\":\"12a\"}");

        assertThat(Json.count(META, node.path("a"), "a")).isEqualTo(185L);
        assertThat(Json.count(META, node.path("b"), "b")).isEqualTo(9L);
        assertThat(Json.count(META, node.path("c"), "c")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Json.count(META, node.path("f"), "f")).isInstanceOf(AdNetworkException.Transient.class);
        assertThatThrownBy(() -> Json.count(META, node.path("x"), "x")).isInstanceOf(AdNetworkException.Transient.class);
    }

    @Test
    void microsBecomeCurrencyUnits() {
        JsonNode node = parse("{\"a\":\"1745000\",\"b\":\"2000000\",\"c\":\"1\",\"d\":\"0\",\"e\":\"1500000000\"}");

        assertThat(Json.micros(META, node.path("a"), "a")).isEqualTo(new BigDecimal("1.745"));
        assertThat(Json.micros(META, node.path("b"), "b")).isEqualTo(new BigDecimal("2"));
        assertThat(Json.micros(META, node.path("c"), "c")).isEqualTo(new BigDecimal("0.000001"));
        assertThat(Json.micros(META, node.path("d"), "d")).isEqualTo(new BigDecimal("0"));
        assertThat(Json.micros(META, node.path("e"), "e")).isEqualTo(new BigDecimal("1500"));
    }

    @Test
    void datesAreIsoDays() {
        JsonNode node = parse("{\"a\":\"2024-01-31\",\"b\":\"2024-01-31 00:00:00\",\"c\":\"31/01/2024\"}");

        assertThat(Json.date(META, node.path("a"), "a")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(Json.date(META, node.path("b"), "b")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThatThrownBy(() -> Json.date(META, node.path("c"), "c")).isInstanceOf(AdNetworkException.Transient.class);
    }

    @Test
    void truncatedEmptyOrTrailingGarbageIsMalformed() {
        for (String body : new String[] {"", "{\"data\":[", "{} {}", "<html>"}) {
            assertThatThrownBy(() -> parse(body))
                    .isInstanceOfSatisfying(AdNetworkException.Transient.class, e -> assertThat(e.reason())
                            .isEqualTo(AdNetworkException.Transient.Reason.MALFORMED_RESPONSE));
        }
    }

    @Test
    void retryDelaysAreRead() {
        assertThat(RetryAfter.protobuf("8962s")).isEqualTo(Duration.ofSeconds(8962));
        assertThat(RetryAfter.protobuf("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfter.protobuf("soon")).isNull();
        assertThat(RetryAfter.parse("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("later")).isNull();
    }
}

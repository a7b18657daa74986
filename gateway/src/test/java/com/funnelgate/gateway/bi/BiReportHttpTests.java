package com.funnelgate.gateway.bi;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.adconnectors.AdNetwork;
import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The BI endpoint over HTTP: JSON and CSV answers of trusted operations, the parameter convention (dates,
 * enums, lists, input objects by field), ETag and 304, Content-Disposition, and the refusals (unknown
 * operation, missing or bad parameter). A tenant in Europe/London with events in September 2026.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiReportHttpTests {

    private static final String SEPTEMBER = "from=2026-09-01&to=2026-09-30";

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired FunnelEventWriter writer;
    @Autowired FunnelRollup rollup;

    private BiClient bi;
    private TestTenant tenant;
    private TestTenant other;
    private String biKey;
    private String partnerKey;
    private long site;
    private long cta1;
    private long cta2;

    @BeforeAll
    void createTenantWithEvents() {
        bi = new BiClient(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        tenant = tenants.create("Europe/London", "GBP", 1, 2);
        other = tenants.create("Asia/Kolkata", "INR", 1, 1);
        biKey = tenants.key(Role.BI, tenant.tenant());
        partnerKey = tenants.key(Role.PARTNER, tenant.tenant(), other.tenant());
        site = tenant.sites().get(0).id();
        cta1 = tenant.sites().get(0).ctaIds().get(0);
        cta2 = tenant.sites().get(0).ctaIds().get(1);
        writer.write(Flux.just(
                event(cta1, 1, FunnelEventType.VIEW, "2026-09-02T10:00:00Z", AdNetwork.META, "m1", null),
                event(cta1, 1, FunnelEventType.CONVERT, "2026-09-02T10:05:00Z", AdNetwork.META, "m1", null),
                event(cta1, 1, FunnelEventType.COMPLETE, "2026-09-02T10:06:00Z", AdNetwork.META, "m1", "19.90"),
                event(cta2, 2, FunnelEventType.VIEW, "2026-09-03T11:00:00Z", AdNetwork.GOOGLE_ADS, "g1", null),
                event(cta2, 3, FunnelEventType.VIEW, "2026-09-20T12:00:00Z", null, null, null))).block();
        rollup.runOnce().block();
    }

    @Test
    void answersTheGraphQlResponseAsJsonByDefault() {
        BiClient.Reply reply = bi.get(biKey, "FunnelTrend?" + SEPTEMBER + "&granularity=month");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode report = reply.json().path("data").path("report");
        assertThat(report.path("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(report.path("rows")).hasSize(1);
        assertThat(report.path("rows").path(0).path("metrics").path("views").asLong()).isEqualTo(3);
        assertThat(report.path("rows").path(0).path("metrics").path("revenue").asString()).isEqualTo("19.90");
        assertThat(reply.headers().getETag()).isNotBlank();
    }

    @Test
    void answersCsvWithAHeaderFromTheSelectionAndOneLinePerRow() {
        BiClient.Reply reply = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&format=csv");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(reply.body()).endsWith("\r\n");
        assertThat(reply.lines()).containsExactly(
                "siteId,ctaId,visitors,views,engagements,conversions,completions,conversionRate,completionRate,revenue",
                site + "," + cta1 + ",1,1,0,1,1,1.0,,19.90",
                site + "," + cta2 + ",2,2,0,0,0,0.0,,0.00");
        assertThat(reply.headers().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(reply.headers().getContentDisposition().getFilename()).isEqualTo("FunnelByCta_2026-09-01_2026-09-30.csv");
        assertThat(reply.headers().getCacheControl()).contains("private").contains("max-age=60");
        assertThat(reply.headers().getFirst(SourceErrorsHeader.NAME)).isNull();
    }

    @Test
    void acceptTextCsvAsksForCsvToo() {
        BiClient.Reply reply = bi.get(biKey, "FunnelByCta?" + SEPTEMBER,
                headers -> headers.setAccept(List.of(MediaType.parseMediaType("text/csv"))));
        assertThat(reply.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(reply.lines()[0]).startsWith("siteId,ctaId,");
    }

    @Test
    void anUnchangedAnswerIsNotModifiedForItsEtag() {
        BiClient.Reply first = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&format=csv");
        String etag = first.headers().getETag();
        BiClient.Reply again = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&format=csv",
                headers -> headers.setIfNoneMatch(etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().getETag()).isEqualTo(etag);
        assertThat(again.headers().getCacheControl()).contains("max-age");
        BiClient.Reply stale = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&format=csv",
                headers -> headers.setIfNoneMatch("\"something-else\""));
        assertThat(stale.status()).isEqualTo(200);
        BiClient.Reply json = bi.get(biKey, "FunnelByCta?" + SEPTEMBER, headers -> headers.setIfNoneMatch(etag));
        assertThat(json.status()).isEqualTo(200);
    }

    @Test
    void inputObjectFieldsGoByDottedNameOrByTheirOwnName() {
        BiClient.Reply shorthand = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&format=csv");
        BiClient.Reply dotted = bi.get(biKey, "FunnelByCta?range.from=2026-09-01&range.to=2026-09-30&format=csv");
        assertThat(dotted.status()).isEqualTo(200);
        assertThat(dotted.body()).isEqualTo(shorthand.body());
        assertThat(dotted.headers().getETag()).isEqualTo(shorthand.headers().getETag());
    }

    @Test
    void listsComeRepeatedOrCommaSeparatedAndEnumsInAnyCase() {
        BiClient.Reply commas = bi.get(biKey, "DailySpendVsConversionsByNetwork?" + SEPTEMBER + "&networks=meta,GOOGLE_ADS&format=csv");
        BiClient.Reply repeated = bi.get(biKey, "DailySpendVsConversionsByNetwork?" + SEPTEMBER
                + "&networks=META&networks=google_ads&format=csv");
        assertThat(commas.status()).isEqualTo(200);
        assertThat(commas.body()).isEqualTo(repeated.body());
        String[] lines = commas.lines();
        assertThat(lines[0]).isEqualTo("currency,period,network,spend,impressions,clicks,conversions,revenue,cpa,roas");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("GBP,2026-09-02,META,").contains(",1,19.90,");
        assertThat(lines[2]).startsWith("GBP,2026-09-03,GOOGLE_ADS,");
        BiClient.Reply only = bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&siteIds=" + site + "&format=csv");
        assertThat(only.lines()).hasSize(3);
    }

    @Test
    void aPartnersMultiTenantSummaryHasOneLinePerTenant() {
        BiClient.Reply reply = bi.get(partnerKey, "PartnerTenantSummary?tenantIds=" + tenant.id() + "," + other.id()
                + "&" + SEPTEMBER + "&format=csv");
        assertThat(reply.status()).isEqualTo(200);
        String[] lines = reply.lines();
        assertThat(lines[0]).isEqualTo("tenantId,currency,spend,clicks,visitors,views,conversions,completions,revenue,cpa,roas");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(tenant.id() + ",GBP,").contains(",3,3,1,1,19.90,");
        assertThat(lines[2]).startsWith(other.id() + ",INR,");
        assertThat(reply.headers().getContentDisposition().getFilename())
                .isEqualTo("PartnerTenantSummary_2026-09-01_2026-09-30.csv");
    }

    @Test
    void anUnknownOperationIs404() {
        BiClient.Reply reply = bi.get(biKey, "NoSuchReport?" + SEPTEMBER);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(reply.errorMessage()).contains("NoSuchReport").contains("/v1/persisted-operations");
    }

    @Test
    void aMissingOrInvalidParameterIs400NamingIt() {
        assertBadParameter("FunnelByCta?from=2026-09-01", "to", "Missing query parameter 'to'");
        assertBadParameter("FunnelByCta", "range", "give it as query parameters from and to");
        assertBadParameter("FunnelByCta?from=yesterday&to=2026-09-30", "from", "'from' is not a valid Date");
        assertBadParameter("FunnelTrend?" + SEPTEMBER + "&granularity=FORTNIGHT", "granularity", "must be one of [HOUR, DAY");
        assertBadParameter("FunnelTrend?" + SEPTEMBER + "&granularity=DAY&granularity=WEEK", "granularity", "given 2 times");
        assertBadParameter("FunnelTrend?" + SEPTEMBER + "&form=2026-01-01", "form", "Unknown query parameter form");
        assertBadParameter("FunnelTrend?" + SEPTEMBER + "&format=xml", "format", "must be csv or json");
        assertBadParameter("FunnelTrend?" + SEPTEMBER + "&range.from=2026-09-01", "range.from", "give the same value");
    }

    @Test
    void aRangeTheReportRefusesIs400WithItsError() {
        BiClient.Reply reply = bi.get(biKey, "FunnelByCta?from=2026-09-30&to=2026-09-01&format=csv");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(reply.errorMessage()).contains("range.from");
    }

    @Test
    void cacheBustersAreIgnoredAndTheKeyIsRequired() {
        assertThat(bi.get(biKey, "FunnelByCta?" + SEPTEMBER + "&_=12345").status()).isEqualTo(200);
        BiClient.Reply anonymous = bi.get(null, "FunnelByCta?" + SEPTEMBER);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aKeyOutsideTheTenantIsForbidden() {
        BiClient.Reply reply = bi.get(biKey, "PartnerTenantSummary?tenantIds=" + other.id() + "&" + SEPTEMBER);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
    }

    private void assertBadParameter(String pathAndQuery, String parameter, String message) {
        BiClient.Reply reply = bi.get(biKey, pathAndQuery);
        assertThat(reply.status()).as(pathAndQuery).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(reply.errorMessage()).contains(message);
        assertThat(reply.json().path("errors").path(0).path("extensions").path("parameter").asString()).isEqualTo(parameter);
        assertThat(reply.headers().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/json");
    }

    private FunnelEvent event(long cta, long visitor, FunnelEventType type, String at, AdNetwork network,
            String campaign, String revenue) {
        return new FunnelEvent(tenant.id(), site, cta, visitor, type, Instant.parse(at), null, null, null, network,
                campaign, revenue == null ? null : new BigDecimal(revenue));
    }
}

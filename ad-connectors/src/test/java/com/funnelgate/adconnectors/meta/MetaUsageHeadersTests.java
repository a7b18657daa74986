package com.funnelgate.adconnectors.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class MetaUsageHeadersTests {

    @Test
    void readsTheCleanedDocValues() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-App-Usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":25}");
        headers.add("X-Ad-Account-Usage",
                "{\"acc_id_util_pct\":9.67,\"reset_time_duration\":100,\"ads_api_access_tier\":\"standard_access\"}");
        headers.add("X-Business-Use-Case-Usage", "{\"798085168510957\":[{\"type\":\"ads_insights\",\"call_count\":100,"
                + "\"total_cputime\":25,\"total_time\":25,\"estimated_time_to_regain_access\":19,"
                + "\"ads_api_access_tier\":\"standard_access\"}]}");
        headers.add("X-FB-Ads-Insights-Throttle",
                "{\"app_id_util_pct\":100,\"acc_id_util_pct\":10,\"ads_api_access_tier\":\"standard_access\"}");

        MetaUsage usage = MetaUsageHeaders.parse("act_1", headers, Instant.EPOCH);

        assertThat(usage.appCallCountPct()).isEqualTo(28.0);
        assertThat(usage.accountUtilPct()).isEqualTo(9.67);
        assertThat(usage.accountResetIn()).isEqualTo(Duration.ofSeconds(100));
        assertThat(usage.insightsAppUtilPct()).isEqualTo(100.0);
        assertThat(usage.businessUseCases()).singleElement().satisfies(b -> {
            assertThat(b.businessId()).isEqualTo("798085168510957");
            assertThat(b.regainAccessIn()).isEqualTo(Duration.ofMinutes(19));
        });
        assertThat(usage.announcedWait()).contains(Duration.ofMinutes(19));
        assertThat(usage.maxUtilisationPct()).isEqualTo(100.0);
    }

    @Test
    void theDocsInvalidJsonSampleIsSkippedNotFatal() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Ad-Account-Usage", "{ \"acc_id_util_pct\": 9.67, //Percentage\n"
                + " \"ads_api_access_tier\": 'standard_access' }");
        headers.add("X-App-Usage", "{\"call_count\":5}");

        MetaUsage usage = MetaUsageHeaders.parse("act_1", headers, Instant.EPOCH);

        assertThat(usage.accountUtilPct()).isNull();
        assertThat(usage.appCallCountPct()).isEqualTo(5.0);
        assertThat(usage.announcedWait()).isEmpty();
    }

    @Test
    void noUsageHeadersMeansNoObservation() {
        assertThat(MetaUsageHeaders.parse("act_1", new HttpHeaders(), Instant.EPOCH)).isNull();
    }
}

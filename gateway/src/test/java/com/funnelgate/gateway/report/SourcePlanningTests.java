package com.funnelgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.SqlStatements;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * Only the sources the selected fields need are queried: every SQL statement the gateway sends
 * goes through a recording proxy (the results cache is off, so each report shows its own SQL), and a
 * query selecting only {@code range} sends none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"funnelgate.embedded-postgres.database=funnelgate_planning", "funnelgate.cache.enabled=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcePlanningTests {

    private static final String RANGE = "range: {from: \"2026-05-01\", to: \"2026-05-31\"}";
    private static final SqlStatements SQL = new SqlStatements();

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;

    private HttpApi api;
    private String key;

    @TestConfiguration
    static class RecordStatements {
        @Bean
        static BeanPostProcessor recordingConnectionFactory() {
            return SQL.postProcessor();
        }
    }

    @BeforeAll
    void createTenant() {
        api = new HttpApi(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        TestTenant tenant = tenants.create("Europe/Madrid", "EUR", 1, 1);
        key = tenants.key(Role.VIEWER, tenant.tenant());
        api.graphql(key, "{ me { role } }");
    }

    @BeforeEach
    void forgetStatements() {
        SQL.clear();
    }

    @Test
    void aQuerySelectingOnlyTheRangeRunsNoSql() {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + RANGE + ") { range { from to } granularity } }");
        assertThat(answer.data().path("report").path("range").path("from").asString()).isEqualTo("2026-05-01");
        assertThat(SQL.all()).isEmpty();
    }

    @Test
    void aQueryForFunnelMetricsReadsTheFunnelStore() {
        api.graphql(key, "{ report(" + RANGE + ") { totals { views } } }");
        // Neither grouped nor filtered by site or call-to-action: the per-campaign days and the raw tail.
        assertThat(SQL.all()).anySatisfy(sql -> assertThat(sql).contains("funnel_campaign_daily").contains("funnel_events"));
    }

    @Test
    void aQueryForAdMetricsOnlyNeverTouchesTheFunnelStore() {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + RANGE + ") { totals { spend clicks } } }");
        assertThat(answer.data().path("report").path("totals").path("spend").isNull()).isTrue();
        assertThat(SQL.all()).noneSatisfy(sql -> assertThat(sql).contains("funnel_"));
    }

    @Test
    void totalsWithoutVisitorsDoNotFetchVisitorSets() {
        api.graphql(key, "{ report(" + RANGE + ") { totals { views conversions } } }");
        assertThat(SQL.all()).noneSatisfy(sql -> assertThat(sql).contains("string_agg(visitors"));
        api.graphql(key, "{ report(" + RANGE + ") { totals { visitors } } }");
        assertThat(SQL.all()).anySatisfy(sql -> assertThat(sql).contains("string_agg(visitors"));
    }
}

package com.funnelgate.gateway.bi;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * When a source fails, the BI endpoint still answers: the CSV comes with every row (the failed source's
 * metrics empty), the failure is in the {@code Funnelgate-Errors} header, and the JSON carries it in
 * {@code errors} next to the data. The funnel store is made to fail by refusing database connections once the
 * key and tenant are cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"funnelgate.embedded-postgres.database=funnelgate_bi_failure", "funnelgate.cache.enabled=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BiSourceFailureTests {

    private static final AtomicBoolean DATABASE_DOWN = new AtomicBoolean();
    private static final String REPORT = "FunnelTrend?from=2026-09-01&to=2026-09-30&granularity=WEEK";

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;

    private BiClient bi;
    private String key;

    @TestConfiguration
    static class FailingDatabase {
        @Bean
        static BeanPostProcessor failingConnectionFactory() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ConnectionFactory factory)) {
                        return bean;
                    }
                    return new ConnectionFactory() {
                        @Override
                        public Publisher<? extends Connection> create() {
                            return DATABASE_DOWN.get() ? Mono.error(new IllegalStateException("database down (test)"))
                                    : factory.create();
                        }

                        @Override
                        public ConnectionFactoryMetadata getMetadata() {
                            return factory.getMetadata();
                        }
                    };
                }
            };
        }
    }

    @BeforeAll
    void createTenantAndWarmCaches() {
        bi = new BiClient(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        key = tenants.key(Role.BI, tenants.create("Europe/Lisbon", "EUR", 1, 1).tenant());
        assertThat(bi.get(key, REPORT).status()).isEqualTo(200);
    }

    @AfterEach
    void databaseBack() {
        DATABASE_DOWN.set(false);
    }

    @Test
    void theCsvStillComesAndTheFailureIsInAHeader() {
        DATABASE_DOWN.set(true);
        BiClient.Reply reply = bi.get(key, REPORT + "&format=csv");
        assertThat(reply.status()).isEqualTo(200);
        String[] lines = reply.lines();
        assertThat(lines[0]).isEqualTo("timeZone,currency,period,visitors,views,engagements,conversions,completions,"
                + "revenue,spend,conversionRate,cpa,roas");
        assertThat(lines).hasSize(1 + 5);
        assertThat(lines[1]).isEqualTo("Europe/Lisbon,EUR,2026-08-31,,,,,,,,,,");
        assertThat(reply.headers().getFirst(SourceErrorsHeader.NAME))
                .startsWith("SOURCE_UNAVAILABLE; source=\"funnel\"; message=\"").contains("unavailable");
        assertThat(reply.headers().getCacheControl()).contains("no-cache");
    }

    @Test
    void theJsonCarriesTheFailureInItsErrors() {
        DATABASE_DOWN.set(true);
        BiClient.Reply reply = bi.get(key, REPORT);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.path("data").path("report").path("rows")).hasSize(5);
        assertThat(json.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(json.path("errors").path(0).path("extensions").path("source").asString()).isEqualTo("funnel");
        assertThat(reply.headers().getFirst(SourceErrorsHeader.NAME)).contains("SOURCE_UNAVAILABLE");
    }
}

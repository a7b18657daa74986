package com.funnelgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.funnelgate.gateway.funnel.FunnelEvent;
import com.funnelgate.gateway.funnel.FunnelEventType;
import com.funnelgate.gateway.funnel.FunnelEventWriter;
import com.funnelgate.gateway.funnel.FunnelRollup;
import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.Gateways;
import com.funnelgate.gateway.support.HttpApi;
import com.funnelgate.gateway.support.TestRedis;
import com.funnelgate.gateway.support.TestTenant;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas sharing a database and a real redis-server: when the rollup on one folds in late
 * events, the other drops exactly its cached reports over the changed day (Redis pub/sub) and the
 * shared entry is gone from Redis too, so its next report shows the events without waiting for a
 * time to live (even when that report's whole answer was cached there); its reports over other days
 * stay cached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheReplicaTests {

    private static final String CHANGED_DAY = "range: {from: \"2026-08-10\", to: \"2026-08-10\"}";
    private static final String OTHER_DAY = "range: {from: \"2026-08-12\", to: \"2026-08-12\"}";

    private TestRedis redis;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private TestTenant tenant;
    private String key;

    @BeforeAll
    void startRedisAndTwoReplicas() {
        redis = TestRedis.start();
        first = Gateways.start("funnelgate_replicas", redis.port());
        second = Gateways.start("funnelgate_replicas", redis.port());
        TestTenants tenants = new TestTenants(first.getBean(Provisioning.class), first.getBean(ApiKeys.class));
        tenant = tenants.create("Europe/Madrid", "EUR", 1, 1);
        key = tenants.key(Role.VIEWER, tenant.tenant());
        write(views("2026-08-10T10:00:00Z", 5));
        write(views("2026-08-12T10:00:00Z", 3));
        first.getBean(FunnelRollup.class).runOnce().block();
    }

    @AfterAll
    void stopAll() {
        for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] {first, second}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aRollupOnOneReplicaEvictsTheChangedDayOnTheOther() {
        HttpApi one = new HttpApi(Gateways.port(first));
        HttpApi two = new HttpApi(Gateways.port(second));
        assertThat(views(two, CHANGED_DAY)).isEqualTo(5);
        assertThat(views(two, OTHER_DAY)).isEqualTo(3);
        assertThat(funnelState(two, CHANGED_DAY)).isEqualTo("CACHED");
        assertThat(funnelState(one, CHANGED_DAY)).as("the other replica finds it in Redis").isEqualTo("CACHED");
        double replays = answerHits(second);
        assertThat(views(two, CHANGED_DAY)).isEqualTo(5);
        assertThat(answerHits(second)).as("the whole answer, replayed").isEqualTo(replays + 1);

        write(views("2026-08-10T11:00:00Z", 2));
        first.getBean(FunnelRollup.class).runOnce().block();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(views(two, CHANGED_DAY)).isEqualTo(7));
        assertThat(funnelState(two, OTHER_DAY)).isEqualTo("CACHED");
        assertThat(views(one, CHANGED_DAY)).isEqualTo(7);
    }

    private static double answerHits(ConfigurableApplicationContext replica) {
        Counter hits = replica.getBean(MeterRegistry.class)
                .find("funnelgate.cache.lookups").tags("tier", "answers", "result", "hit").counter();
        return hits == null ? 0 : hits.count();
    }

    private long views(HttpApi api, String range) {
        return report(api, range).path("totals").path("views").asLong();
    }

    private String funnelState(HttpApi api, String range) {
        return report(api, range).path("sources").path(0).path("state").asString();
    }

    private JsonNode report(HttpApi api, String range) {
        HttpApi.Answer answer = api.graphql(key, "{ report(" + range + ") { totals { views } sources { source state } } }");
        assertThat(answer.errors().isMissingNode()).as("errors: %s", answer.errors()).isTrue();
        return answer.data().path("report");
    }

    private void write(List<FunnelEvent> events) {
        first.getBean(FunnelEventWriter.class).write(Flux.fromIterable(events)).block();
    }

    private List<FunnelEvent> views(String at, int count) {
        List<FunnelEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new FunnelEvent(tenant.id(), tenant.sites().get(0).id(), tenant.sites().get(0).ctaIds().get(0),
                    100 + i, FunnelEventType.VIEW, Instant.parse(at).plusSeconds(i), null, null, null, null, null, null));
        }
        return events;
    }
}

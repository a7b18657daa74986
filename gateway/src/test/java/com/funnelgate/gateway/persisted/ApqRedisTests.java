package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.Gateways;
import com.funnelgate.gateway.support.TestRedis;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances (two application contexts on two ports, one database) sharing a real redis-server:
 * an APQ document registered through one runs by its hash alone on the other; and when Redis stops, both keep
 * answering from memory, registering in memory, and saying {@code PersistedQueryNotFound} for what they do
 * not know, never failing a request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApqRedisTests {

    private TestRedis redis;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private Apollo one;
    private Apollo two;
    private String viewer;
    private String sharedQuery;

    @BeforeAll
    void startRedisAndTwoGateways() {
        redis = TestRedis.start();
        int redisPort = redis.port();
        first = gateway(redisPort);
        second = gateway(redisPort);
        one = new Apollo(port(first));
        two = new Apollo(port(second));
        TestTenants tenants = new TestTenants(first.getBean(Provisioning.class), first.getBean(ApiKeys.class));
        viewer = tenants.key(Role.VIEWER, tenants.create("Europe/Oslo", "NOK", 1, 1).tenant());
    }

    @AfterAll
    void stopAll() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void bothInstancesUseRedis() {
        assertThat(first.getBeanProvider(SharedDocumentStore.class).getIfAvailable()).isInstanceOf(RedisDocumentStore.class);
        assertThat(second.getBeanProvider(SharedDocumentStore.class).getIfAvailable()).isInstanceOf(RedisDocumentStore.class);
    }

    @Test
    @Order(2)
    void aHashRegisteredThroughOneInstanceRunsAloneOnTheOther() {
        sharedQuery = uniqueQuery();
        String hash = DocumentIds.of(sharedQuery);
        assertThat(two.postHash(viewer, "Me", hash, Map.of()).errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        Apollo.Reply registered = one.postQueryAndHash(viewer, "Me", sharedQuery, hash, Map.of());
        assertThat(registered.data().path("me").path("role").asString()).isEqualTo("VIEWER");

        Apollo.Reply elsewhere = two.postHash(viewer, "Me", hash, Map.of());
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        assertThat(two.getHash(viewer, "Me", hash, Map.of()).data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    @Order(3)
    void withRedisStoppedBothInstancesKeepAnswering() {
        redis.down();

        Apollo.Reply known = two.postHash(viewer, "Me", DocumentIds.of(sharedQuery), Map.of());
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.data().path("me").path("role").asString()).isEqualTo("VIEWER");

        String query = uniqueQuery();
        String hash = DocumentIds.of(query);
        Apollo.Reply unknown = one.postHash(viewer, "Me", hash, Map.of());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        Apollo.Reply registered = one.postQueryAndHash(viewer, "Me", query, hash, Map.of());
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        assertThat(one.postHash(viewer, "Me", hash, Map.of()).data().path("me").path("role").asString())
                .isEqualTo("VIEWER");
        assertThat(two.post(viewer, Map.of("query", "{ me { role } }")).status()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext gateway(int redisPort) {
        return Gateways.start("funnelgate_redis", redisPort);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Gateways.port(context);
    }

    private static String uniqueQuery() {
        return "query Me { me { role } } # " + UUID.randomUUID();
    }
}

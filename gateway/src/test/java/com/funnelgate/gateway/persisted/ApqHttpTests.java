package com.funnelgate.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import com.funnelgate.gateway.provisioning.Provisioning;
import com.funnelgate.gateway.support.GatewayTest;
import com.funnelgate.gateway.support.TestTenants;
import com.funnelgate.gateway.tenancy.ApiKeys;
import com.funnelgate.gateway.tenancy.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Automatic persisted queries over HTTP, in the exact exchanges Apollo Client's persisted-queries link performs
 * (hash alone by POST or GET, {@code PersistedQueryNotFound}, then POST with query and hash), plus the refusals:
 * a hash that is not the query's, a malformed reference, GET without a query. Also: parsed documents are cached.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApqHttpTests {

    @LocalServerPort int port;
    @Autowired Provisioning provisioning;
    @Autowired ApiKeys keys;
    @Autowired DocumentCache documentCache;
    @Autowired ObjectProvider<SharedDocumentStore> sharedStore;

    private Apollo apollo;
    private String viewer;

    @BeforeAll
    void createKey() {
        apollo = new Apollo(port);
        TestTenants tenants = new TestTenants(provisioning, keys);
        viewer = tenants.key(Role.VIEWER, tenants.create("Europe/Berlin", "EUR", 1, 1).tenant());
    }

    @Test
    void apolloClientOverPostGetsNotFoundThenRegistersWithTheQueryThenRunsByHashAlone() {
        String query = uniqueQuery("Me");
        String hash = DocumentIds.of(query);

        Apollo.Reply first = apollo.postHash(viewer, "Me", hash, Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.errorMessage()).isEqualTo("PersistedQueryNotFound");
        assertThat(first.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(first.data().isMissingNode()).isTrue();
        assertThat(first.cacheControl()).anySatisfy(value -> assertThat(value).contains("no-cache"));

        Apollo.Reply retry = apollo.postQueryAndHash(viewer, "Me", query, hash, Map.of());
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.answer().errors().isMissingNode()).isTrue();
        assertThat(retry.data().path("me").path("role").asString()).isEqualTo("VIEWER");

        Apollo.Reply next = apollo.postHash(viewer, "Me", hash, Map.of());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void apolloClientOverGetGetsNotFoundThenRegistersByPostThenRunsByGet() {
        String query = uniqueQuery("Me");
        String hash = DocumentIds.of(query);

        Apollo.Reply first = apollo.getHash(viewer, "Me", hash, Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.errorMessage()).isEqualTo("PersistedQueryNotFound");
        assertThat(first.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        Apollo.Reply retry = apollo.postQueryAndHash(viewer, "Me", query, hash, Map.of());
        assertThat(retry.data().path("me").path("role").asString()).isEqualTo("VIEWER");

        Apollo.Reply next = apollo.getHash(viewer, "Me", hash, Map.of());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void variablesTravelWithTheHash() {
        String query = "query Range($r: DateRangeInput!) { report(range: $r) { range { from to } } } # "
                + UUID.randomUUID();
        String hash = DocumentIds.of(query);
        Map<String, Object> variables = Map.of("r", Map.of("from", "2026-01-01", "to", "2026-01-31"));
        apollo.postQueryAndHash(viewer, "Range", query, hash, variables);
        Apollo.Reply reply = apollo.getHash(viewer, "Range", hash, variables);
        assertThat(reply.data().path("report").path("range").path("to").asString()).isEqualTo("2026-01-31");
    }

    @Test
    void aHashThatIsNotTheQuerysIs400() {
        String query = uniqueQuery("Me");
        Apollo.Reply reply = apollo.postQueryAndHash(viewer, "Me", query, DocumentIds.of(query + " "), Map.of());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(reply.errorMessage()).contains("is not the SHA-256 of the query").contains(DocumentIds.of(query));
        Apollo.Reply byHash = apollo.postHash(viewer, "Me", DocumentIds.of(query + " "), Map.of());
        assertThat(byHash.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aMalformedReferenceIs400() {
        Apollo.Reply version = apollo.post(viewer, Map.of("extensions",
                Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", DocumentIds.of("x")))));
        assertThat(version.status()).isEqualTo(400);
        assertThat(version.errorMessage()).contains("version must be 1");
        Apollo.Reply hash = apollo.post(viewer, Map.of("extensions",
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc"))));
        assertThat(hash.status()).isEqualTo(400);
        assertThat(hash.errorCode()).isEqualTo("BAD_USER_INPUT");
        Apollo.Reply documentId = apollo.post(viewer, Map.of("documentId", "md5:123"));
        assertThat(documentId.status()).isEqualTo(400);
        assertThat(documentId.errorMessage()).contains("documentId must be a SHA-256");
    }

    @Test
    void anInvalidDocumentIsNotRegistered() {
        String query = "{ nothingHere } # " + UUID.randomUUID();
        String hash = DocumentIds.of(query);
        Apollo.Reply reply = apollo.postQueryAndHash(viewer, null, query, hash, Map.of());
        assertThat(reply.errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(apollo.postHash(viewer, null, hash, Map.of()).errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aRegisteredDocumentRunsByDocumentIdToo() {
        String query = uniqueQuery("Me");
        String hash = DocumentIds.of(query);
        apollo.postQueryAndHash(viewer, "Me", query, hash, Map.of());
        Apollo.Reply post = apollo.post(viewer, Map.of("documentId", "sha256:" + hash));
        assertThat(post.data().path("me").path("role").asString()).isEqualTo("VIEWER");
        Apollo.Reply get = apollo.get(viewer, "documentId=" + hash);
        assertThat(get.data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void anUnknownDocumentIdIs404() {
        Apollo.Reply reply = apollo.post(viewer, Map.of("documentId", DocumentIds.of("unknown " + UUID.randomUUID())));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(reply.errorMessage()).contains("/v1/persisted-operations");
    }

    @Test
    void getRunsAPlainQuery() {
        Apollo.Reply reply = apollo.get(viewer, "query=" + Apollo.encode("{ me { role } }"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("me").path("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void getNeedsAKeyAQueryAndJsonParameters() {
        Apollo.Reply anonymous = apollo.get(null, "query=" + Apollo.encode("{ me { role } }"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");
        Apollo.Reply none = apollo.get(viewer, "operationName=Me");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorMessage()).contains("no query");
        Apollo.Reply badJson = apollo.get(viewer, "query=" + Apollo.encode("{ me { role } }") + "&variables=" + Apollo.encode("{oops"));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(badJson.errorMessage()).contains("variables parameter must be a JSON object");
    }

    @Test
    void aDocumentIsParsedAndValidatedOnceThenServedFromTheCache() {
        String query = uniqueQuery("Me");
        String hash = DocumentIds.of(query);
        apollo.postQueryAndHash(viewer, "Me", query, hash, Map.of());
        assertThat(documentCache.contains(query)).isTrue();
        long parses = documentCache.parses();
        apollo.postHash(viewer, "Me", hash, Map.of());
        apollo.getHash(viewer, "Me", hash, Map.of());
        apollo.post(viewer, Map.of("query", query));
        assertThat(documentCache.parses()).isEqualTo(parses);
    }

    @Test
    void withoutRedisConfiguredRegisteredDocumentsLiveInMemoryOnly() {
        assertThat(sharedStore.getIfAvailable()).isNull();
    }

    /** A query no other test sends, so no other test registered its hash. */
    private static String uniqueQuery(String name) {
        return "query " + name + " { me { role } } # " + UUID.randomUUID();
    }
}

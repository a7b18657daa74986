package com.funnelgate.gateway.persisted;

import com.funnelgate.gateway.tenancy.Role;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Persisted queries and documents ({@code funnelgate.persisted.*}).
 *
 * @param manifest where the manifest of trusted operations is, built by the {@code schema} module
 * @param persistedOnlyRoles the roles whose keys may run only trusted operations
 * @param parsedDocuments how many parsed and validated documents are kept, so a hot operation is not
 *        parsed again
 * @param apq automatic persisted queries: the documents clients register by hash
 */
@ConfigurationProperties("funnelgate.persisted")
public record PersistedProperties(
        @DefaultValue("classpath:persisted/manifest.json") String manifest,
        @DefaultValue({"PARTNER", "BI"}) Set<Role> persistedOnlyRoles,
        @DefaultValue("2000") int parsedDocuments,
        @DefaultValue Apq apq) {

    public PersistedProperties {
        persistedOnlyRoles = Set.copyOf(persistedOnlyRoles);
    }

    /**
     * Registered APQ documents: in memory (L1) in front of Redis (L2, shared by the replicas, used when
     * {@code spring.data.redis.*} is configured).
     *
     * @param memory the most document text kept in memory per replica
     * @param ttl how long a registered document lives in Redis after it was registered, and in memory
     *        after it was last used
     */
    public record Apq(
            @DefaultValue("32MB") DataSize memory,
            @DefaultValue("24h") Duration ttl) {
    }
}

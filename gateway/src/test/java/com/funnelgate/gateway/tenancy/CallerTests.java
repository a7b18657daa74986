package com.funnelgate.gateway.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.funnelgate.gateway.errors.ApiException;
import com.funnelgate.gateway.errors.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {

    private final Caller viewer = new Caller("k1", Role.VIEWER, Set.of(7L));
    private final Caller partner = new Caller("k2", Role.PARTNER, Set.of(7L, 8L));
    private final Caller admin = new Caller("k3", Role.ADMIN, Set.of());

    @Test
    void aSingleTenantKeyNeedNotNameItsTenant() {
        assertThat(viewer.tenantFor(null)).isEqualTo(7L);
        assertThat(viewer.tenantFor("7")).isEqualTo(7L);
    }

    @Test
    void keysOverSeveralTenantsMustNameOne() {
        assertThatThrownBy(() -> partner.tenantFor(null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
        assertThatThrownBy(() -> admin.tenantFor(null)).hasMessageContaining("every tenant");
        assertThat(partner.tenantFor("8")).isEqualTo(8L);
        assertThat(admin.tenantFor("12345")).isEqualTo(12345L);
    }

    @Test
    void aTenantOutsideTheScopeIsForbidden() {
        assertThatThrownBy(() -> viewer.tenantFor("8")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void aMalformedIdIsBadInput() {
        assertThatThrownBy(() -> viewer.tenantFor("seven")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}

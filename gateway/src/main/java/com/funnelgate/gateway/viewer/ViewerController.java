package com.funnelgate.gateway.viewer;

import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;
import com.funnelgate.gateway.tenancy.Tenant;
import com.funnelgate.gateway.tenancy.TenantDirectory;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The {@code me} query: the caller's key, role and the tenants it may read. */
@Controller
class ViewerController {

    private final TenantDirectory tenants;

    ViewerController(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @QueryMapping
    Viewer me(@AuthenticationPrincipal Caller caller) {
        return new Viewer(caller.keyId(), caller.role(), caller);
    }

    @SchemaMapping(typeName = "Viewer")
    Flux<TenantView> tenants(Viewer viewer) {
        Caller caller = viewer.caller();
        Flux<Tenant> readable = caller.role() == Role.ADMIN
                ? tenants.all()
                : Flux.fromIterable(caller.tenantIds()).sort().concatMap(tenants::find);
        return readable.map(TenantView::of);
    }
}

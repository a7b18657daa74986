package com.funnelgate.gateway.viewer;

import com.funnelgate.gateway.tenancy.Caller;
import com.funnelgate.gateway.tenancy.Role;

/** The {@code Viewer} of the API: who the request's credential is. Its tenants resolve lazily. */
record Viewer(String keyId, Role role, Caller caller) {
}

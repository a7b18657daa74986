package com.funnelgate.gateway.bench;

/** Settings every benchmark's gateway gets, so that it runs as the application does, not as the tests do. */
final class AsInProduction {

    /**
     * r2dbc-proxy is on the test classpath only (tests record SQL with it), and with it Boot wraps
     * the connection factory in a proxy (of every connection, statement, result and row) to observe
     * each query; the application has no such proxy.
     */
    static final String NO_R2DBC_OBSERVATION = "spring.autoconfigure.exclude="
            + "org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration,"
            + "org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration";

    private AsInProduction() {
    }
}

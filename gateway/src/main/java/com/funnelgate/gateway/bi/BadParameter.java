package com.funnelgate.gateway.bi;

/**
 * A query parameter of a BI request that is missing, unknown or does not fit the variable it stands for;
 * answered with 400 {@code BAD_USER_INPUT}, naming the parameter.
 */
final class BadParameter extends RuntimeException {

    private final String parameter;

    BadParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    /** The query parameter (or variable path) at fault. */
    String parameter() {
        return parameter;
    }
}

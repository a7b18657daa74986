package com.funnelgate.gateway.errors;

/**
 * A failure the caller caused or may act on, with the {@link ErrorCode} it is reported under.
 * The message is sent to the caller as is: it must say what was wrong in words the caller can
 * act on, and never contain SQL, stack traces or another tenant's identifiers.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static ApiException badInput(String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }
}

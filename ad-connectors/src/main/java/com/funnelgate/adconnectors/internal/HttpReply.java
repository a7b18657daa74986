package com.funnelgate.adconnectors.internal;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A fully read HTTP response: status, headers, content type (may be {@code null}) and body bytes
 * (never {@code null}, possibly empty).
 */
public record HttpReply(int status, HttpHeaders headers, MediaType contentType, byte[] body) {

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * Whether the body is declared as JSON: {@code application/json}, any {@code +json} type, or
     * {@code text/javascript} (which the Graph API has historically used for JSON).
     */
    public boolean isJson() {
        if (contentType == null) {
            return false;
        }
        String subtype = contentType.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json")
                || (contentType.getType().equalsIgnoreCase("text") && subtype.equals("javascript"));
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.getFirst(name);
    }
}

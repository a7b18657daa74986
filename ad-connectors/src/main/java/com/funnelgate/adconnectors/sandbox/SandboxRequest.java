package com.funnelgate.adconnectors.sandbox;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One request as the sandbox's network handlers see it: method, decoded path, parameters, body. */
record SandboxRequest(String method, String path, String rawQuery, Map<String, List<String>> query,
                      HttpHeaders headers, String body) {

    static SandboxRequest of(String method, String uri, HttpHeaders headers, String body) {
        QueryStringDecoder decoder = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
        int question = uri.indexOf('?');
        return new SandboxRequest(method, decoder.path(), question < 0 ? "" : uri.substring(question + 1),
                decoder.parameters(), headers, body);
    }

    /** A query parameter, or for form posts a form field; {@code null} when absent. */
    String param(String name) {
        List<String> values = query.get(name);
        if (values != null && !values.isEmpty()) {
            return values.get(0);
        }
        if (body != null && !body.isEmpty() && isForm()) {
            List<String> form = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters().get(name);
            return form == null || form.isEmpty() ? null : form.get(0);
        }
        return null;
    }

    String header(String name) {
        return headers.get(name);
    }

    boolean isPost() {
        return "POST".equals(method);
    }

    private boolean isForm() {
        String type = headers.get("Content-Type");
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }
}

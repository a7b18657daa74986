package com.funnelgate.adconnectors.sandbox;

import com.funnelgate.adconnectors.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the sandbox answers: status, extra headers, content type and body. */
record SandboxResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    static final String JSON = "application/json; charset=UTF-8";

    static SandboxResponse json(int status, JsonNode body) {
        return new SandboxResponse(status, new LinkedHashMap<>(), JSON, Json.bytes(body));
    }

    static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, new LinkedHashMap<>(), JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new SandboxResponse(status, copy, contentType, body);
    }
}

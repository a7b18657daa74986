package com.funnelgate.gateway.bi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Strong ETags of response bodies, and {@code If-None-Match} against them (weak comparison, {@code *}). */
final class Revalidation {

    private Revalidation() {
    }

    /** A strong ETag: the SHA-256 of the body, base64url. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the request's {@code If-None-Match} names this ETag (or is {@code *}). */
    static boolean notModified(ServerRequest request, String etag) {
        for (String header : request.headers().header(HttpHeaders.IF_NONE_MATCH)) {
            for (String candidate : header.split(",")) {
                String tag = candidate.trim();
                if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}

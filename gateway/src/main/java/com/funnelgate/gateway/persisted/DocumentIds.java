package com.funnelgate.gateway.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Document ids: the lowercase hex SHA-256 of a document's text, as APQ ({@code sha256Hash}) and the
 * Apollo manifest ({@code id}) use them. A {@code documentId} may also carry a {@code sha256:} prefix.
 */
public final class DocumentIds {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String PREFIX = "sha256:";

    private DocumentIds() {
    }

    /** The id of a document text. */
    public static String of(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The id in a presented hash or documentId (lowercased, prefix removed), or null when it is not one. */
    public static String normalize(String presented) {
        if (presented == null) {
            return null;
        }
        String hash = presented.startsWith(PREFIX) ? presented.substring(PREFIX.length()) : presented;
        return HEX_SHA256.matcher(hash).matches() ? hash.toLowerCase(Locale.ROOT) : null;
    }
}

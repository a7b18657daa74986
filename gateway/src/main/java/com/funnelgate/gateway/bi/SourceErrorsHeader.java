package com.funnelgate.gateway.bi;

import java.util.List;
import org.springframework.graphql.ResponseError;

/**
 * The {@code Funnelgate-Errors} response header of the BI endpoint: the errors that came next to the data (a
 * failed source), so a CSV, which has no place for them, still says what is missing. One entry per error,
 * comma-separated: {@code CODE; source="funnel"; message="…"} (source when the error has one).
 */
final class SourceErrorsHeader {

    static final String NAME = "Funnelgate-Errors";

    private SourceErrorsHeader() {
    }

    static String value(List<ResponseError> errors) {
        return String.join(", ", errors.stream().map(SourceErrorsHeader::entry).toList());
    }

    private static String entry(ResponseError error) {
        Object code = error.getExtensions().get("code");
        Object source = error.getExtensions().get("source");
        StringBuilder entry = new StringBuilder(code == null ? "INTERNAL_ERROR" : code.toString());
        if (source != null) {
            entry.append("; source=").append(quoted(source.toString()));
        }
        return entry.append("; message=").append(quoted(String.valueOf(error.getMessage()))).toString();
    }

    /** A header quoted-string: printable ASCII only, quotes and backslashes escaped. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else {
                quoted.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return quoted.append('"').toString();
    }
}

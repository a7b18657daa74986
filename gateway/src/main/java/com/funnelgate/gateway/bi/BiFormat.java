package com.funnelgate.gateway.bi;

import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;

/** What a BI request asks for: {@code format=csv|json}, else {@code Accept: text/csv}, else JSON. */
enum BiFormat {
    JSON, CSV;

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");

    static BiFormat of(ServerRequest request) {
        String format = request.queryParam("format").orElse(null);
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new BadParameter("format", "Query parameter 'format' must be csv or json, got \""
                        + (format.length() > 20 ? format.substring(0, 20) + "…" : format) + "\".");
            };
        }
        List<MediaType> accept;
        try {
            accept = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        MediaType csv = MediaType.parseMediaType("text/csv");
        return accept.stream().anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(csv)) ? CSV : JSON;
    }
}

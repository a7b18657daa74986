package com.funnelgate.gateway.bi;

import com.funnelgate.gateway.errors.ErrorCode;
import com.funnelgate.gateway.persisted.PersistedQueryRejection;
import com.funnelgate.gateway.persisted.TrustedDocuments;
import com.funnelgate.gateway.persisted.TrustedOperation;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BI endpoint, {@code GET /v1/reports/{operationName}}: runs the trusted operation of that name with
 * variables from the query parameters ({@link VariableParameters}), through the same GraphQL handler and
 * interceptors as {@code /graphql}, and answers the GraphQL response as JSON or a CSV table
 * ({@link CsvLayout}, {@link CsvWriter}).
 *
 * <p>Answers carry an {@code ETag} (of the body) and {@code Cache-Control} ({@code private, max-age} when
 * complete, {@code private, no-cache} when something failed); {@code If-None-Match} with the current ETag gets
 * 304. Errors next to data (a failed source) do not stop the CSV: they are listed in the
 * {@code Funnelgate-Errors} header (and in the JSON's {@code errors}). An unknown operation is 404, a missing
 * or bad parameter 400 naming it, and a request GraphQL refused as a whole gets its JSON errors with a 4xx.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Component
class BiReportHandler {

    private final TrustedDocuments trusted;
    private final WebGraphQlHandler graphQl;
    private final GraphQLSchema schema;
    private final JsonMapper json;
    private final BiProperties properties;
    private final Map<String, CsvLayout> layouts = new ConcurrentHashMap<>();
    private final Map<String, VariableParameters> parameters = new ConcurrentHashMap<>();

    BiReportHandler(TrustedDocuments trusted, WebGraphQlHandler graphQl, GraphQlSource graphQlSource, JsonMapper json,
            BiProperties properties) {
        this.trusted = trusted;
        this.graphQl = graphQl;
        this.schema = graphQlSource.schema();
        this.json = json;
        this.properties = properties;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String name = request.pathVariable("operationName");
        Optional<TrustedOperation> found = trusted.byName(name);
        if (found.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, ErrorCode.PERSISTED_QUERY_NOT_FOUND, "No trusted operation is named \""
                    + (name.length() > 60 ? name.substring(0, 60) + "…" : name)
                    + "\"; GET /v1/persisted-operations lists them.", null);
        }
        TrustedOperation operation = found.get();
        if (!"query".equals(operation.type())) {
            return error(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_USER_INPUT, "Operation " + name + " is a "
                    + operation.type() + "; the BI endpoint runs queries only.", null);
        }
        BiFormat format;
        VariableParameters.Variables variables;
        try {
            format = BiFormat.of(request);
            variables = parameters.computeIfAbsent(name, key -> new VariableParameters(schema, operation.definition()))
                    .convert(request.queryParams());
        } catch (BadParameter e) {
            return error(HttpStatus.BAD_REQUEST, ErrorCode.BAD_USER_INPUT, e.getMessage(), e.parameter());
        }
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                request.cookies(), request.remoteAddress().orElse(null), request.attributes(),
                new DefaultGraphQlRequest(operation.body(), operation.name(), variables.values(), Map.of()),
                request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
        return graphQl.handleRequest(graphQlRequest)
                .flatMap(response -> respond(request, operation, format, variables, response));
    }

    private Mono<ServerResponse> respond(ServerRequest request, TrustedOperation operation, BiFormat format,
            VariableParameters.Variables variables, WebGraphQlResponse response) {
        Map<String, Object> data = response.getExecutionResult().getData();
        if (data == null) {
            return ServerResponse.status(refusedStatus(response))
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(json.writeValueAsBytes(response.toMap()));
        }
        byte[] body = format == BiFormat.CSV
                ? CsvWriter.write(layout(operation).headers(), layout(operation).lines(data))
                : json.writeValueAsBytes(response.toMap());
        HttpHeaders headers = new HttpHeaders();
        String etag = Revalidation.etag(body);
        headers.setETag(etag);
        headers.setCacheControl(response.getErrors().isEmpty()
                ? CacheControl.maxAge(properties.maxAge()).cachePrivate() : CacheControl.noCache().cachePrivate());
        headers.setVary(List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION, "X-Api-Key"));
        if (!response.getErrors().isEmpty()) {
            headers.set(SourceErrorsHeader.NAME, SourceErrorsHeader.value(response.getErrors()));
        }
        if (Revalidation.notModified(request, etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).headers(h -> h.addAll(headers)).build();
        }
        if (format == BiFormat.CSV) {
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(fileName(operation, variables)).build());
        }
        return ServerResponse.ok()
                .headers(h -> h.addAll(headers))
                .contentType(format == BiFormat.CSV ? BiFormat.TEXT_CSV : MediaType.APPLICATION_JSON)
                .bodyValue(body);
    }

    private CsvLayout layout(TrustedOperation operation) {
        return layouts.computeIfAbsent(operation.name(),
                name -> CsvLayout.of(schema, operation.document(), operation.definition()));
    }

    /** {@code <operation>_<dates>.csv}, e.g. {@code FunnelTrend_2026-10-01_2026-10-31.csv}. */
    static String fileName(TrustedOperation operation, VariableParameters.Variables variables) {
        StringBuilder name = new StringBuilder(operation.name());
        variables.dates().forEach(date -> name.append('_').append(date.replaceAll("[^0-9A-Za-z-]", "")));
        return name.append(".csv").toString();
    }

    private static HttpStatus refusedStatus(WebGraphQlResponse response) {
        Optional<PersistedQueryRejection> rejection = PersistedQueryRejection.of(response);
        if (rejection.isPresent()) {
            return rejection.get().status();
        }
        List<ResponseError> errors = response.getErrors();
        Object code = errors.isEmpty() ? null : errors.get(0).getExtensions().get("code");
        if (code == null) {
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (code.toString()) {
            case "BAD_USER_INPUT", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_COMPLEX" ->
                    HttpStatus.BAD_REQUEST;
            case "UNAUTHENTICATED" -> HttpStatus.UNAUTHORIZED;
            case "FORBIDDEN", "PERSISTED_QUERY_REQUIRED" -> HttpStatus.FORBIDDEN;
            case "PERSISTED_QUERY_NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "RATE_LIMITED" -> HttpStatus.TOO_MANY_REQUESTS;
            case "SOURCE_TIMEOUT" -> HttpStatus.GATEWAY_TIMEOUT;
            case "SOURCE_UNAVAILABLE", "SOURCE_RATE_LIMITED", "SOURCE_CREDENTIALS_REJECTED" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static Mono<ServerResponse> error(HttpStatus status, ErrorCode code, String message, String parameter) {
        Map<String, Object> extensions = parameter == null ? Map.of("code", code.name())
                : Map.of("code", code.name(), "parameter", parameter);
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
    }
}

package com.funnelgate.gateway.errors;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers requests rejected before GraphQL could run (a body that is not JSON, too large, the wrong
 * content type or method) with a 4xx and a GraphQL-shaped error saying what was wrong, instead of
 * the framework's generic error page. Anything else goes on to Spring Boot's handler, which never
 * shows a stack trace.
 */
@Component
@Order(-2)
class TransportErrorHandler implements WebExceptionHandler {

    private final ErrorResponses responses;

    TransportErrorHandler(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (isTooLarge(error)) {
            return responses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.BAD_USER_INPUT,
                    "The request body is too large.");
        }
        if (!(error instanceof ResponseStatusException status) || !status.getStatusCode().is4xxClientError()) {
            return Mono.error(error);
        }
        return responses.write(exchange, HttpStatus.valueOf(status.getStatusCode().value()), ErrorCode.BAD_USER_INPUT,
                message(status, exchange));
    }

    private static String message(ResponseStatusException error, ServerWebExchange exchange) {
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return "Unsupported Content-Type: send the request as application/json.";
        }
        if (error instanceof MethodNotAllowedException) {
            return "Method " + exchange.getRequest().getMethod() + " is not allowed here.";
        }
        if (error instanceof NotAcceptableStatusException) {
            return "None of the media types in the Accept header can be produced: accept application/json "
                    + "or application/graphql-response+json.";
        }
        if (error instanceof ServerWebInputException) {
            return "The request body is not a valid GraphQL request: send JSON such as "
                    + "{\"query\": \"{ me { role } }\", \"variables\": {}}.";
        }
        HttpStatusCode code = error.getStatusCode();
        return code.value() == 404 ? "Nothing is served at " + exchange.getRequest().getPath() + "."
                : "The request was rejected (HTTP " + code.value() + ").";
    }

    private static boolean isTooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}

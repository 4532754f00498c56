package org.trellis.api.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.trellis.api.system.ErrorResponses.Family;
import org.trellis.persistence.DatabaseFailures;

/**
 * Every failure Spring MVC meets outside GraphQL execution (no route, wrong method, media type or body, a refusal
 * thrown by the GraphQL GET and POST handlers, anything unexpected), answered through {@link ErrorResponses}.
 * Ordered last, so features' own handlers (SCIM's domain errors) come first; anything unexpected is logged here
 * with its stack trace under the correlation id and answered as an opaque 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HttpErrors {

    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

    @ExceptionHandler(Exception.class)
    void handle(Exception failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (failure instanceof AsyncRequestNotUsableException) {
            return; // the client has gone
        }
        int status = status(failure);
        if (failure instanceof ErrorResponse known) {
            known.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        if (status == 503) {
            log.warn(
                    "Database unavailable on {} {}: {}",
                    request.getMethod(),
                    ErrorResponses.path(request),
                    failure.toString());
        } else if (status >= 500) {
            log.error("Unexpected failure on {} {}", request.getMethod(), ErrorResponses.path(request), failure);
        }
        String scimType = status == 400 && Family.of(request) == Family.SCIM ? "invalidSyntax" : null;
        ErrorResponses.write(request, response, status, scimType, detail(failure, status));
    }

    private static int status(Exception failure) {
        return switch (failure) {
            case ErrorResponse known -> known.getStatusCode().value();
            case HttpMessageNotReadableException e -> 400;
            case TypeMismatchException e -> 400;
            case AuthenticationException e -> 401;
            case AccessDeniedException e -> 403;
            default -> databaseUnavailable(failure) ? 503 : 500;
        };
    }

    /** The database unreachable or too slow (a timeout) is no bug: 503, which clients and proxies retry later. */
    static boolean databaseUnavailable(@Nullable Throwable failure) {
        return DatabaseFailures.isUnavailable(failure) || DatabaseFailures.isTimeout(failure);
    }

    /** Spring's own details for client errors say what was wrong without internals; 404 and 5xx say nothing. */
    private static @Nullable String detail(Exception failure, int status) {
        if (status == 404 || status >= 500) {
            return null;
        }
        if (failure instanceof ErrorResponse known) {
            return known.getBody().getDetail();
        }
        if (failure instanceof HttpMessageNotReadableException) {
            return "The request body is not readable JSON of the expected shape.";
        }
        return null;
    }
}

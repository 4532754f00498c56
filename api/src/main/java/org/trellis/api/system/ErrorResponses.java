package org.trellis.api.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.trellis.graphql.ErrorType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an HTTP error leaves Trellis, whoever raises it: the security entry points and access-denied
 * handlers, the request filters, Spring MVC, the error page and the servlet container's error report. The body
 * follows the path family: GraphQL errors under {@code /graphql}, SCIM errors (RFC 7644 §3.12) under
 * {@code /scim/v2}, problem details (RFC 9457) everywhere else. GraphQL errors and problems carry the
 * classification and the correlation id; every answer carries the correlation id in its header. The detail is
 * what the caller wrote, never an exception's message; without one, a fixed text per status ("Internal error." for
 * a 500).
 */
public final class ErrorResponses {

    public static final String SCIM_JSON = "application/scim+json";
    static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {}

    /** The path families, each with its own error format. */
    enum Family {
        GRAPHQL,
        SCIM,
        OTHER;

        static Family of(String path) {
            if (path.equals("/graphql") || path.startsWith("/graphql/")) {
                return GRAPHQL;
            }
            if (path.equals("/scim/v2") || path.startsWith("/scim/v2/")) {
                return SCIM;
            }
            return OTHER;
        }

        static Family of(HttpServletRequest request) {
            return of(path(request));
        }
    }

    private record Rendered(MediaType type, byte[] body, String correlationId) {}

    /** Writes the error into the response, unless something was already sent. */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            @Nullable String scimType,
            @Nullable String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Rendered rendered = render(request, status, scimType, detail);
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader(CorrelationFilter.HEADER, rendered.correlationId());
        response.setContentType(rendered.type().toString());
        response.setContentLength(rendered.body().length);
        response.getOutputStream().write(rendered.body());
        response.flushBuffer();
    }

    /** The error as a response entity, for handlers that answer through Spring MVC. */
    public static ResponseEntity<byte[]> entity(
            HttpServletRequest request, int status, @Nullable String scimType, @Nullable String detail) {
        Rendered rendered = render(request, status, scimType, detail);
        return ResponseEntity.status(status)
                .header(CorrelationFilter.HEADER, rendered.correlationId())
                .contentType(rendered.type())
                .body(rendered.body());
    }

    private static Rendered render(
            HttpServletRequest request, int status, @Nullable String scimType, @Nullable String detail) {
        String correlationId = correlationId(request);
        String message = detail == null || detail.isBlank() ? defaultDetail(status) : detail;
        ErrorType classification = classify(status);
        Map<String, Object> body = new LinkedHashMap<>();
        MediaType type;
        switch (Family.of(request)) {
            case GRAPHQL -> {
                Map<String, Object> extensions = new LinkedHashMap<>();
                extensions.put("classification", classification.name());
                extensions.put("correlationId", correlationId);
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("message", message);
                error.put("extensions", extensions);
                body.put("errors", List.of(error));
                type = acceptsGraphQlResponse(request) ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON;
            }
            case SCIM -> {
                body.put("schemas", List.of(SCIM_ERROR));
                body.put("status", Integer.toString(status));
                if (scimType != null) {
                    body.put("scimType", scimType);
                }
                body.put("detail", message);
                type = MediaType.parseMediaType(SCIM_JSON);
            }
            case OTHER -> {
                HttpStatus known = HttpStatus.resolve(status);
                body.put("type", "about:blank");
                body.put("title", known != null ? known.getReasonPhrase() : "Error");
                body.put("status", status);
                body.put("detail", message);
                body.put("classification", classification.name());
                body.put("correlationId", correlationId);
                type = MediaType.APPLICATION_PROBLEM_JSON;
            }
            default -> throw new IllegalStateException();
        }
        return new Rendered(type, JSON.writeValueAsBytes(body), correlationId);
    }

    /** The path an error is about: the original request's, also while the container forwards to the error page. */
    static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        if (path == null) {
            return "";
        }
        int parameters = path.indexOf(';');
        return parameters < 0 ? path : path.substring(0, parameters);
    }

    private static String correlationId(HttpServletRequest request) {
        String id = MDC.get(CorrelationFilter.MDC_KEY);
        if (id == null && request.getAttribute(CorrelationFilter.ATTRIBUTE) instanceof String known) {
            id = known;
        }
        return id != null ? id : UUID.randomUUID().toString();
    }

    private static boolean acceptsGraphQlResponse(HttpServletRequest request) {
        try {
            return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)).stream()
                    .anyMatch(GRAPHQL_RESPONSE::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The one mapping from an HTTP status to the classification Trellis errors carry. */
    static ErrorType classify(int status) {
        return switch (status) {
            case 401 -> ErrorType.UNAUTHENTICATED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            case 409 -> ErrorType.CONFLICT;
            case 503 -> ErrorType.UNAVAILABLE;
            case 429 -> ErrorType.RATE_LIMITED;
            default -> status >= 500 ? ErrorType.INTERNAL : ErrorType.BAD_REQUEST;
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "Authentication is required.";
            case 403 -> "Access denied.";
            case 404 -> "Not found.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced.";
            case 409 -> "The request conflicts with the current state.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request URI is too long.";
            case 415 -> "This media type is not supported.";
            case 429 -> "Too many requests; retry later.";
            case 503 -> "Service unavailable; retry later.";
            default -> status >= 500 ? "Internal error." : "The request cannot be served.";
        };
    }
}

package org.trellis.graphql;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP {@code POST}: checks the media types and the shape of the request (a JSON object with a query
 * string, optional operation name, variables and extensions) before handing it to Spring's handler, so that no
 * malformed request (a body of {@code null}, a multipart form, an array) reaches the engine and fails there as an
 * internal error. Refusals are thrown, so the one error writer at the edge renders them.
 */
public final class PostRequestHandler {

    private final GraphQlHttpHandler delegate;
    private final JsonMapper json;

    public PostRequestHandler(GraphQlHttpHandler delegate, JsonMapper json) {
        this.delegate = delegate;
        this.json = json;
    }

    public ServerResponse handle(ServerRequest request)
            throws ServletException, IOException, HttpMediaTypeNotSupportedException,
                    HttpMediaTypeNotAcceptableException {
        MediaType type = contentType(request);
        if (type == null) {
            throw new HttpMediaTypeNotSupportedException("Content-Type is missing or invalid.", Negotiation.READABLE);
        }
        if (Negotiation.READABLE.stream().noneMatch(readable -> readable.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, Negotiation.READABLE, HttpMethod.POST);
        }
        Negotiation.requireAcceptable(request);
        // The body is already bounded by the request size filter.
        byte[] body = request.servletRequest().getInputStream().readAllBytes();
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        }
        String problem = problem(node);
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
        }
        return delegate.handleRequest(ServerRequest.create(
                BufferedRequest.jsonPost(request.servletRequest(), body), request.messageConverters()));
    }

    private static @Nullable MediaType contentType(ServerRequest request) {
        try {
            return request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    /** What is wrong with the shape of a GraphQL request, or null when nothing is. */
    static @Nullable String problem(@Nullable JsonNode request) {
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object.";
        }
        if (!request.path("query").isString()) {
            return "The request must carry a query string.";
        }
        if (!absentOr(request.path("operationName"), JsonNode::isString)) {
            return "operationName must be a string.";
        }
        for (String name : new String[] {"variables", "extensions"}) {
            if (!absentOr(request.path(name), JsonNode::isObject)) {
                return name + " must be a JSON object.";
            }
        }
        return null;
    }

    private static boolean absentOr(JsonNode value, java.util.function.Predicate<JsonNode> expected) {
        return value.isMissingNode() || value.isNull() || expected.test(value);
    }
}

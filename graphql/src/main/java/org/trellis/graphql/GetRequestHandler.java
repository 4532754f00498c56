package org.trellis.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ServletException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP {@code GET}: queries only, as the specification requires. A GET naming a mutation is refused
 * with 405 before execution; anything else is handed to Spring's POST handler as the equivalent JSON request, so
 * both methods share one pipeline (security, limits, errors, status codes). Refusals are thrown, so the one error
 * writer at the edge renders them.
 */
public final class GetRequestHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final GraphQlHttpHandler delegate;
    private final JsonMapper json;

    public GetRequestHandler(GraphQlHttpHandler delegate, JsonMapper json) {
        this.delegate = delegate;
        this.json = json;
    }

    public ServerResponse handle(ServerRequest request)
            throws ServletException, HttpRequestMethodNotSupportedException, HttpMediaTypeNotAcceptableException {
        Negotiation.requireAcceptable(request);
        String query = request.param("query").orElse("");
        String operationName =
                request.param("operationName").filter(name -> !name.isBlank()).orElse(null);
        if (isMutation(query, operationName)) {
            throw new HttpRequestMethodNotSupportedException("GET", List.of("POST"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        for (String name : List.of("variables", "extensions")) {
            Optional<String> value = request.param(name).filter(text -> !text.isBlank());
            if (value.isPresent()) {
                body.put(name, jsonObject(name, value.get()));
            }
        }
        return delegate.handleRequest(ServerRequest.create(
                BufferedRequest.jsonPost(request.servletRequest(), json.writeValueAsBytes(body)),
                request.messageConverters()));
    }

    private Map<String, Object> jsonObject(String name, String text) {
        try {
            Map<String, Object> value = json.readValue(text, MAP);
            if (value != null) {
                return value;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The " + name + " parameter is not a JSON object.");
    }

    /** True when the selected operation is not a query; unparseable documents are left to the engine. */
    private static boolean isMutation(String query, @Nullable String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException | IllegalArgumentException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }
}

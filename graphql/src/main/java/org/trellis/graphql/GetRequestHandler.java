package org.trellis.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP {@code GET}: queries only, as the specification requires. A GET naming a mutation is refused
 * with 405 before execution; anything else is handed to Spring's POST handler as the equivalent JSON request, so
 * both methods share one pipeline (security, limits, errors, status codes).
 */
public final class GetRequestHandler {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final GraphQlHttpHandler delegate;
    private final JsonMapper json;

    public GetRequestHandler(GraphQlHttpHandler delegate, JsonMapper json) {
        this.delegate = delegate;
        this.json = json;
    }

    public ServerResponse handle(ServerRequest request) throws ServletException {
        String query = request.param("query").orElse("");
        String operationName =
                request.param("operationName").filter(name -> !name.isBlank()).orElse(null);
        if (isMutation(query, operationName)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, "POST")
                    .build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        try {
            for (String name : List.of("variables", "extensions")) {
                Optional<String> value = request.param(name).filter(text -> !text.isBlank());
                if (value.isPresent()) {
                    body.put(name, json.readValue(value.get(), MAP));
                }
            }
        } catch (JacksonException e) {
            return ServerResponse.badRequest().build();
        }
        HttpServletRequest asPost = new JsonPostRequest(request.servletRequest(), json.writeValueAsBytes(body));
        return delegate.handleRequest(ServerRequest.create(asPost, request.messageConverters()));
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

    private static final class JsonPostRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        JsonPostRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public String getMethod() {
            return HttpMethod.POST.name();
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>(java.util.Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
                names.add(HttpHeaders.CONTENT_TYPE);
            }
            return java.util.Collections.enumeration(names);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}

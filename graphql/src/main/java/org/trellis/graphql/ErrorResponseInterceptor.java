package org.trellis.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * The last word on every error leaving the API: one of the {@link ErrorType} classes, the request's correlation
 * id, and no hints about the schema. Errors raised by graphql-java itself (syntax, validation, limits) are
 * classified here; errors from data fetchers were already classified by the exception resolver.
 */
public final class ErrorResponseInterceptor implements WebGraphQlInterceptor {

    private static final Pattern SUGGESTION = Pattern.compile("\\s*Did you mean[^.?]*[.?]?", Pattern.CASE_INSENSITIVE);

    private final Supplier<@Nullable String> correlationId;

    public ErrorResponseInterceptor(Supplier<@Nullable String> correlationId) {
        this.correlationId = correlationId;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String id = correlationId.get();
        return chain.next(request).map(response -> {
            if (response.getErrors().isEmpty()) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream()
                    .map(error -> normalize(error, id))
                    .toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static GraphQLError normalize(ResponseError error, @Nullable String correlationId) {
        boolean fieldError =
                error.getParsedPath() != null && !error.getParsedPath().isEmpty();
        ErrorType type = classify(error.getErrorType(), fieldError);
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.remove("classification");
        if (correlationId != null) {
            extensions.put("correlationId", correlationId);
        }
        String message = error.getMessage() == null ? type.name() : error.getMessage();
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(SUGGESTION.matcher(message).replaceAll(""))
                .errorType(type)
                .extensions(extensions);
        if (fieldError) {
            builder.path(error.getParsedPath());
        }
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            builder.locations(error.getLocations());
        }
        return builder.build();
    }

    /**
     * Maps every classification to ours. Unknown ones raised by the engine for the request as a whole (no field path,
     * e.g. introspection disabled) are the client's doing; unknown ones on a field are ours.
     */
    static ErrorType classify(ErrorClassification classification, boolean fieldError) {
        if (classification instanceof ErrorType ours) {
            return ours;
        }
        if (classification instanceof org.springframework.graphql.execution.ErrorType spring) {
            return switch (spring) {
                case BAD_REQUEST -> ErrorType.BAD_REQUEST;
                case UNAUTHORIZED -> ErrorType.UNAUTHENTICATED;
                case FORBIDDEN -> ErrorType.FORBIDDEN;
                case NOT_FOUND -> ErrorType.NOT_FOUND;
                case INTERNAL_ERROR -> ErrorType.INTERNAL;
            };
        }
        if (classification instanceof graphql.ErrorType graphQlJava) {
            return switch (graphQlJava) {
                case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> ErrorType.BAD_REQUEST;
                case DataFetchingException, NullValueInNonNullableField -> ErrorType.INTERNAL;
            };
        }
        return fieldError ? ErrorType.INTERNAL : ErrorType.BAD_REQUEST;
    }
}

package org.trellis.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * How a rate-limited GraphQL request is answered: HTTP 429 (whichever response media type was asked for: throttling is
 * the transport's business, and generic HTTP clients and proxies retry on it), a {@code Retry-After} header in whole
 * seconds, and one {@code RATE_LIMITED} error whose extensions repeat the wait and give the cost and the budget.
 */
public final class RateLimitedResponses {

    private RateLimitedResponses() {}

    static GraphQLError error(CostBudget.Throttled refused, long cost) {
        return GraphqlErrorBuilder.newError()
                .message(refused.getMessage())
                .errorType(ErrorType.RATE_LIMITED)
                .extensions(Map.of(
                        "retryAfter",
                        refused.retryAfterSeconds(),
                        "cost",
                        Map.of("requested", cost, "throttleStatus", ExecutionGuard.throttleStatus(refused.status()))))
                .build();
    }

    /** Copies a refusal's wait into the {@code Retry-After} header. */
    public static WebGraphQlInterceptor retryAfterHeader() {
        return (request, chain) -> chain.next(request).map(response -> {
            for (ResponseError error : response.getErrors()) {
                if (error.getErrorType() == ErrorType.RATE_LIMITED
                        && error.getExtensions().get("retryAfter") instanceof Number seconds) {
                    response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
                }
            }
            return response;
        });
    }

    /** Spring GraphQL's HTTP handler, answering 429 when the request was refused by its budget. */
    public static GraphQlHttpHandler httpHandler(WebGraphQlHandler handler) {
        return new GraphQlHttpHandler(handler) {
            @Override
            protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
                return refused(response)
                        ? HttpStatus.TOO_MANY_REQUESTS
                        : super.selectResponseStatus(response, responseMediaType);
            }
        };
    }

    private static boolean refused(WebGraphQlResponse response) {
        return !response.getExecutionResult().isDataPresent()
                && response.getErrors().stream().anyMatch(error -> error.getErrorType() == ErrorType.RATE_LIMITED);
    }
}

package org.trellis.api.system;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Failures of a subscription's stream (including a refusal to subscribe, raised once the stream is requested),
 * mapped exactly as {@link GraphQlErrors} maps every other failure.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    SubscriptionErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure) {
        return GraphQlErrors.classified(failure, GraphqlErrorBuilder.newError(), "a subscription");
    }
}

package org.trellis.api.live;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trellis.graphql.ErrorType;

/**
 * Refuses a subscription that did not come over a WebSocket connection (a plain {@code POST /graphql}) with one
 * BAD_REQUEST error before anything runs: HTTP answers once, and a stream has nowhere to go.
 */
@Component
class HttpSubscriptionRefusal extends SimplePerformantInstrumentation {

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        if (context.getOperationDefinition().getOperation() == Operation.SUBSCRIPTION
                && !context.getGraphQLContext().hasKey(LiveAuthentication.SESSION)) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .errorType(ErrorType.BAD_REQUEST)
                    .message("Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.")
                    .build()));
        }
        return super.beginExecuteOperation(parameters, state);
    }
}

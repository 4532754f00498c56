package org.trellis.api.observability;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Names the operation once it has been validated: its bounded name goes into the logging context ({@code
 * operationName}) and the request's GraphQL context, where the metrics recorded after execution read it.
 */
final class OperationInstrumentation extends SimplePerformantInstrumentation {

    static final String MDC_KEY = "operationName";

    private final OperationNames names;

    OperationInstrumentation(OperationNames names) {
        this.names = names;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        String name = names.of(execution);
        execution.getGraphQLContext().put(OperationNames.CONTEXT_KEY, name);
        MDC.put(MDC_KEY, name);
        return super.beginExecuteOperation(parameters, state);
    }
}

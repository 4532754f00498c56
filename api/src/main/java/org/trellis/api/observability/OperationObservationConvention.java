package org.trellis.api.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring GraphQL's {@code graphql.request} observation, with the bounded operation name as a low-cardinality key
 * ({@code graphql.operation.name}), so timings and outcomes can be read per operation. Spring's own convention keeps
 * the raw, unbounded name as a high-cardinality key; here it is dropped from the high-cardinality keys so traces and
 * metrics carry the same value.
 */
final class OperationObservationConvention extends DefaultExecutionRequestObservationConvention {

    static final String KEY = "graphql.operation.name";

    private final OperationNames names;

    OperationObservationConvention(OperationNames names) {
        this.names = names;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
        String known = context.getExecutionInput().getGraphQLContext().get(OperationNames.CONTEXT_KEY);
        String name = known != null ? known : names.of(context.getExecutionContext());
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(KEY, name));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
        return KeyValues.of(executionId(context));
    }
}

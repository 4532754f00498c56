package org.trellis.api.observability;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring GraphQL's observations without the one of batch loads ({@code graphql.dataloader}), which Trellis never
 * records: each operation is observed whole ({@code graphql.request}, read by the panels and alerts), fields only as
 * configured ({@code graphql.datafetcher}, off). Spring's instrumentation would otherwise copy, on every request,
 * every data loader the application registers (sixty-odd) into a new registry to instrument them, whether batch loads
 * are observed or not: 2 % of an evidence mutation's CPU in the benchmark's flight recording.
 */
final class OperationObservation extends GraphQlObservationInstrumentation {

    OperationObservation(ObservationRegistry registry, ExecutionRequestObservationConvention convention) {
        super(registry, convention, new DefaultDataFetcherObservationConvention());
    }

    @Override
    public ExecutionInput instrumentExecutionInput(
            ExecutionInput input,
            @Nullable InstrumentationExecutionParameters parameters,
            @Nullable InstrumentationState state) {
        return input;
    }
}

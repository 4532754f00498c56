package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

class OperationObservationUnitTest {

    private final ObservationRegistry observations = ObservationRegistry.create();

    @Test
    void theRequestsDataLoadersAreLeftAsRegisteredWhereSpringWouldCopyThemAll() {
        DataLoader<String, String> loader =
                DataLoaderFactory.newDataLoader(keys -> CompletableFuture.completedFuture(List.copyOf(keys)));
        DataLoaderRegistry registered =
                DataLoaderRegistry.newRegistry().register("people", loader).build();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }")
                .dataLoaderRegistry(registered)
                .build();

        ExecutionInput ours = new OperationObservation(
                        observations, new OperationObservationConvention(new OperationNames(10)))
                .instrumentExecutionInput(input, null, null);
        ExecutionInput springs =
                new GraphQlObservationInstrumentation(observations).instrumentExecutionInput(input, null, null);

        assertThat(ours.getDataLoaderRegistry()).isSameAs(registered);
        assertThat(ours.getDataLoaderRegistry().getDataLoader("people")).isSameAs(loader);
        assertThat(springs.getDataLoaderRegistry()).isNotSameAs(registered);
        assertThat(springs.getDataLoaderRegistry().getDataLoader("people")).isNotSameAs(loader);
    }
}

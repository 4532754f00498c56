package org.trellis.graphql;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * A request's data loaders, dispatched only where keys are queued. graphql-java dispatches the whole registry after
 * every level of a query, and Spring registers every batch loader the application declares (sixty-odd) for every
 * request, though most requests use a few; each empty loader's dispatch still took its instrumentation, futures and
 * timestamps: 3.6 % of the application's samples in a flight recording of the evidence mutations. A loader with
 * nothing queued has nothing to load, so skipping it changes no answer.
 *
 * <p>This holds for graphql-java's per-level dispatching, which calls {@link #dispatchAll()}; with data loader
 * chaining or exhausted-dispatching switched on (Trellis switches on neither) it would dispatch loaders itself and
 * this class would change nothing. Spring fills the registry a request carries rather than replacing it, and
 * {@code observability/OperationObservation} hands it on unchanged ({@code QueuedLoadersIntegrationTest}).
 */
public final class QueuedLoaders extends DataLoaderRegistry {

    QueuedLoaders() {}

    /** Gives every request a registry of this kind, which Spring then fills with the application's loaders. */
    public static WebGraphQlInterceptor perRequest() {
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) ->
                    builder.dataLoaderRegistry(new QueuedLoaders()).build());
            return chain.next(request);
        };
    }

    @Override
    public void dispatchAll() {
        for (DataLoader<?, ?> loader : dataLoaders.values()) {
            if (loader.dispatchDepth() > 0) {
                loader.dispatch();
            }
        }
    }

    @Override
    public int dispatchAllWithCount() {
        int dispatched = 0;
        for (DataLoader<?, ?> loader : dataLoaders.values()) {
            if (loader.dispatchDepth() > 0) {
                dispatched += loader.dispatchWithCounts().getKeysCount();
            }
        }
        return dispatched;
    }
}

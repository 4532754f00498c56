package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

class QueuedLoadersUnitTest {

    private final AtomicInteger namesBatches = new AtomicInteger();
    private final AtomicInteger sizesBatches = new AtomicInteger();
    private final QueuedLoaders registry = new QueuedLoaders();

    QueuedLoadersUnitTest() {
        registry.register("names", DataLoaderFactory.newDataLoader(counting(namesBatches, key -> "name-" + key)));
        registry.register("sizes", DataLoaderFactory.newDataLoader(counting(sizesBatches, key -> key.length())));
    }

    @Test
    void dispatchingLoadsWhatIsQueuedInOneBatchPerLoaderAndCallsNoLoaderWithNothingQueued() {
        DataLoader<String, String> names = registry.getDataLoader("names");
        CompletableFuture<String> a = names.load("a");
        CompletableFuture<String> b = names.load("b");

        registry.dispatchAll();

        assertThat(a).isCompletedWithValue("name-a");
        assertThat(b).isCompletedWithValue("name-b");
        assertThat(namesBatches).hasValue(1);
        assertThat(sizesBatches).hasValue(0);
    }

    @Test
    void keysQueuedAfterADispatchAreLoadedByTheNextAndCounted() {
        DataLoader<String, Integer> sizes = registry.getDataLoader("sizes");
        assertThat(registry.dispatchAllWithCount()).isZero();

        CompletableFuture<Integer> abc = sizes.load("abc");
        CompletableFuture<Integer> de = sizes.load("de");
        assertThat(abc).isNotDone();

        assertThat(registry.dispatchAllWithCount()).isEqualTo(2);
        assertThat(abc).isCompletedWithValue(3);
        assertThat(de).isCompletedWithValue(2);
        assertThat(sizesBatches).hasValue(1);
        assertThat(namesBatches).hasValue(0);
    }

    private static <V> BatchLoader<String, V> counting(
            AtomicInteger batches, java.util.function.Function<String, V> value) {
        return keys -> {
            batches.incrementAndGet();
            return CompletableFuture.completedFuture(keys.stream().map(value).toList());
        };
    }

    @Test
    void eachRequestThroughTheInterceptorExecutesWithARegistryOfItsOwn() {
        WebGraphQlInterceptor interceptor = QueuedLoaders.perRequest();
        List<DataLoaderRegistry> used = new ArrayList<>();
        WebGraphQlInterceptor.Chain chain = request -> {
            used.add(request.toExecutionInput().getDataLoaderRegistry());
            return Mono.empty();
        };

        interceptor.intercept(request(), chain).block();
        interceptor.intercept(request(), chain).block();

        assertThat(used).hasSize(2).allSatisfy(registry -> assertThat(registry).isInstanceOf(QueuedLoaders.class));
        assertThat(used.get(0)).isNotSameAs(used.get(1));
    }

    private static WebGraphQlRequest request() {
        return new WebGraphQlRequest(
                URI.create("http://localhost/graphql"),
                new HttpHeaders(),
                null,
                Map.of(),
                new DefaultGraphQlRequest("{ __typename }"),
                "1",
                null);
    }
}

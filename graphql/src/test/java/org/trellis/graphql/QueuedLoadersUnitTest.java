package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.DispatchResult;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import org.dataloader.instrumentation.DataLoaderInstrumentationContext;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

class QueuedLoadersUnitTest {

    /** Dispatches begun per loader, whether or not anything was queued. */
    private final Map<String, Integer> dispatches = new ConcurrentHashMap<>();

    private final DataLoaderInstrumentation counting = new DataLoaderInstrumentation() {
        @Override
        public DataLoaderInstrumentationContext<DispatchResult<?>> beginDispatch(DataLoader<?, ?> loader) {
            dispatches.merge(loader.getName(), 1, Integer::sum);
            return DataLoaderInstrumentation.super.beginDispatch(loader);
        }
    };

    private final QueuedLoaders registry = new QueuedLoaders();

    QueuedLoadersUnitTest() {
        registry.register("names", loader(key -> "name-" + key));
        registry.register("sizes", loader(String::length));
    }

    @Test
    void dispatchingLoadsWhatIsQueuedAndNeverDispatchesALoaderWithNothingQueued() {
        DataLoader<String, String> names = registry.getDataLoader("names");
        CompletableFuture<String> a = names.load("a");
        CompletableFuture<String> b = names.load("b");

        registry.dispatchAll();

        assertThat(a).isCompletedWithValue("name-a");
        assertThat(b).isCompletedWithValue("name-b");
        assertThat(dispatches).containsExactly(Map.entry("names", 1));
    }

    @Test
    void aPlainRegistryDispatchesEveryLoaderWhichIsWhatThisOneSpares() {
        DataLoaderRegistry plain = new DataLoaderRegistry();
        plain.register("names", loader(key -> "name-" + key));
        plain.register("sizes", loader(String::length));

        plain.dispatchAll();

        assertThat(dispatches).containsOnly(Map.entry("names", 1), Map.entry("sizes", 1));
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
        assertThat(dispatches).containsExactly(Map.entry("sizes", 1));
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

    private <V> DataLoader<String, V> loader(Function<String, V> value) {
        BatchLoader<String, V> batch = keys ->
                CompletableFuture.completedFuture(keys.stream().map(value).toList());
        return DataLoaderFactory.newDataLoader(
                batch,
                DataLoaderOptions.newOptions().setInstrumentation(counting).build());
    }

    private static WebGraphQlRequest request() {
        return new WebGraphQlRequest(
                URI.create("http://localhost/graphql"),
                new HttpHeaders(),
                null,
                null,
                Map.of(),
                new DefaultGraphQlRequest("{ __typename }"),
                "1",
                null);
    }
}

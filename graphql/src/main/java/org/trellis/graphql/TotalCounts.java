package org.trellis.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import java.util.function.IntSupplier;
import org.springframework.data.domain.Window;

/**
 * {@code totalCount} on every connection: how many items the whole list holds (every page, the same filter), counted
 * only when a client asks for it, and at most {@value #MAX}, so its cost is bounded like every other field's. A
 * controller returns its window {@link #withTotal with} the count; the connection's field answers it.
 */
public final class TotalCounts {

    /** The most a total counts: a longer list answers this. */
    public static final int MAX = 10_000;

    private TotalCounts() {}

    /** The window, carrying how to count the whole list to the connection's {@code totalCount}. */
    public static <T> DataFetcherResult<Window<T>> withTotal(Window<T> window, IntSupplier total) {
        return DataFetcherResult.<Window<T>>newResult()
                .data(window)
                .localContext(new Total(total))
                .build();
    }

    /** Answers {@code totalCount} from the count its connection carries. */
    static final DataFetcher<Integer> FETCHER = environment -> {
        if (!(environment.getLocalContext() instanceof Total total)) {
            throw new IllegalStateException(
                    "The connection " + environment.getParentType() + " was returned without its total count");
        }
        return Math.min(MAX, total.count().getAsInt());
    };

    private record Total(IntSupplier count) {}
}

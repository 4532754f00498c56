package org.trellis.api.shared;

import graphql.execution.DataFetcherResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.data.domain.Window;
import org.trellis.graphql.KeysetWindows;
import org.trellis.graphql.TotalCounts;

/**
 * One page of a list's rows, and how to count the whole list (same filter, every page) if a client asks for its
 * {@code totalCount}: at most {@link TotalCounts#MAX} rows are counted.
 */
public record Paged<T>(List<T> rows, IntSupplier total) {

    /** Rows counted lazily as those of {@code table} that {@code where} selects. */
    public static <T> Paged<T> of(List<T> rows, DSLContext db, Table<?> table, Condition where) {
        return new Paged<>(
                rows,
                () -> db.fetchCount(db.selectOne().from(table).where(where).limit(TotalCounts.MAX)));
    }

    /**
     * The connection's answer: this page as a window of keyset positions ({@link KeysetWindows#window}), carrying
     * the total count for {@code totalCount}.
     */
    public DataFetcherResult<Window<T>> window(KeysetWindows.Page page, Function<T, Map<String, String>> keys) {
        return TotalCounts.withTotal(KeysetWindows.window(rows, page, keys), total);
    }

    /** No rows at all. */
    public static <T> Paged<T> empty() {
        return new Paged<>(List.of(), () -> 0);
    }
}

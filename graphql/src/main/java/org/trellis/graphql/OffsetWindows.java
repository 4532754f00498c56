package org.trellis.graphql;

import java.util.List;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/** Relay pagination over offsets: turns a {@link ScrollSubrange} into LIMIT/OFFSET and rows back into a window. */
public final class OffsetWindows {

    private OffsetWindows() {}

    /**
     * The first row to read (0-based). Spring GraphQL has already turned {@code after}/{@code before} cursors into a
     * forward position; an offset position is exclusive (it names the last row already seen).
     */
    public static long offset(ScrollSubrange subrange) {
        return subrange.position()
                .filter(OffsetScrollPosition.class::isInstance)
                .map(position -> ((OffsetScrollPosition) position).getOffset() + 1)
                .orElse(0L);
    }

    /** The page size asked for, capped; the query should read one more row to learn whether another page exists. */
    public static int limit(ScrollSubrange subrange, int defaultSize, int maxSize) {
        return Math.min(maxSize, subrange.count().orElse(defaultSize));
    }

    /** A window of at most {@code limit} rows from {@code rows} read at {@code offset} with LIMIT {@code limit + 1}. */
    public static <T> Window<T> window(List<T> rows, long offset, int limit) {
        List<T> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        return Window.from(page, index -> ScrollPosition.offset(offset + index), rows.size() > limit);
    }
}

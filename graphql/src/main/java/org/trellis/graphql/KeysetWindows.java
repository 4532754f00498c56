package org.trellis.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Relay pagination over a keyset: every list is sorted by columns ending in a unique tiebreak, and a cursor holds the
 * sort keys of its row, so a page starts right after (or before) that row however many rows were inserted or deleted
 * meanwhile. {@code first}/{@code after} reads forward; {@code last}/{@code before} reads backward from the cursor,
 * or from the end of the list when no cursor is given. Cursors are opaque to clients (Spring GraphQL encodes the keys
 * as base64 JSON); a cursor that is not one of ours is a BAD_REQUEST.
 */
public final class KeysetWindows {

    private KeysetWindows() {}

    /**
     * What to read for one page.
     *
     * @param forward whether to read in the list's order (else against it, from the end or from {@code before})
     * @param keys the cursor's sort keys, by column name, as text; null from the start (or the end)
     * @param limit the page size; read one row more to learn whether there is another page
     */
    public record Page(boolean forward, @Nullable Map<String, String> keys, int limit) {

        /** The cursor's key for a column, checked to be there: a cursor from another list is refused. */
        public String key(String column) {
            String value = keys == null ? null : keys.get(column);
            if (value == null) {
                throw badCursor();
            }
            return value;
        }
    }

    /** The page a request asks for, with its size capped at {@code maxSize}. */
    public static Page page(ScrollSubrange subrange, int defaultSize, int maxSize) {
        int limit = Math.min(maxSize, Math.max(0, subrange.count().orElse(defaultSize)));
        ScrollPosition position = subrange.position().orElse(null);
        if (position == null) {
            return new Page(subrange.forward(), null, limit);
        }
        if (!(position instanceof KeysetScrollPosition keyset)
                || keyset.getKeys().isEmpty()) {
            throw badCursor();
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keyset.getKeys().forEach((column, value) -> {
            if (!(value instanceof String text)) {
                throw badCursor();
            }
            keys.put(column, text);
        });
        return new Page(keyset.scrollsForward(), keys, limit);
    }

    /**
     * The window of {@code rows}, read in the page's direction with a limit of {@code page.limit() + 1}: at most
     * {@code limit} of them, in the list's order, each with the cursor of its keys.
     */
    public static <T> Window<T> window(List<T> rows, Page page, Function<T, Map<String, String>> keys) {
        boolean more = rows.size() > page.limit();
        List<T> items = new ArrayList<>(more ? rows.subList(0, page.limit()) : rows);
        if (!page.forward()) {
            Collections.reverse(items);
        }
        Window<T> window = Window.from(
                items,
                index -> page.forward()
                        ? ScrollPosition.forward(new LinkedHashMap<>(keys.apply(items.get(index))))
                        : ScrollPosition.backward(new LinkedHashMap<>(keys.apply(items.get(index)))),
                more);
        return window;
    }

    private static IllegalArgumentException badCursor() {
        return new InvalidCursorException();
    }

    /** A cursor that is not one of this list's: the request is refused as BAD_REQUEST. */
    public static final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("The cursor is not one this list gave out; start again without after/before.");
        }
    }
}

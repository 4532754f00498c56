package org.trellis.api.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SelectSeekStepN;
import org.jooq.SortField;
import org.trellis.graphql.KeysetWindows;

/**
 * A list's one stable order, for keyset pages ({@link KeysetWindows}): not-null columns, each ascending or
 * descending, ending in a unique tiebreak. {@link #page} orders a query for the page's direction and seeks past its
 * cursor; {@link #keys} gives a row's cursor keys. Cursor keys are the columns' values as text, parsed back by the
 * column's type; a key that does not parse is an invalid cursor (BAD_REQUEST), never a failure.
 */
public record KeysetOrder(List<Column> columns) {

    /** One column of the order, named in cursors by {@code key}. */
    public record Column(String key, Field<?> field, boolean descending) {}

    public static Column ascending(String key, Field<?> field) {
        return new Column(key, field, false);
    }

    public static Column descending(String key, Field<?> field) {
        return new Column(key, field, true);
    }

    public static KeysetOrder of(Column... columns) {
        return new KeysetOrder(List.of(columns));
    }

    /**
     * The query ordered for the page (against the list's order when reading backward), after the page's cursor if it
     * has one, limited to one row more than the page (to learn whether there is another).
     */
    public <R extends Record> ResultQuery<R> page(
            java.util.function.Function<List<SortField<?>>, SelectSeekStepN<R>> orderBy, KeysetWindows.Page page) {
        List<SortField<?>> sort = new ArrayList<>(columns.size());
        for (Column column : columns) {
            boolean descending = column.descending() == page.forward();
            sort.add(descending ? column.field().desc() : column.field().asc());
        }
        SelectSeekStepN<R> ordered = orderBy.apply(sort);
        if (page.keys() == null) {
            return ordered.limit(page.limit() + 1);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parse(columns.get(i).field(), page.key(columns.get(i).key()));
        }
        return ordered.seek(values).limit(page.limit() + 1);
    }

    /** A row's cursor keys, from its values for the columns, in order. */
    public Map<String, String> keys(Object... values) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            keys.put(columns.get(i).key(), String.valueOf(values[i]));
        }
        return keys;
    }

    private static Object parse(Field<?> field, String text) {
        Class<?> type = field.getType();
        try {
            if (type == UUID.class) {
                return UUID.fromString(text);
            } else if (type == Instant.class) {
                return Instant.parse(text);
            } else if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(text);
            } else if (type == Long.class) {
                return Long.valueOf(text);
            } else if (type == Integer.class) {
                return Integer.valueOf(text);
            } else if (type == String.class) {
                return text;
            }
        } catch (RuntimeException malformed) {
            throw new KeysetWindows.InvalidCursorException();
        }
        throw new IllegalStateException("No cursor key parser for " + type);
    }
}

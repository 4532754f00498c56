package org.trellis.persistence;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * An insert of any number of rows into some columns of a table, as {@linkplain FixedStatement fixed statements} of two
 * shapes: one row as {@code VALUES}, the usual case, and any other number as one array per column, unnested in order
 * (the rows take any sequence's values in their order). Unnesting arrays with their ordinality and sorting them cost
 * PostgreSQL about a quarter of a one-row insert (measured with {@code pgbench}). A {@code jsonb} column's value is
 * given as text and cast in the statement.
 */
public final class FixedInsert {

    private final FixedStatement oneRow;
    private final FixedStatement anyRows;
    private final Class<?>[] types;

    private FixedInsert(FixedStatement oneRow, FixedStatement anyRows, Class<?>[] types) {
        this.oneRow = oneRow;
        this.anyRows = anyRows;
        this.types = types;
    }

    /** The insert into {@code columns} of {@code table}; each row's values are given in this order. */
    public static FixedInsert into(DSLContext db, Table<?> table, Field<?>... columns) {
        QueryPart names = DSL.list(
                Stream.of(columns).map(column -> DSL.name(column.getName())).toList());
        FixedStatement oneRow = FixedStatement.of(db, args -> {
            List<QueryPart> parts = new ArrayList<>(List.of(table, names));
            for (Field<?> column : columns) {
                DataType<?> type = json(column) ? SQLDataType.CLOB : column.getDataType();
                parts.add(args.of(type));
            }
            String values = IntStream.range(0, columns.length)
                    .mapToObj(i -> json(columns[i]) ? "cast({" + (i + 2) + "} as jsonb)" : "{" + (i + 2) + "}")
                    .collect(Collectors.joining(", "));
            return db.query("insert into {0} ({1}) values (" + values + ")", parts.toArray(QueryPart[]::new));
        });
        FixedStatement anyRows = FixedStatement.of(db, args -> {
            List<QueryPart> parts = new ArrayList<>(List.of(table, names));
            for (Field<?> column : columns) {
                DataType<?> type = json(column) ? SQLDataType.CLOB : column.getDataType();
                parts.add(args.of(type.array()));
            }
            String select = IntStream.range(0, columns.length)
                    .mapToObj(i -> json(columns[i]) ? "cast(c" + i + " as jsonb)" : "c" + i)
                    .collect(Collectors.joining(", "));
            String arrays = IntStream.range(0, columns.length)
                    .mapToObj(i -> "{" + (i + 2) + "}")
                    .collect(Collectors.joining(", "));
            String aliases = IntStream.range(0, columns.length)
                    .mapToObj(i -> "c" + i + ", ")
                    .collect(Collectors.joining());
            return db.query(
                    "insert into {0} ({1}) select " + select + " from unnest(" + arrays + ") with ordinality as r("
                            + aliases + "n) order by n",
                    parts.toArray(QueryPart[]::new));
        });
        Class<?>[] types = Stream.of(columns)
                .map(column -> json(column) ? String.class : column.getType())
                .toArray(Class<?>[]::new);
        return new FixedInsert(oneRow, anyRows, types);
    }

    /**
     * The insert of {@code rows}, each given by {@code values} as its column values in order (a {@code jsonb}
     * column's as text), to run as part of another statement or on its own.
     */
    public <T> Query rows(List<T> rows, Function<? super T, Object[]> values) {
        if (rows.size() == 1) {
            return oneRow.query(checked(values.apply(rows.getFirst())));
        }
        Object[] columns = new Object[types.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Array.newInstance(types[c], rows.size());
        }
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = checked(values.apply(rows.get(i)));
            for (int c = 0; c < columns.length; c++) {
                Array.set(columns[c], i, row[c]);
            }
        }
        return anyRows.query(columns);
    }

    /** The SQL of each shape: one row, then any other number. */
    public List<String> sql() {
        return List.of(oneRow.sql(), anyRows.sql());
    }

    private Object[] checked(Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException(types.length + " values per row expected, " + row.length + " given");
        }
        return row;
    }

    private static boolean json(Field<?> column) {
        return column.getDataType().isJSON();
    }
}

package org.trellis.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.RenderContext.CastMode;
import org.jooq.ResultQuery;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * A statement whose SQL never changes, only its values: built once with jOOQ over {@linkplain Arguments placeholder
 * arguments}, rendered once, and run with each call's values bound in their places. jOOQ renders a query's SQL
 * every time it runs, walking its whole tree; for the statements every mutation sends that was a fifth of the
 * application's CPU. Here a run only binds: the SQL is handed back to jOOQ as plain SQL with typed values, so its
 * execute listeners (statement counting, failure translation) still see it.
 *
 * <p>A statement whose shape depends on a value (an optional clause, a list's length) is one {@code FixedStatement}
 * per shape. Values in the statement that are not arguments are constants: they are rendered inline.
 */
public final class FixedStatement {

    /** How an argument is named while the statement is rendered; no SQL jOOQ renders has this text otherwise. */
    private static final String ARGUMENT = "trellis_argument_";

    private static final Pattern ARGUMENTS = Pattern.compile(":" + ARGUMENT + "(\\d+)");

    private final DSLContext db;
    private final List<String> fragments;
    private final Field<?>[] fields;
    private final List<DataType<?>> types;
    private final int[] argumentAt;

    private FixedStatement(
            DSLContext db, List<String> fragments, Field<?>[] fields, List<DataType<?>> types, int[] argumentAt) {
        this.db = db;
        this.fragments = fragments;
        this.fields = fields;
        this.types = types;
        this.argumentAt = argumentAt;
    }

    /**
     * The placeholders a statement is built with, each standing for the value given in its place (by the order they
     * were asked for) when the statement runs. One placeholder may be used several times.
     */
    public static final class Arguments {

        private final List<DataType<?>> types = new ArrayList<>();

        private Arguments() {}

        /** The next argument, of {@code type}. */
        public <T> Field<T> of(DataType<T> type) {
            Param<T> param = DSL.param(ARGUMENT + types.size(), type);
            types.add(type);
            return param;
        }

        /** The next argument, of the type of {@code column}. */
        public <T> Field<T> like(Field<T> column) {
            return of(column.getDataType());
        }
    }

    /**
     * Builds the statement once, over placeholder arguments, and renders it: the arguments as values to bind, every
     * other value in it inline.
     *
     * @throws IllegalStateException when an argument does not appear in the statement
     */
    public static FixedStatement of(DSLContext db, Function<Arguments, ? extends Query> build) {
        Arguments arguments = new Arguments();
        Query query = build.apply(arguments);
        String rendered = db.renderNamedOrInlinedParams(query);
        List<String> fragments = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        Matcher matcher = ARGUMENTS.matcher(rendered);
        int from = 0;
        while (matcher.find()) {
            fragments.add(rendered.substring(from, matcher.start()));
            order.add(Integer.valueOf(matcher.group(1)));
            from = matcher.end();
        }
        fragments.add(rendered.substring(from));
        for (int i = 0; i < arguments.types.size(); i++) {
            if (!order.contains(i)) {
                throw new IllegalStateException("Argument " + i + " is not in: " + rendered);
            }
        }
        Field<?>[] fields = query instanceof ResultQuery<?> result ? result.fields() : new Field<?>[0];
        return new FixedStatement(
                db,
                List.copyOf(fragments),
                fields,
                List.copyOf(arguments.types),
                order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The statement with these values, one per argument in order, to run as part of another (not fetching). */
    public Query query(Object... values) {
        return db.query("{0}", bound(values));
    }

    /** The statement with these values, one per argument in order, to fetch its rows (typed as it was built). */
    public ResultQuery<Record> with(Object... values) {
        return db.resultQuery("{0}", bound(values)).coerce(fields);
    }

    /**
     * Runs the statement with these values, one per argument in order; the rows it changed. Not for a hot path: before
     * running a plain-SQL statement that returns no rows, jOOQ renders it again to guess its kind. There, send it as
     * part of a statement that returns rows, as {@link WritesAtCommit} does.
     */
    public int execute(Object... values) {
        return query(values).execute();
    }

    /** The SQL it runs, {@code ?} for each value bound. */
    public String sql() {
        return String.join("?", fragments);
    }

    /**
     * The statement's SQL with these values in their places, as jOOQ renders and binds it: the SQL as it was
     * rendered, each value a bind value of its argument's type (not cast again: the SQL around it casts it).
     */
    private QueryPart bound(Object[] values) {
        if (values.length != types.size()) {
            throw new IllegalArgumentException(types.size() + " values expected, " + values.length + " given");
        }
        Param<?>[] binds = new Param<?>[argumentAt.length];
        for (int i = 0; i < binds.length; i++) {
            int argument = argumentAt[i];
            binds[i] = value(types.get(argument), values[argument]);
        }
        return CustomQueryPart.of(ctx -> {
            ctx.sql(fragments.getFirst());
            for (int i = 0; i < binds.length; i++) {
                Param<?> bind = binds[i];
                ctx.castMode(CastMode.NEVER, c -> c.visit(bind));
                ctx.sql(fragments.get(i + 1));
            }
        });
    }

    private static <T> Param<T> value(DataType<T> type, Object value) {
        return DSL.val(value, type);
    }
}

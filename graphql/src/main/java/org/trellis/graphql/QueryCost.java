package org.trellis.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The worst-case size of one operation, before it runs: every field counts once for each time it can be resolved,
 * which is the product of the maximum lengths of the lists above it. A connection counts its {@code first} or
 * {@code last} (or the default page size), any other list its {@code @listSize} maximum (or the largest page if it
 * declares none). Aliases and fragments count like the fields they stand for. Schema introspection is not counted
 * here: graphql-java's good-faith introspection check bounds it ({@code GoodFaithIntrospection}).
 */
final class QueryCost {

    /** Where the arithmetic saturates instead of overflowing. */
    static final long CEILING = Long.MAX_VALUE;

    private QueryCost() {}

    /**
     * @param cost fields resolved at the list maximums
     * @param depth deepest field nesting
     * @param aliases aliased fields
     * @param badPageSizes messages for {@code first}/{@code last} outside 0..maxPageSize
     */
    record Measurement(long cost, int depth, int aliases, List<String> badPageSizes) {}

    static Measurement measure(
            GraphQLSchema schema,
            Document document,
            @Nullable String operationName,
            CoercedVariables variables,
            RequestLimits limits) {
        Visitor visitor = new Visitor(limits);
        QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(variables)
                .build()
                .visitPreOrder(visitor);
        return new Measurement(visitor.cost, visitor.depth, visitor.aliases, List.copyOf(visitor.badPageSizes));
    }

    private static final class Visitor extends QueryVisitorStub {

        private final RequestLimits limits;
        private final Map<QueryVisitorFieldEnvironment, Long> multipliers = new IdentityHashMap<>();
        private final List<String> badPageSizes = new ArrayList<>();
        private long cost;
        private int depth;
        private int aliases;

        Visitor(RequestLimits limits) {
            this.limits = limits;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            if (field.isTypeNameIntrospectionField() || isIntrospection(field)) {
                return;
            }
            QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
            int fieldDepth = 1;
            for (QueryVisitorFieldEnvironment p = parent; p != null; p = p.getParentEnvironment()) {
                fieldDepth++;
            }
            depth = Math.max(depth, fieldDepth);
            if (field.getField().getAlias() != null) {
                aliases++;
            }
            long resolved = parent == null ? 1 : multipliers.getOrDefault(parent, 1L);
            cost = saturated(() -> Math.addExact(cost, resolved));
            long length = length(field);
            multipliers.put(field, saturated(() -> Math.multiplyExact(resolved, length)));
        }

        /**
         * Whether the field is schema introspection ({@code __schema}, {@code __type} or anything below them): it is
         * bounded by the schema, not the data, and graphql-java's good-faith introspection check limits its shape
         * (one {@code __schema}, one {@code fields} per type, at most 20 deep, 500 fields), so standard tooling's
         * introspection query, deeper than any data query may be, is not counted against the data limits.
         */
        private static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
            return field.getFieldsContainer().getName().startsWith("__")
                    || field.getField().getName().startsWith("__");
        }

        private static long saturated(java.util.function.LongSupplier exact) {
            try {
                return exact.getAsLong();
            } catch (ArithmeticException overflow) {
                return CEILING;
            }
        }

        /** How many items this field can answer per resolution: what its children are multiplied by. */
        private long length(QueryVisitorFieldEnvironment field) {
            GraphQLFieldDefinition definition = field.getFieldDefinition();
            long page = pageSize(field);
            if (ListSizes.isConnection(definition)) {
                return page;
            }
            if (!ListSizes.isList(definition)) {
                return 1;
            }
            if (field.getFieldsContainer().getName().endsWith("Connection")) {
                return 1; // edges: the connection's page size already counts them
            }
            Integer max = ListSizes.declaredMax(definition);
            return max == null ? limits.maxPageSize() : Math.max(1, max);
        }

        /** The page asked for ({@code first}/{@code last}, else the default), checked against the largest page. */
        private long pageSize(QueryVisitorFieldEnvironment field) {
            long size = limits.defaultPageSize();
            boolean given = false;
            for (String name : List.of("first", "last")) {
                if (field.getFieldDefinition().getArgument(name) == null) {
                    continue;
                }
                if (field.getArguments().get(name) instanceof Integer value) {
                    if (value < 0 || value > limits.maxPageSize()) {
                        badPageSizes.add("'" + name + "' on '"
                                + field.getField().getName() + "' must be between 0 and " + limits.maxPageSize() + ".");
                    }
                    size = given ? Math.max(size, value) : value;
                    given = true;
                }
            }
            return Math.max(1, Math.min(size, limits.maxPageSize()));
        }
    }
}

package org.trellis.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link QueryCost}'s measurements, remembered. A measurement depends on the schema and limits (fixed here), the
 * document, the operation, and only those variables the document passes to {@code first} or {@code last}, or to a
 * {@code @skip} or {@code @include} condition: so a document sent again with other ids, inputs or texts (every
 * mutation, most queries) is not walked again. Documents are compared by identity, as the parsed-document cache
 * hands out one instance per text.
 */
final class MeasuredCosts {

    private static final Set<String> COUNTING_ARGUMENTS = Set.of("first", "last");
    private static final Set<String> CONDITIONS = Set.of("skip", "include");

    private final RequestLimits limits;
    private final Cache<Key, QueryCost.Measurement> measurements;
    private final Cache<Document, Set<String>> countingVariables;

    MeasuredCosts(RequestLimits limits, long maxEntries) {
        this.limits = limits;
        this.measurements = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.countingVariables =
                Caffeine.newBuilder().weakKeys().maximumSize(maxEntries).build();
    }

    /** The operation's measurement, as {@link QueryCost#measure} gives it. */
    QueryCost.Measurement measure(
            GraphQLSchema schema, Document document, @Nullable String operationName, CoercedVariables variables) {
        Map<String, @Nullable Object> values = new HashMap<>();
        for (String name : countingVariables.get(document, MeasuredCosts::countingVariables)) {
            values.put(name, variables.get(name));
        }
        return measurements.get(
                new Key(document, operationName, values),
                key -> QueryCost.measure(schema, document, operationName, variables, limits));
    }

    /** Variables used anywhere inside a {@code first}, {@code last}, {@code @skip} or {@code @include} argument. */
    static Set<String> countingVariables(Document document) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Node<?>> nodes = new ArrayDeque<>();
        nodes.push(document);
        while (!nodes.isEmpty()) {
            Node<?> node = nodes.pop();
            if (node instanceof Directive directive && CONDITIONS.contains(directive.getName())) {
                directive.getArguments().forEach(argument -> collect(argument, names));
            } else if (node instanceof Argument argument && COUNTING_ARGUMENTS.contains(argument.getName())) {
                collect(argument, names);
            }
            node.getChildren().forEach(nodes::push);
        }
        return Set.copyOf(names);
    }

    private static void collect(Node<?> root, Set<String> names) {
        Deque<Node<?>> nodes = new ArrayDeque<>();
        nodes.push(root);
        while (!nodes.isEmpty()) {
            Node<?> node = nodes.pop();
            if (node instanceof VariableReference variable) {
                names.add(variable.getName());
            }
            node.getChildren().forEach(nodes::push);
        }
    }

    /** Identity of the document; equality of the rest. */
    private record Key(Document document, @Nullable String operation, Map<String, @Nullable Object> values) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.document == document
                    && java.util.Objects.equals(key.operation, operation)
                    && key.values.equals(values);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(document) * 31 + java.util.Objects.hash(operation, values);
        }
    }
}

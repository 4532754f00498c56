package org.trellis.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Shared pieces of the per-feature role matrix tests: operations, expected outcomes, and how to judge a response. */
public final class RoleMatrix {

    private RoleMatrix() {}

    /**
     * One row of a matrix: the operation against each caller, in the callers' declaration order, expecting the
     * outcomes given as space-separated codes (A allowed, F forbidden, N not found).
     */
    public static <T, C extends Enum<C>> Stream<Arguments> row(Operation<T> operation, C[] callers, String outcomes) {
        String[] codes = outcomes.split(" ");
        if (codes.length != callers.length) {
            throw new IllegalArgumentException(
                    operation + ": " + codes.length + " outcomes for " + callers.length + " callers");
        }
        return Stream.of(callers).map(caller -> Arguments.of(operation, caller, Outcome.of(codes[caller.ordinal()])));
    }

    public static <T> Operation<T> op(String name, String document, Function<T, Map<String, Object>> variables) {
        return new Operation<>(name, document, variables);
    }

    /** What a caller gets. */
    public enum Outcome {
        ALLOWED,
        FORBIDDEN,
        NOT_FOUND;

        /** A, F or N. */
        public static Outcome of(String code) {
            return switch (code) {
                case "A" -> ALLOWED;
                case "F" -> FORBIDDEN;
                case "N" -> NOT_FOUND;
                default -> throw new IllegalArgumentException(code);
            };
        }
    }

    /** A GraphQL document and how to fill its variables from the case's fresh targets. */
    public record Operation<T>(String name, String document, Function<T, Map<String, Object>> variables) {

        @Override
        public String toString() {
            return name;
        }

        /** Runs the operation and classifies the response. */
        public Outcome run(GraphQlTester tester, T targets) {
            GraphQlTester.Request<?> request = tester.document(document);
            for (var variable : variables.apply(targets).entrySet()) {
                request = request.variable(variable.getKey(), variable.getValue());
            }
            List<ResponseError> errors = new ArrayList<>();
            request.execute().errors().satisfy(errors::addAll);
            if (errors.isEmpty()) {
                return Outcome.ALLOWED;
            }
            return switch (String.valueOf(errors.getFirst().getExtensions().get("classification"))) {
                case "FORBIDDEN" -> Outcome.FORBIDDEN;
                case "NOT_FOUND" -> Outcome.NOT_FOUND;
                default -> throw new AssertionError(name + ": unexpected error " + errors);
            };
        }
    }
}

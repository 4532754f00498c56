package org.trellis.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Shared pieces of the per-feature role matrix tests: operations, expected outcomes, and how to judge a response.
 *
 * <p>An allowed case proves its success: the payload is there, a mutation's {@code userErrors} are selected and
 * empty, and the operation's {@link Expectation} (the ids or the exact item set it must return) holds. A refused case
 * proves it changed nothing: the matrix's state of the targets, re-read as an admin, and the tenant's audit-event
 * count are the same after the refusal as before.
 */
public final class RoleMatrix {

    private RoleMatrix() {}

    /**
     * One row of a matrix: the operation against each caller, in the callers' declaration order, expecting the
     * outcomes given as space-separated codes (A allowed, F forbidden, N not found).
     */
    public static <T, C extends Enum<C>> Stream<Arguments> row(Operation<T> operation, C[] callers, String outcomes) {
        String[] codes = outcomes.trim().split("\\s+");
        if (codes.length != callers.length) {
            throw new IllegalArgumentException(
                    operation + ": " + codes.length + " outcomes for " + callers.length + " callers");
        }
        return Stream.of(callers).map(caller -> Arguments.of(operation, caller, Outcome.of(codes[caller.ordinal()])));
    }

    /** An operation whose allowed answer is checked only generically (payload present, no user errors). */
    public static <T> Operation<T> op(String name, String document, Function<T, Map<String, Object>> variables) {
        return new Operation<>(name, document, variables, answer -> {}, answer -> false, answer -> false);
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

    /** What an allowed answer must show, beyond a present payload without user errors. */
    @FunctionalInterface
    public interface Expectation<T> {
        void check(Answer<T> answer);
    }

    /**
     * An error-free answer to one case, with the case's targets and caller, and ways to read its data; {@link
     * #afterwards()} reads the matrix's state as the admin sees it after the case.
     */
    public record Answer<T>(
            String operation, Map<String, Object> data, T targets, Enum<?> caller, Supplier<Object> reRead) {

        /** The matrix's state of the targets, re-read as the admin after this case, to read like an answer. */
        @SuppressWarnings("unchecked")
        public Answer<T> afterwards() {
            return new Answer<>(operation + " (re-read)", (Map<String, Object>) reRead.get(), targets, caller, reRead);
        }

        /** Every value at a dotted path (lists are flattened at each step), skipping nulls. */
        public List<Object> values(String path) {
            List<Object> current = new ArrayList<>(List.of(data));
            for (String step : path.split("\\.")) {
                List<Object> next = new ArrayList<>();
                for (Object value : current) {
                    flatten(value instanceof Map<?, ?> map ? map.get(step) : null, next);
                }
                current = next;
            }
            return current;
        }

        /** The one value at a path, or null. */
        public @Nullable Object value(String path) {
            List<Object> values = values(path);
            assertThat(values).as(describe() + ": at most one value at " + path).hasSizeLessThanOrEqualTo(1);
            return values.isEmpty() ? null : values.getFirst();
        }

        /** The ids (or other strings) at a path, as a set. */
        public Set<String> ids(String path) {
            Set<String> ids = new LinkedHashSet<>();
            values(path).forEach(value -> ids.add(String.valueOf(value)));
            return ids;
        }

        /** Asserts the one value at a path equals the expected one. */
        public void has(String path, @Nullable Object expected) {
            assertThat(value(path)).as(describe() + ": " + path).isEqualTo(expected);
        }

        /** Asserts a path holds a non-null value. */
        public void present(String path) {
            assertThat(value(path)).as(describe() + ": " + path + " present").isNotNull();
        }

        /** Asserts a path holds at least one value. */
        public void nonEmpty(String path) {
            assertThat(values(path)).as(describe() + ": " + path + " not empty").isNotEmpty();
        }

        /** Asserts the strings at a path are exactly the expected ones, in any order. */
        public void exactly(String path, Iterable<String> expected) {
            assertThat(ids(path)).as(describe() + ": " + path).containsExactlyInAnyOrderElementsOf(expected);
        }

        /** Asserts the strings at a path include every expected one. */
        public void includes(String path, String... expected) {
            assertThat(ids(path)).as(describe() + ": " + path).contains(expected);
        }

        /** Asserts none of the given strings are at a path. */
        public void excludes(String path, String... forbidden) {
            assertThat(ids(path)).as(describe() + ": " + path).doesNotContain(forbidden);
        }

        public String describe() {
            return operation + " as " + caller;
        }

        private static void flatten(@Nullable Object value, List<Object> into) {
            if (value instanceof List<?> list) {
                list.forEach(item -> flatten(item, into));
            } else if (value != null) {
                into.add(value);
            }
        }
    }

    /**
     * A GraphQL document, how to fill its variables from the case's fresh targets, what an allowed answer must show,
     * and, for operations that refuse inside an error-free answer (per-item results), how to recognise the refusal.
     */
    public record Operation<T>(
            String name,
            String document,
            Function<T, Map<String, Object>> variables,
            Expectation<T> expectation,
            Predicate<Answer<T>> refusedInBand,
            Predicate<Answer<T>> nullPayload) {

        @Override
        public String toString() {
            return name;
        }

        /** The same operation, whose allowed answer must also meet this expectation. */
        public Operation<T> expecting(Expectation<T> more) {
            Expectation<T> first = expectation;
            return new Operation<>(
                    name,
                    document,
                    variables,
                    answer -> {
                        first.check(answer);
                        more.check(answer);
                    },
                    refusedInBand,
                    nullPayload);
        }

        /** The same operation, whose allowed answer must hold the target's id at this path. */
        public Operation<T> returning(String path, Function<T, String> id) {
            return expecting(answer -> answer.has(path, id.apply(answer.targets())));
        }

        /** The same operation, counting an error-free answer that meets the predicate as FORBIDDEN. */
        public Operation<T> refusedWhen(Predicate<Answer<T>> refusal) {
            return new Operation<>(name, document, variables, expectation, refusal, nullPayload);
        }

        /** The same operation, whose allowed answer is null (and nothing else) where the predicate holds. */
        public Operation<T> nullWhen(Predicate<Answer<T>> nothing) {
            return new Operation<>(name, document, variables, expectation, refusedInBand, nothing);
        }

        /** The Query or Mutation field the document calls (its first top-level field). */
        public String field() {
            return rootField(definition()).getName();
        }

        /** The alias or name under which the field's answer appears in the data. */
        String responseKey() {
            Field field = rootField(definition());
            return field.getAlias() != null ? field.getAlias() : field.getName();
        }

        /** The root type the operation's field is on: Query, Mutation or Subscription. */
        public String root() {
            return switch (definition().getOperation()) {
                case QUERY -> "Query";
                case MUTATION -> "Mutation";
                case SUBSCRIPTION -> "Subscription";
            };
        }

        public boolean isMutation() {
            return definition().getOperation() == OperationDefinition.Operation.MUTATION;
        }

        private OperationDefinition definition() {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).getFirst();
        }

        private static Field rootField(OperationDefinition definition) {
            return definition.getSelectionSet().getSelectionsOfType(Field.class).getFirst();
        }
    }

    /**
     * Runs and judges the cases of one matrix. The state supplier re-reads, as an admin, whatever the matrix's
     * operations could change on the targets (versions, statuses, memberships); the audit count counts the target
     * tenant's audit events. Both must be unchanged by a refused case.
     */
    public static final class Judge<T> {

        private final Function<T, Object> state;
        private final Supplier<Integer> auditCount;

        public Judge(Function<T, Object> state, Supplier<Integer> auditCount) {
            this.state = state;
            this.auditCount = auditCount;
        }

        /** Runs the case, asserts the expected outcome and its proof, and returns the outcome. */
        public Outcome judge(
                Operation<T> operation, Enum<?> caller, Outcome expected, GraphQlTester tester, T targets) {
            String label = operation + " as " + caller;
            Map<String, Object> before = expected == Outcome.ALLOWED ? Map.of() : snapshot(targets);
            GraphQlTester.Request<?> request = tester.document(operation.document());
            for (var variable : operation.variables().apply(targets).entrySet()) {
                request = request.variable(variable.getKey(), variable.getValue());
            }
            GraphQlTester.Response response = request.execute();
            List<ResponseError> errors = new ArrayList<>();
            response.errors().satisfy(errors::addAll);
            Map<String, Object> data = response.returnResponse().getData();
            Answer<T> answer = new Answer<>(
                    operation.name(), data == null ? Map.of() : data, targets, caller, () -> state.apply(targets));
            Outcome outcome = classify(label, errors, operation, answer);
            assertThat(outcome)
                    .as(label + (errors.isEmpty() ? ", data " + answer.data() : ", errors " + errors))
                    .isEqualTo(expected);
            if (outcome == Outcome.ALLOWED) {
                assertSucceeded(operation, answer);
            } else {
                if (!errors.isEmpty()) {
                    Object refused = answer.data().get(operation.responseKey());
                    // A list of objects by id (nodes) answers null in the place of each one refused.
                    assertThat(
                                    refused instanceof List<?> items
                                            ? items.stream()
                                                    .filter(Objects::nonNull)
                                                    .toList()
                                            : refused)
                            .as(label + " was refused, so it answers no data")
                            .isIn(null, List.of());
                }
                assertThat(snapshot(targets))
                        .as(label + " was refused, so the targets and the audit trail are unchanged")
                        .isEqualTo(before);
            }
            return outcome;
        }

        private Map<String, Object> snapshot(T targets) {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("state", state.apply(targets));
            snapshot.put("auditEvents", auditCount.get());
            return snapshot;
        }

        private static <T> Outcome classify(
                String label, List<ResponseError> errors, Operation<T> operation, Answer<T> answer) {
            if (errors.isEmpty()) {
                return operation.refusedInBand().test(answer) ? Outcome.FORBIDDEN : Outcome.ALLOWED;
            }
            return switch (String.valueOf(errors.getFirst().getExtensions().get("classification"))) {
                case "FORBIDDEN" -> Outcome.FORBIDDEN;
                case "NOT_FOUND" -> Outcome.NOT_FOUND;
                default -> throw new AssertionError(label + ": unexpected error " + errors);
            };
        }

        private static <T> void assertSucceeded(Operation<T> operation, Answer<T> answer) {
            String key = operation.responseKey();
            if (operation.nullPayload().test(answer)) {
                assertThat(answer.data().get(key))
                        .as(answer.describe() + ": the payload " + key + " is null")
                        .isNull();
                return;
            }
            assertThat(answer.data().get(key))
                    .as(answer.describe() + ": the payload " + key + " is present")
                    .isNotNull();
            if (operation.isMutation()) {
                Object payload = answer.data().get(key);
                assertThat(payload)
                        .as(answer.describe() + ": the payload is an object")
                        .isInstanceOf(Map.class);
                assertThat(((Map<?, ?>) payload).containsKey("userErrors"))
                        .as(answer.describe() + ": the payload selects userErrors")
                        .isTrue();
                assertThat(answer.values(key + ".userErrors"))
                        .as(answer.describe() + ": no user errors")
                        .isEmpty();
            }
            operation.expectation().check(answer);
        }
    }
}

package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limits that hold while a request runs: list maximums, the response cap and the execution deadline. */
class RequestLimitsInstrumentationUnitTest {

    private static final String SDL = """
            directive @listSize(max: Int!) on FIELD_DEFINITION
            type Query {
              items: [Item!]! @listSize(max: 3)
              words(n: Int!): [String!]! @listSize(max: 1000)
              slow: [Item!]! @listSize(max: 10)
            }
            type Mutation { touch: [Item!]! @listSize(max: 4) }
            type Item { name: String! later: String! }
            """;

    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void cutsListsToTheirDeclaredMaximum() {
        ExecutionResult result = run(limits(10_000, Duration.ofSeconds(5)), "{ items { name } }");
        assertThat(result.getErrors()).isEmpty();
        assertThat((List<?>) result.<Map<String, Object>>getData().get("items")).hasSize(3);
    }

    @Test
    void refusesACostlyQueryBeforeAnyDataFetcherRuns() {
        // items: 1, name: 3, later: 3, and again for the alias: 14 > 10
        ExecutionResult result =
                run(limits(10, Duration.ofSeconds(5)), "{ items { name later } again: items { name later } }");
        assertThat(fetches).hasValue(0);
        GraphQLError error = result.getErrors().getFirst();
        assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
        assertThat(error.getMessage()).contains("14").contains("the limit is 10");
        assertThat(error.getExtensions()).containsEntry("cost", 14L).containsEntry("maxCost", 10L);
        assertThat(result.isDataPresent()).isFalse();
    }

    @Test
    void stopsAnAnswerLargerThanTheResponseCap() {
        RequestLimits limits = new RequestLimits(12, 100_000, 30, 100, 20, 5000, 30_000, 2_000, Duration.ofSeconds(5));
        assertThat(run(limits, "{ words(n: 10) }").getErrors()).isEmpty();
        ExecutionResult result = run(limits, "{ words(n: 1000) a: words(n: 1000) }");
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(error.getMessage()).contains("larger than 2000 bytes");
            assertThat(error.getExtensions()).containsEntry("limit", "maxResponseBytes");
        });
    }

    @Test
    void stopsARequestAtItsDeadline() {
        ExecutionResult result = run(limits(10_000, Duration.ofMillis(100)), "{ slow { name later } }");
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(error.getMessage()).contains("longer than 100 ms");
            assertThat(error.getExtensions()).containsEntry("limit", "executionTimeout");
        });
        // ten 40 ms fields would take 400 ms; the deadline stops it after about three (counted, not timed: a busy
        // machine slows the fields, never the count)
        assertThat(fetches.get()).isLessThan(10);
    }

    @Test
    void neverStopsAMutationHalfWay() {
        ExecutionResult result = run(limits(10_000, Duration.ofMillis(100)), "mutation { touch { name later } }");
        assertThat(result.getErrors()).isEmpty();
        assertThat((List<?>) result.<Map<String, Object>>getData().get("touch")).hasSize(4);
    }

    private static RequestLimits limits(long maxCost, Duration timeout) {
        return new RequestLimits(12, maxCost, 30, 100, 20, 5000, 30_000, 4_000_000, timeout);
    }

    @Test
    void documentsRefusedBeforeTheyRunAreChargedOnePointPerStartedThousandCharacters() {
        List<Long> charged = new java.util.ArrayList<>();
        CostBudget recording = new CostBudget() {
            @Override
            public CostBudget.Charge charge(long requested) {
                charged.add(requested);
                return null;
            }

            @Override
            public void settle(CostBudget.Charge charge, long actual) {}
        };
        String padded = "{ nope }" + " ".repeat(1_500);

        run(limits(10, Duration.ofSeconds(5)), "{ items { name ", recording);
        run(limits(10, Duration.ofSeconds(5)), padded, recording);
        run(limits(10, Duration.ofSeconds(5)), "{ items { name later } again: items { name later } }", recording);

        assertThat(charged).containsExactly(1L, 2L, 1L);
        assertThat(fetches).hasValue(0);
    }

    private ExecutionResult run(RequestLimits limits, String query) {
        return run(limits, query, CostBudget.UNLIMITED);
    }

    private ExecutionResult run(RequestLimits limits, String query, CostBudget budget) {
        DataFetcher<Object> sleepy = environment -> {
            fetches.incrementAndGet();
            Thread.sleep(40);
            return "zzz";
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        type -> type.dataFetcher("items", environment -> {
                                    fetches.incrementAndGet();
                                    return IntStream.range(0, 5)
                                            .mapToObj(i -> Map.of("name", "item " + i, "later", "x"))
                                            .toList();
                                })
                                .dataFetcher(
                                        "words",
                                        environment -> CompletableFuture.supplyAsync(
                                                () -> IntStream.range(0, environment.<Integer>getArgument("n"))
                                                        .mapToObj(i -> "word" + i)
                                                        .toList()))
                                .dataFetcher(
                                        "slow",
                                        environment -> IntStream.range(0, 10)
                                                .mapToObj(i -> Map.of("name", "slow " + i))
                                                .toList()))
                .type(
                        "Mutation",
                        type -> type.dataFetcher(
                                "touch",
                                environment -> IntStream.range(0, 6)
                                        .mapToObj(i -> Map.of("name", "touched " + i))
                                        .toList()))
                .type("Item", type -> type.dataFetcher("later", sleepy))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema)
                .instrumentation(new RequestLimitsInstrumentation(limits, budget))
                .build()
                .execute(query);
    }
}

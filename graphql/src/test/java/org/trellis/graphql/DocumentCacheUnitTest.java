package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Documents are parsed and validated once per text; variables and pricing stay per request; the cache is bounded. */
class DocumentCacheUnitTest {

    private static final String SDL = """
            directive @listSize(max: Int!) on FIELD_DEFINITION
            type Query {
              words(n: Int!): [String!]! @listSize(max: 100)
              items(first: Int): ItemConnection!
            }
            type ItemConnection { edges: [ItemEdge!]! }
            type ItemEdge { node: Item! }
            type Item { name: String! children: [Item!]! @listSize(max: 10) }
            """;
    private static final String WORDS = "query($n: Int!) { words(n: $n) }";
    /** Costs 1 + 14 × n fields: the page, its edges, their nodes, names and children, and ten children's names. */
    private static final String ITEMS =
            "query($n: Int) { items(first: $n) { edges { node { name children { name } } } } }";

    private final AtomicInteger parses = new AtomicInteger();

    @Test
    void parsesAndValidatesTheSameTextOnce() {
        DocumentCache cache = new DocumentCache(10);
        PreparsedDocumentEntry first = lookUp(cache, WORDS, Map.of("n", 1));
        PreparsedDocumentEntry again = lookUp(cache, WORDS, Map.of("n", 1));
        assertThat(parses).hasValue(1);
        assertThat(again).isSameAs(first);
    }

    @Test
    void leavesVariablesOutOfTheKey() {
        DocumentCache cache = new DocumentCache(10);
        PreparsedDocumentEntry one = lookUp(cache, WORDS, Map.of("n", 1));
        PreparsedDocumentEntry three = lookUp(cache, WORDS, Map.of("n", 3));
        assertThat(three).isSameAs(one);
        assertThat(parses).hasValue(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keepsAtMostItsSize() {
        DocumentCache cache = new DocumentCache(5);
        IntStream.range(0, 50).forEach(i -> lookUp(cache, "{ words(n: " + i + ") }", Map.of()));
        assertThat(parses).hasValue(50);
        assertThat(cache.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void keepsNoInvalidDocument() {
        DocumentCache cache = new DocumentCache(10);
        ExecutionResult first = graphQl(cache, limits()).execute("{ nothing }");
        ExecutionResult again = graphQl(cache, limits()).execute("{ nothing }");
        assertThat(first.getErrors()).isNotEmpty();
        assertThat(again.getErrors()).isNotEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void answersACachedDocumentWithEachRequestsVariables() {
        GraphQL graphQl = graphQl(new DocumentCache(10), limits());
        ExecutionResult two = graphQl.execute(input(2));
        ExecutionResult four = graphQl.execute(input(4));
        assertThat(parses).hasValue(1);
        assertThat((List<?>) two.<Map<String, Object>>getData().get("words")).hasSize(2);
        assertThat((List<?>) four.<Map<String, Object>>getData().get("words")).hasSize(4);
    }

    @Test
    void pricesACachedDocumentForEachRequestsVariables() {
        GraphQL graphQl = graphQl(new DocumentCache(10), limits());
        assertThat(graphQl.execute(items(10)).getErrors()).isEmpty();
        ExecutionResult costly = graphQl.execute(items(100));
        assertThat(parses).hasValue(1);
        assertThat(costly.getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("could resolve"));
        assertThat(costly.<Object>getData()).isNull();
        assertThat(graphQl.execute(items(10)).getErrors()).isEmpty();
    }

    private PreparsedDocumentEntry lookUp(DocumentCache cache, String query, Map<String, Object> variables) {
        ExecutionInput input =
                ExecutionInput.newExecutionInput(query).variables(variables).build();
        return cache.getDocumentAsync(input, i -> {
                    parses.incrementAndGet();
                    return new PreparsedDocumentEntry(new graphql.parser.Parser().parseDocument(i.getQuery()));
                })
                .join();
    }

    private ExecutionInput input(int n) {
        return ExecutionInput.newExecutionInput(WORDS).variables(Map.of("n", n)).build();
    }

    private ExecutionInput items(int n) {
        return ExecutionInput.newExecutionInput(ITEMS).variables(Map.of("n", n)).build();
    }

    /** The real engine, counting how often it asks to parse and validate. */
    private GraphQL graphQl(DocumentCache cache, RequestLimits limits) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(
                        "Query",
                        type -> type.dataFetcher(
                                        "words",
                                        environment -> IntStream.range(0, environment.<Integer>getArgument("n"))
                                                .mapToObj(i -> "word" + i)
                                                .toList())
                                .dataFetcher(
                                        "items",
                                        environment -> Map.of(
                                                "edges",
                                                IntStream.range(0, environment.<Integer>getArgument("first"))
                                                        .mapToObj(i -> Map.of(
                                                                "node",
                                                                Map.of("name", "item " + i, "children", List.of())))
                                                        .toList())))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema)
                .instrumentation(new RequestLimitsInstrumentation(limits))
                .preparsedDocumentProvider((input, parseAndValidate) -> cache.getDocumentAsync(input, i -> {
                    parses.incrementAndGet();
                    return parseAndValidate.apply(i);
                }))
                .build();
    }

    /** A budget of 500 fields: a page of ten items (141 fields) is fine, a page of 100 (1,401) is not. */
    private static RequestLimits limits() {
        return new RequestLimits(12, 500, 30, 100, 20, 5000, 30_000, 4_000_000, Duration.ofSeconds(5));
    }
}

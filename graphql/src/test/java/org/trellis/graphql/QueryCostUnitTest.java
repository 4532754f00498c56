package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;
import org.springframework.graphql.execution.GraphQlSource;

/** The cost model over Trellis's own schema: lists multiply through nesting at their maximums. */
class QueryCostUnitTest {

    static final RequestLimits LIMITS =
            new RequestLimits(12, 100_000, 30, 100, 20, 5000, 30_000, 4_000_000, Duration.ofSeconds(10));
    static final GraphQLSchema SCHEMA = trellisSchema();

    /** The 125-byte query that answered 36 MB in 21 s. */
    static final String TEAMS_REPRODUCTION = "{ teams { members { teams { members { teams { members { teams { members {"
            + " teams { members { displayName } } } } } } } } } } }";

    @Test
    void everyListFieldOfTheSchemaIsAConnectionOrDeclaresItsMaximum() {
        assertThat(ListSizes.unbounded(SCHEMA)).isEmpty();
    }

    @Test
    void multipliesThroughNestingAtEachListsMaximum() {
        // teams: 1; members: once per team (200); displayName: once per member of each team (200 × 100)
        assertThat(cost("{ teams { members { displayName } } }")).isEqualTo(1 + 200 + 200 * 100);
        assertThat(cost("{ teams { name members { displayName } } }")).isEqualTo(1 + 200 + 200 + 200 * 100);
    }

    @Test
    void pricesTheReproducedTeamsQueryFarAboveTheBudget() {
        assertThat(TEAMS_REPRODUCTION.length()).isEqualTo(125);
        long cost = cost(TEAMS_REPRODUCTION);
        assertThat(cost).isGreaterThan(1_000_000_000L);
        String aliased = "{ "
                + java.util.stream.IntStream.range(0, 20)
                        .mapToObj(
                                i -> "a" + i + ": " + TEAMS_REPRODUCTION.substring(2, TEAMS_REPRODUCTION.length() - 2))
                        .collect(java.util.stream.Collectors.joining(" "))
                + " }";
        assertThat(cost(aliased)).isGreaterThanOrEqualTo(Math.min(QueryCost.CEILING, 20 * cost));
    }

    @Test
    void countsEveryAliasOfAField() {
        long one = cost("{ teams { name } }");
        assertThat(cost("{ a: teams { name } b: teams { name } }")).isEqualTo(2 * one);
        assertThat(measure("{ a: teams { name } b: teams { name } }").aliases()).isEqualTo(2);
    }

    @Test
    void countsFragmentsLikeTheFieldsTheyStandFor() {
        long inline = cost("{ teams { members { displayName title } } }");
        assertThat(cost("{ teams { members { ...P } } } fragment P on Person { displayName title }"))
                .isEqualTo(inline);
        assertThat(cost("{ teams { members { ... on Person { displayName title } } } }"))
                .isEqualTo(inline);
    }

    @Test
    void countsConnectionsByTheirFirstOrLastOrTheDefaultPage() {
        // people: 1; edges, node: once per page item; displayName, teams: once per person; name: 20 per person
        assertThat(cost("{ people(first: 10) { edges { node { displayName teams { name } } } } }"))
                .isEqualTo(1 + 10 + 10 + 10 + 10 + 10 * 20);
        assertThat(cost("{ people(last: 7) { edges { node { displayName } } } }"))
                .isEqualTo(1 + 7 + 7 + 7);
        assertThat(cost("{ people { edges { node { displayName } } } }")).isEqualTo(1 + 3 * 20);
        assertThat(cost("{ people(first: 0) { edges { node { displayName } } } }"))
                .isEqualTo(1 + 3);
    }

    @Test
    void readsFirstAndLastFromVariables() {
        String query = "query($n: Int) { people(first: $n) { edges { node { displayName } } } }";
        assertThat(cost(query, Map.of("n", 100))).isEqualTo(1 + 3 * 100);
        assertThat(cost(query, Map.of())).isEqualTo(1 + 3 * 20);
        assertThat(measure(query, Map.of("n", 101)).badPageSizes()).hasSize(1);
    }

    @Test
    void letsADashboardOfOneHundredPeopleWithNestedFieldsThrough() {
        String dashboard = "{ people(first: 100) { edges { node { id displayName title manager { displayName }"
                + " teams { name } directReports { displayName } } } } }";
        // 100 × (edges, node, id, displayName, title, manager, manager.displayName, teams, directReports)
        // + 100 × 20 team names + 100 × 50 report names
        assertThat(cost(dashboard)).isEqualTo(1 + 100 * 9 + 100 * 20 + 100 * 50);
        assertThat(cost(dashboard)).isLessThanOrEqualTo(LIMITS.maxCost());
    }

    static long cost(String query) {
        return cost(query, Map.of());
    }

    static long cost(String query, Map<String, Object> variables) {
        return measure(query, variables).cost();
    }

    static QueryCost.Measurement measure(String query) {
        return measure(query, Map.of());
    }

    static QueryCost.Measurement measure(String query, Map<String, Object> variables) {
        return QueryCost.measure(SCHEMA, Parser.parse(query), null, CoercedVariables.of(variables), LIMITS);
    }

    private static GraphQLSchema trellisSchema() {
        try {
            return GraphQlSource.schemaResourceBuilder()
                    .schemaResources(
                            new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls"))
                    .configureTypeDefinitions(new ConnectionTypeDefinitionConfigurer())
                    .configureRuntimeWiring(new ScalarWiring())
                    .build()
                    .schema();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.trellis.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.graphql.QueryCostUnitTest.LIMITS;
import static org.trellis.graphql.QueryCostUnitTest.SCHEMA;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Remembered measurements answer exactly what measuring again would, for every variable that can change it. */
class MeasuredCostsUnitTest {

    private final MeasuredCosts costs = new MeasuredCosts(LIMITS, 100);

    @Test
    void findsTheVariablesOfPageSizesAndConditionsOnly() {
        Document document = Parser.parse("query($n: Int, $m: Int, $show: Boolean!, $hide: Boolean!, $id: ID!) {"
                + " people(first: $n) { edges { node { displayName teams @include(if: $show) { name } } } }"
                + " more: people(last: $m) { edges { node { title @skip(if: $hide) } } }"
                + " node(id: $id) { id } }");

        assertThat(MeasuredCosts.countingVariables(document)).containsExactlyInAnyOrder("n", "m", "show", "hide");
    }

    @Test
    void aPageSizeOrConditionChangedIsMeasuredAgain() {
        Document document = Parser.parse("query($n: Int, $show: Boolean!) {"
                + " people(first: $n) { edges { node { displayName teams @include(if: $show) { name } } } } }");

        for (int n : new int[] {1, 10, 100, 101, -1}) {
            for (boolean show : new boolean[] {true, false}) {
                Map<String, Object> variables = Map.of("n", n, "show", show);
                QueryCost.Measurement remembered =
                        costs.measure(SCHEMA, document, null, CoercedVariables.of(variables));
                assertThat(remembered)
                        .as("n=%d show=%s", n, show)
                        .isEqualTo(QueryCost.measure(SCHEMA, document, null, CoercedVariables.of(variables), LIMITS));
            }
        }
    }

    @Test
    void otherVariablesShareOneMeasurementAndOtherDocumentsDoNot() {
        Document document = Parser.parse("query($id: ID!) { node(id: $id) { id } }");
        QueryCost.Measurement first = costs.measure(SCHEMA, document, null, CoercedVariables.of(Map.of("id", "a")));

        assertThat(costs.measure(SCHEMA, document, null, CoercedVariables.of(Map.of("id", "b"))))
                .isSameAs(first);
        Document deeper = Parser.parse("query($id: ID!) { node(id: $id) { id } teams { name } }");
        assertThat(costs.measure(SCHEMA, deeper, null, CoercedVariables.of(Map.of("id", "a"))))
                .isNotSameAs(first)
                .isEqualTo(QueryCost.measure(SCHEMA, deeper, null, CoercedVariables.of(Map.of("id", "a")), LIMITS));
    }
}

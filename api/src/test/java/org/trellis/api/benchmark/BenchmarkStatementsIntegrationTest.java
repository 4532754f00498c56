package org.trellis.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.benchmark.BenchmarkScenarios.Scenario;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The SQL statements each benchmark request costs, asserted in the normal run on the benchmark's own data: the
 * counts the README's benchmark table states are these constants. Steady state: each request is sent once first (the
 * first request of a new person signs them in and creates them), then counted.
 */
class BenchmarkStatementsIntegrationTest extends IntegrationTest {

    @Test
    void everyScenarioCostsItsStatedStatements() throws IOException {
        try (GraphQlHttp api = new GraphQlHttp("http://127.0.0.1:" + port);
                GraphQlHttp management = new GraphQlHttp("http://127.0.0.1:" + managementPort)) {
            assertEveryScenarioCostsItsStatedStatements(api, management);
        }
    }

    private void assertEveryScenarioCostsItsStatedStatements(GraphQlHttp api, GraphQlHttp management) {
        BenchmarkData data = BenchmarkData.seed(api, PLATFORM);
        List<String> mismatches = new ArrayList<>();
        for (Scenario listed : BenchmarkScenarios.all(api, data)) {
            // Probes answer on the management port here; the benchmark's own process serves them on the API port.
            Scenario scenario =
                    listed.name().equals(BenchmarkScenarios.FLOOR) ? BenchmarkScenarios.liveness(management) : listed;
            JsonNode first = GraphQlHttp.JSON.readTree(api.send(scenario.request()));
            assertThat(scenario.shape().test(first))
                    .as("%s answers the data its name promises: %s", scenario.name(), first)
                    .isTrue();
            sqlStatements.reset();
            api.send(scenario.request());
            int counted = sqlStatements.count();
            if (counted != scenario.statements()) {
                mismatches.add(
                        scenario.name() + ": " + counted + " statements, constant says " + scenario.statements());
            }
        }
        assertThat(mismatches)
                .as("update BenchmarkScenarios' constants to the counted statements")
                .isEmpty();
    }
}

package org.trellis.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.benchmark.BenchmarkScenarios.Scenario;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The readiness benchmark's requests cost the same SQL statements whatever the data: a team of 5 with about 2
 * evidence items per person and competency, and a team of 50 with about 20, each generated as the benchmark does.
 * The counts are {@link ReadinessScenarios}' constants, the figures the README's benchmark table states.
 */
class ReadinessStatementsIntegrationTest extends IntegrationTest {

    private GraphQlHttp api;

    @BeforeEach
    void connect() {
        api = new GraphQlHttp("http://127.0.0.1:" + port);
    }

    @AfterEach
    void disconnect() throws IOException {
        api.close();
    }

    @Test
    void dashboardAndExplanationCostTheSameStatementsForFiveAndFiftyPeople() throws Exception {
        ReadinessSeed small = ReadinessSeed.seed(api, PLATFORM, new ReadinessData.Scale(5, 5, 2), 0, 0);
        ReadinessSeed large = ReadinessSeed.seed(api, PLATFORM, new ReadinessData.Scale(50, 50, 20), 0, 0);
        assertThat(large.generated().rows().get("evidence"))
                .as("the large team has ten times the people and evidence per cell")
                .isEqualTo(100 * small.generated().rows().get("evidence"));

        Map<String, Integer> counted = new LinkedHashMap<>();
        for (ReadinessSeed seed : new ReadinessSeed[] {small, large}) {
            String size = seed.teamMembers().size() + " people";
            counted.put("dashboard, " + size, statements(api, ReadinessScenarios.dashboard(api, seed)));
            counted.put("explanation, " + size, statements(api, ReadinessScenarios.explanation(api, seed)));
        }

        assertThat(counted)
                .as("update ReadinessScenarios' constants to the counted statements")
                .containsExactly(
                        Map.entry("dashboard, 5 people", ReadinessScenarios.DASHBOARD_STATEMENTS),
                        Map.entry("explanation, 5 people", ReadinessScenarios.EXPLANATION_STATEMENTS),
                        Map.entry("dashboard, 50 people", ReadinessScenarios.DASHBOARD_STATEMENTS),
                        Map.entry("explanation, 50 people", ReadinessScenarios.EXPLANATION_STATEMENTS));
    }

    /**
     * Each mutation of the evidence chain (transaction scope and everything the write and its
     * rollup, readiness row, snapshot, audit and outbox upkeep send) costs the same statements for a team of 5 with
     * about 2 items per person and competency and a team of 50 with about 20.
     */
    @Test
    void loggingSubmittingAndEndorsingCostTheSameStatementsForFiveAndFiftyPeople() throws Exception {
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (ReadinessData.Scale scale :
                List.of(new ReadinessData.Scale(10, 5, 2), new ReadinessData.Scale(100, 50, 20))) {
            ReadinessSeed seed = ReadinessSeed.seed(api, PLATFORM, scale, 0, 1);
            Map<String, Integer> counts = new LinkedHashMap<>();
            LoadGenerator.Step chain = ReadinessScenarios.evidenceChain(api, seed, mutation -> {
                counts.put(mutation + ", " + seed.teamMembers().size() + " people", sqlStatements.requestCount());
                sqlStatements.reset();
            });
            chain.run(0); // signs the callers in
            counts.clear();
            sqlStatements.reset();
            chain.run(0);
            counted.putAll(counts);
        }

        // Endorsing costs one of two fixed counts: readiness decided again, or not when the item is only for
        // competencies already met (UnmovedReadinessIntegrationTest shows both on the same person).
        assertThat(counted)
                .as("update ReadinessScenarios' constants to the counted statements")
                .hasSize(6)
                .containsEntry("logEvidence, 5 people", ReadinessScenarios.LOG_STATEMENTS)
                .containsEntry("submitEvidence, 5 people", ReadinessScenarios.SUBMIT_STATEMENTS)
                .containsEntry("logEvidence, 50 people", ReadinessScenarios.LOG_STATEMENTS)
                .containsEntry("submitEvidence, 50 people", ReadinessScenarios.SUBMIT_STATEMENTS)
                .hasEntrySatisfying("endorseEvidence, 5 people", this::isAnEndorsementsCount)
                .hasEntrySatisfying("endorseEvidence, 50 people", this::isAnEndorsementsCount);
    }

    private void isAnEndorsementsCount(int statements) {
        assertThat(statements)
                .isIn(ReadinessScenarios.ENDORSE_STATEMENTS, ReadinessScenarios.ENDORSE_UNMOVED_STATEMENTS);
    }

    /** Sends the request once (checking its data), then counts the statements of a repeat. */
    private int statements(GraphQlHttp api, Scenario scenario) {
        JsonNode first = GraphQlHttp.JSON.readTree(api.send(scenario.request()));
        assertThat(scenario.shape().test(first))
                .as("%s answers the data its name promises: %s", scenario.name(), first)
                .isTrue();
        sqlStatements.reset();
        api.send(scenario.request());
        return sqlStatements.count();
    }
}

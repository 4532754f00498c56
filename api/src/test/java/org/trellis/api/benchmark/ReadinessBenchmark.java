package org.trellis.api.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.benchmark.BenchmarkScenarios.Scenario;
import org.trellis.api.support.TestIssuers.Issuer;
import tools.jackson.databind.JsonNode;

/**
 * The readiness part of the benchmark run, on {@link ReadinessSeed}'s generated tenants: the team dashboard and the
 * explanation at their maximum throughput and at fixed arrival rates, the hand-written SQL reference over JDBC at the
 * same concurrency, and evidence logged, submitted and endorsed (measured last, so the dashboard reads the data as
 * generated).
 */
final class ReadinessBenchmark {

    private ReadinessBenchmark() {}

    /** Measures, adding rows to {@code closed} and {@code open}; answers results.json's {@code readiness}. */
    static Map<String, Object> measure(
            GraphQlHttp api,
            LoadGenerator load,
            WarmUp warmUp,
            Issuer platform,
            double floor,
            List<Map<String, Object>> closed,
            List<Map<String, Object>> open)
            throws Exception {
        int connections = GraphQlBenchmarkTest.CONNECTIONS;
        ReadinessSeed seed = ReadinessSeed.seed(
                api, platform, ReadinessSeed.BENCHMARK_SCALE, ReadinessSeed.tenants() - 1, connections);
        System.out.println("benchmark: readiness data " + seed.generated());
        if (Boolean.getBoolean("benchmark.chainOnly")) {
            closed.add(chain(api, seed, warmUp, floor));
            return Map.of();
        }
        Scenario dashboard = ReadinessScenarios.dashboard(api, seed);
        Scenario explanation = ReadinessScenarios.explanation(api, seed);
        for (Scenario scenario : List.of(dashboard, explanation)) {
            JsonNode first = GraphQlHttp.JSON.readTree(api.send(scenario.request()));
            if (!scenario.shape().test(first)) {
                throw new IllegalStateException(scenario.name() + " answered unexpected data: " + first);
            }
        }
        // The reference is measured right before and right after the dashboard, and counted as both together, so
        // that the machine's drift over the minute (other work, the database's own) weighs on both alike.
        warmUp.untilCompiled(duration -> load.closedLoop(dashboard.request(), connections, duration));
        LoadGenerator.Measurement dashboardMeasured;
        Map<String, Object> referenceRow;
        try (Reference reference = new Reference(seed, connections)) {
            LoadGenerator.Measurement referenceBefore = reference.measure();
            dashboardMeasured = load.closedLoop(dashboard.request(), connections, GraphQlBenchmarkTest.MEASURE);
            referenceRow = reference.row(referenceBefore.and(reference.measure()), floor);
        }
        Map<String, Object> dashboardRow =
                BenchmarkReport.row(dashboard.name(), dashboard.statements(), dashboardMeasured, floor, 0);
        closed.add(dashboardRow);
        System.out.println("benchmark: " + dashboardRow);
        warmUp.untilCompiled(duration -> load.closedLoop(explanation.request(), connections, duration));
        closed.add(BenchmarkReport.row(
                explanation.name(),
                explanation.statements(),
                load.closedLoop(explanation.request(), connections, GraphQlBenchmarkTest.MEASURE),
                floor,
                0));
        System.out.println("benchmark: " + closed.getLast());
        closed.add(referenceRow);
        System.out.println("benchmark: " + referenceRow);
        open.add(openLoop(load, dashboard, ReadinessScenarios.DASHBOARD_RATE, floor));
        open.add(openLoop(load, dashboard, ReadinessScenarios.DASHBOARD_SUSTAINED_RATE, floor));
        open.add(openLoop(load, explanation, ReadinessScenarios.EXPLANATION_RATE, floor));
        closed.add(chain(api, seed, warmUp, floor));

        double dashboardRate = (double) dashboardRow.get("requestsPerSecond");
        double referenceRate = (double) referenceRow.get("requestsPerSecond");
        Map<String, Object> readiness = new LinkedHashMap<>();
        readiness.put("tenants", seed.generated().tenants());
        readiness.put("scale", ReadinessSeed.BENCHMARK_SCALE);
        readiness.put("rows", seed.generated().rows());
        readiness.put("generationSeconds", Math.round(seed.generated().seconds()));
        readiness.put("dashboardPerSecond", dashboardRate);
        readiness.put("referencePerSecond", referenceRate);
        readiness.put("dashboardToReference", Math.round(dashboardRate / referenceRate * 100) / 100.0);
        readiness.put("targetToReference", ReadinessScenarios.REFERENCE_TARGET);
        return readiness;
    }

    /** Evidence logged, submitted and endorsed, in mutations a second (measured last: it changes the data). */
    private static Map<String, Object> chain(GraphQlHttp api, ReadinessSeed seed, WarmUp warmUp, double floor)
            throws Exception {
        int connections = GraphQlBenchmarkTest.CONNECTIONS;
        LoadGenerator.Step chain = ReadinessScenarios.evidenceChain(api, seed);
        warmUp.untilCompiled(duration -> LoadGenerator.closedLoop(chain, connections, duration));
        Map<String, Object> row = BenchmarkReport.row(
                "readiness: logEvidence + submitEvidence + endorseEvidence (rollup triggers, snapshot); mutations/s,"
                        + " latency per chain of three",
                -1,
                LoadGenerator.closedLoop(chain, connections, GraphQlBenchmarkTest.MEASURE),
                floor,
                0);
        System.out.println("benchmark: " + row);
        return row;
    }

    /** The reference statement over JDBC, one runtime connection per caller, warmed up once when opened. */
    private static final class Reference implements AutoCloseable {

        private final List<Connection> opened = new ArrayList<>();
        private final LoadGenerator.Step step;
        private final int connections;
        private final int people;

        Reference(ReadinessSeed seed, int connections) throws Exception {
            this.connections = connections;
            this.people = seed.teamMembers().size();
            List<PreparedStatement> statements = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                opened.add(ReadinessSeed.runtimeConnection());
                statements.add(
                        ReadinessScenarios.prepareReference(opened.getLast(), seed.tenantId(), seed.teamMembers()));
            }
            step = ReadinessScenarios.reference(statements);
            LoadGenerator.closedLoop(step, connections, Duration.ofSeconds(4));
        }

        LoadGenerator.Measurement measure() throws Exception {
            return LoadGenerator.closedLoop(step, connections, GraphQlBenchmarkTest.MEASURE);
        }

        Map<String, Object> row(LoadGenerator.Measurement measured, double floor) {
            return BenchmarkReport.row(
                    "REFERENCE: hand-written SQL over JDBC, no application (per person × competency of the team of"
                            + " %d: endorsed count, kinds, latest, last 12 months; measured before and after the"
                                    .formatted(people)
                            + " dashboard)",
                    1,
                    measured,
                    floor,
                    0);
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    /**
     * At a fixed arrival rate; requests that fail (a rate beyond what the application sustains: its connection pool
     * times out after 5 s) are counted and reported instead of ending the run.
     */
    private static Map<String, Object> openLoop(LoadGenerator load, Scenario scenario, int rate, double floor)
            throws Exception {
        load.openLoop(scenario.request(), rate, GraphQlBenchmarkTest.OPEN_LOOP_WARM_UP, true);
        Map<String, Object> row = BenchmarkReport.row(
                scenario.name(),
                scenario.statements(),
                load.openLoop(scenario.request(), rate, GraphQlBenchmarkTest.OPEN_LOOP_MEASURE, true),
                floor,
                0);
        row.put("arrivalRatePerSecond", rate);
        System.out.println("benchmark: " + row);
        return row;
    }
}

package org.trellis.api.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
        Scenario dashboard = ReadinessScenarios.dashboard(api, seed);
        Scenario explanation = ReadinessScenarios.explanation(api, seed);
        Map<String, Object> dashboardRow = null;
        for (Scenario scenario : List.of(dashboard, explanation)) {
            JsonNode first = GraphQlHttp.JSON.readTree(api.send(scenario.request()));
            if (!scenario.shape().test(first)) {
                throw new IllegalStateException(scenario.name() + " answered unexpected data: " + first);
            }
            warmUp.untilCompiled(duration -> load.closedLoop(scenario.request(), connections, duration));
            LoadGenerator.Measurement measured =
                    load.closedLoop(scenario.request(), connections, GraphQlBenchmarkTest.MEASURE);
            closed.add(BenchmarkReport.row(scenario.name(), scenario.statements(), measured, floor, 0));
            dashboardRow = dashboardRow == null ? closed.getLast() : dashboardRow;
            System.out.println("benchmark: " + closed.getLast());
        }
        Map<String, Object> referenceRow = reference(seed, connections, floor);
        closed.add(referenceRow);
        System.out.println("benchmark: " + referenceRow);
        open.add(openLoop(load, dashboard, ReadinessScenarios.DASHBOARD_RATE, floor));
        open.add(openLoop(load, dashboard, ReadinessScenarios.DASHBOARD_SUSTAINED_RATE, floor));
        open.add(openLoop(load, explanation, ReadinessScenarios.EXPLANATION_RATE, floor));
        LoadGenerator.Step chain = ReadinessScenarios.evidenceChain(api, seed);
        warmUp.untilCompiled(duration -> LoadGenerator.closedLoop(chain, connections, duration));
        closed.add(BenchmarkReport.row(
                "readiness: logEvidence + submitEvidence + endorseEvidence (rollup triggers, snapshot); mutations/s,"
                        + " latency per chain of three",
                -1,
                LoadGenerator.closedLoop(chain, connections, GraphQlBenchmarkTest.MEASURE),
                floor,
                0));
        System.out.println("benchmark: " + closed.getLast());

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

    /** The reference statement over JDBC, one runtime connection per caller, as the closed loop's throughput. */
    private static Map<String, Object> reference(ReadinessSeed seed, int connections, double floor) throws Exception {
        List<Connection> opened = new ArrayList<>();
        try {
            List<PreparedStatement> statements = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                opened.add(ReadinessSeed.runtimeConnection());
                statements.add(
                        ReadinessScenarios.prepareReference(opened.getLast(), seed.tenantId(), seed.teamMembers()));
            }
            LoadGenerator.Step step = ReadinessScenarios.reference(statements);
            LoadGenerator.closedLoop(step, connections, Duration.ofSeconds(4));
            return BenchmarkReport.row(
                    "REFERENCE: hand-written SQL over JDBC, no application (per person × competency of the team of"
                            + " %d: endorsed count, kinds, latest, last 12 months)"
                                    .formatted(seed.teamMembers().size()),
                    1,
                    LoadGenerator.closedLoop(step, connections, GraphQlBenchmarkTest.MEASURE),
                    floor,
                    0);
        } finally {
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

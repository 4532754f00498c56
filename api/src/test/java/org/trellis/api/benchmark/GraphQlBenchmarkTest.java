package org.trellis.api.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.trellis.api.benchmark.BenchmarkScenarios.Scenario;
import org.trellis.api.support.TestDatabase;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;
import tools.jackson.databind.JsonNode;

/**
 * Load benchmark of the application jar, started as production starts it, on a fresh database of the local
 * PostgreSQL: every scenario's maximum throughput over 16 connections as a ratio of the unauthenticated liveness
 * probe's, measured in the same run, and {@code me}'s latency at a fixed arrival rate (open loop); then the
 * readiness scenarios on generated tenants ({@link ReadinessBenchmark}). Writes {@code target/benchmark/results.json}
 * and {@code results.md}; with {@code -Dbenchmark.updateReadme=true} also the README's table. Not part of the normal
 * run (tag {@code benchmark}); see README "Benchmarks". Loopback only, about seven minutes with the default 20
 * readiness tenants ({@code -Dbenchmark.readiness.tenants}).
 */
@Tag("benchmark")
class GraphQlBenchmarkTest {

    static final int CONNECTIONS = 16;
    private static final Duration GLOBAL_WARM_UP = Duration.ofSeconds(2);
    static final Duration MEASURE = Duration.ofSeconds(8);
    static final Duration OPEN_LOOP_WARM_UP = Duration.ofSeconds(3);
    static final Duration OPEN_LOOP_MEASURE = Duration.ofSeconds(10);
    private static final double OPEN_LOOP_TARGET_P99_MS = 25;

    @Test
    void measure() throws Exception {
        Path target = Path.of("target");
        Path out = target.resolve("benchmark");
        Files.createDirectories(out);
        Path jar = AppProcess.builtJar(target);
        Map<String, Object> commit = BenchmarkReport.commit(Path.of("..").toAbsolutePath());
        Issuer platformIssuer = TestIssuers.INSTANCE.issuer("platform");
        Map<String, Object> results = new LinkedHashMap<>();
        try (AppProcess app = AppProcess.start(jar, environment(platformIssuer), ARGUMENTS, out.resolve("app.log"));
                GraphQlHttp api = new GraphQlHttp(app.baseUrl())) {
            BenchmarkData data = BenchmarkData.seed(api, platformIssuer);
            List<Scenario> scenarios = BenchmarkScenarios.all(api, data);
            boolean readinessOnly =
                    Boolean.getBoolean("benchmark.readinessOnly") || Boolean.getBoolean("benchmark.chainOnly");
            if (readinessOnly) {
                scenarios = scenarios.subList(0, 1); // the floor only: a quicker run to profile readiness
            }
            LoadGenerator load = new LoadGenerator(api);
            WarmUp warmUp = new WarmUp(api);
            for (Scenario scenario : scenarios) {
                JsonNode first = GraphQlHttp.JSON.readTree(api.send(scenario.request()));
                if (!scenario.shape().test(first)) {
                    throw new IllegalStateException(scenario.name() + " answered unexpected data: " + first);
                }
                load.closedLoop(scenario.request(), CONNECTIONS, GLOBAL_WARM_UP);
            }
            List<Map<String, Object>> closed = new ArrayList<>();
            double floor = 0;
            for (Scenario scenario : scenarios) {
                warmUp.untilCompiled(duration -> load.closedLoop(scenario.request(), CONNECTIONS, duration));
                LoadGenerator.Measurement measured = load.closedLoop(scenario.request(), CONNECTIONS, MEASURE);
                if (floor == 0) {
                    floor = measured.perSecond();
                }
                closed.add(BenchmarkReport.row(
                        scenario.name(), scenario.statements(), measured, floor, scenario.target()));
                System.out.println("benchmark: " + closed.getLast());
            }
            Scenario me = BenchmarkScenarios.me(api, data);
            if (readinessOnly) {
                // Not measured closed-loop in this run: a cold JIT compiler would meet 300 requests/s.
                warmUp.untilCompiled(duration -> load.closedLoop(me.request(), CONNECTIONS, duration));
            }
            load.openLoop(me.request(), BenchmarkScenarios.OPEN_LOOP_RATE, OPEN_LOOP_WARM_UP);
            LoadGenerator.Measurement steady =
                    load.openLoop(me.request(), BenchmarkScenarios.OPEN_LOOP_RATE, OPEN_LOOP_MEASURE);
            Map<String, Object> open = BenchmarkReport.row(me.name(), me.statements(), steady, floor, 0);
            open.put("arrivalRatePerSecond", BenchmarkScenarios.OPEN_LOOP_RATE);
            open.put("targetP99Ms", OPEN_LOOP_TARGET_P99_MS);
            System.out.println("benchmark: " + open);
            List<Map<String, Object>> openRows = new ArrayList<>(List.of(open));
            Map<String, Object> readiness =
                    ReadinessBenchmark.measure(api, load, warmUp, platformIssuer, floor, closed, openRows);
            results.put("commit", commit);
            results.put(
                    "measuredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            results.put("setup", setup(warmUp));
            results.put("closedLoop", closed);
            results.put("openLoop", openRows);
            if (!readiness.isEmpty()) {
                results.put("readiness", readiness);
            }
        }
        Path json = out.resolve("results.json");
        Files.writeString(
                json, GraphQlHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        String table = BenchmarkReport.markdown(GraphQlHttp.JSON.readTree(Files.readString(json)));
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("\n" + table);
        if (Boolean.getBoolean("benchmark.updateReadme")) {
            BenchmarkReport.updateReadme(Path.of("..", "README.md"), table);
        }
    }

    /** Command-line arguments that differ from a production start (see {@link #setup()}). */
    private static final List<String> ARGUMENTS =
            List.of("--server.address=127.0.0.1", "--trellis.security.allow-insecure-urls=true");

    /** Production's environment variables, pointing at this run's database and loopback issuer. */
    private static Map<String, String> environment(Issuer platform) {
        TestDatabase database = TestDatabase.INSTANCE;
        String url = database.url().substring(0, database.url().indexOf('?'))
                + "?tcpKeepAlive=true&socketTimeout=60&connectTimeout=5&ApplicationName=trellis";
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TRELLIS_DB_URL", url);
        environment.put("TRELLIS_DB_USER", TestDatabase.RUNTIME.name());
        environment.put("TRELLIS_DB_PASSWORD", TestDatabase.RUNTIME.password());
        // No owner credentials: TestDatabase ran the migrate command, as a deployment's migration job does.
        environment.put("TRELLIS_PLATFORM_ISSUER", platform.url());
        environment.put(
                "TRELLIS_WEBHOOK_SECRET_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        environment.put("LIQUIBASE_ANALYTICS_ENABLED", "false");
        return environment;
    }

    private static Map<String, Object> setup(WarmUp warmUp) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("jvmFlags", AppProcess.JVM_FLAGS);
        setup.put("arguments", ARGUMENTS);
        setup.put("closedLoopConnections", CONNECTIONS);
        setup.put("loadGenerator", GraphQlHttp.CLIENT);
        setup.put("warmUpSeconds", warmUp.seconds());
        setup.put("measureSeconds", MEASURE.toSeconds());
        setup.put("openLoopSeconds", OPEN_LOOP_MEASURE.toSeconds());
        setup.put(
                "summary",
                "Application jar in its own JVM (%s, default profile, production settings; loopback issuers allowed"
                                .formatted(String.join(" ", AppProcess.JVM_FLAGS))
                        + "), PostgreSQL and load generator (" + GraphQlHttp.CLIENT
                        + ") on one machine; closed loop: %d connections, %d s measured after a warm-up per scenario that lasts until the application's JIT compiler has settled (%d–%d s; under %d %% of the last %d s spent compiling); open loop: %d s at a fixed rate after %d s warm-up. SQL statements: asserted by BenchmarkStatementsIntegrationTest and ReadinessStatementsIntegrationTest; a tenant caller's rate-limit charge is apart, one statement per lease of 1 %% of its budget."
                                .formatted(
                                        CONNECTIONS,
                                        MEASURE.toSeconds(),
                                        WarmUp.MIN_ROUNDS * WarmUp.ROUND.toSeconds(),
                                        WarmUp.MAX_ROUNDS * WarmUp.ROUND.toSeconds(),
                                        WarmUp.SETTLED_PERCENT,
                                        WarmUp.ROUND.toSeconds(),
                                        OPEN_LOOP_MEASURE.toSeconds(),
                                        OPEN_LOOP_WARM_UP.toSeconds()));
        return setup;
    }
}

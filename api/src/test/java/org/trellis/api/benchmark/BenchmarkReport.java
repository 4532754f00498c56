package org.trellis.api.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's results: {@code results.json} (the record, with the commit it measured) and the markdown tables
 * generated from that file, which also replace the README's table between its markers when asked to.
 */
final class BenchmarkReport {

    static final String START = "<!-- benchmark:start -->";
    static final String END = "<!-- benchmark:end -->";

    private BenchmarkReport() {}

    /** One measured row of results.json. */
    static Map<String, Object> row(
            String name, int statements, LoadGenerator.Measurement measured, double floorPerSecond, double target) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", name);
        row.put("sqlStatementsPerRequest", statements);
        row.put("completed", measured.completed());
        row.put("elapsedSeconds", round(measured.elapsedNanos() / 1e9, 3));
        row.put("requestsPerSecond", round(measured.perSecond(), 1));
        row.put("ratioToFloor", floorPerSecond > 0 ? round(measured.perSecond() / floorPerSecond, 4) : 1.0);
        row.put("targetRatio", target);
        row.put("p50Ms", round(measured.millis(0.50), 2));
        row.put("p90Ms", round(measured.millis(0.90), 2));
        row.put("p99Ms", round(measured.millis(0.99), 2));
        row.put("maxMs", round(measured.maxMillis(), 2));
        row.put("applicationCpuMsPerRequest", round(measured.applicationCpuMillis(), 3));
        row.put("databaseCpuMsPerRequest", round(measured.databaseCpuMillis(), 3));
        row.put("loadGeneratorCpuMsPerRequest", round(measured.loadGeneratorCpuMillis(), 3));
        if (measured.failed() > 0) {
            row.put("failed", measured.failed());
        }
        return row;
    }

    /** The commit measured: {@code git rev-parse HEAD} and whether the worktree had changes. */
    static Map<String, Object> commit(Path repository) throws IOException, InterruptedException {
        Map<String, Object> commit = new LinkedHashMap<>();
        commit.put("sha", git(repository, "rev-parse", "HEAD").strip());
        commit.put("dirty", !git(repository, "status", "--porcelain").isBlank());
        return commit;
    }

    /** Markdown tables of a results.json tree. */
    static String markdown(JsonNode results) {
        StringBuilder md = new StringBuilder();
        md.append(
                "| scenario | SQL statements/request | req/s | % of floor | target | p50 ms | p90 ms | p99 ms | max ms |"
                        + " CPU ms/request: application + PostgreSQL (+ load generator) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode row : results.path("closedLoop")) {
            double target = row.path("targetRatio").asDouble();
            double ratio = row.path("ratioToFloor").asDouble();
            md.append("| %s | %s | %.0f | %.1f %% | %s | %.1f | %.1f | %.1f | %.1f | %.2f + %.2f (+ %.2f) |\n"
                    .formatted(
                            row.path("scenario").asString(),
                            statements(row),
                            row.path("requestsPerSecond").asDouble(),
                            ratio * 100,
                            target > 0
                                    ? "≥ %.0f %% %s".formatted(target * 100, ratio >= target ? "(met)" : "(not met)")
                                    : "",
                            row.path("p50Ms").asDouble(),
                            row.path("p90Ms").asDouble(),
                            row.path("p99Ms").asDouble(),
                            row.path("maxMs").asDouble(),
                            row.path("applicationCpuMsPerRequest").asDouble(),
                            row.path("databaseCpuMsPerRequest").asDouble(),
                            row.path("loadGeneratorCpuMsPerRequest").asDouble()));
        }
        md.append("\nOpen loop (fixed arrival rate; latency from each request's scheduled send time):\n\n");
        md.append(
                "| scenario | SQL statements/request | arrival rate | achieved req/s | p50 ms | p90 ms | p99 ms | max ms |"
                        + " target |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode row : results.path("openLoop")) {
            double p99 = row.path("p99Ms").asDouble();
            double target = row.path("targetP99Ms").asDouble();
            int failed = row.path("failed").asInt();
            md.append("| %s | %s | %d/s | %.0f%s | %.1f | %.1f | %.1f | %.1f | %s |\n"
                    .formatted(
                            row.path("scenario").asString(),
                            statements(row),
                            row.path("arrivalRatePerSecond").asInt(),
                            row.path("requestsPerSecond").asDouble(),
                            failed > 0
                                    ? " (%d of %d failed)"
                                            .formatted(
                                                    failed,
                                                    failed
                                                            + row.path("completed")
                                                                    .asInt())
                                    : "",
                            row.path("p50Ms").asDouble(),
                            row.path("p90Ms").asDouble(),
                            p99,
                            row.path("maxMs").asDouble(),
                            target > 0
                                    ? "p99 ≤ %.0f ms %s".formatted(target, p99 <= target ? "(met)" : "(not met)")
                                    : ""));
        }
        readiness(md, results.path("readiness"));
        JsonNode setup = results.path("setup");
        md.append("\nCommit `%s`%s, measured %s on %d cores. %s\n"
                .formatted(
                        results.path("commit").path("sha").asString().substring(0, 12),
                        results.path("commit").path("dirty").asBoolean() ? " (with uncommitted changes)" : "",
                        results.path("measuredAt").asString(),
                        setup.path("cores").asInt(),
                        setup.path("summary").asString()));
        return md.toString();
    }

    /** The readiness data and the dashboard's throughput as a multiple of the hand-written SQL's. */
    private static void readiness(StringBuilder md, JsonNode readiness) {
        if (readiness.isMissingNode()) {
            return;
        }
        JsonNode rows = readiness.path("rows");
        double ratio = readiness.path("dashboardToReference").asDouble();
        double target = readiness.path("targetToReference").asDouble();
        md.append("\nReadiness data: %d tenants of %d people in teams of %d (%,d evidence items, %,d competency links,"
                        .formatted(
                                readiness.path("tenants").asInt(),
                                readiness.path("scale").path("people").asInt(),
                                readiness.path("scale").path("teamSize").asInt(),
                                rows.path("evidence").asLong(),
                                rows.path("evidence_competency").asLong())
                + " %,d rollup cells), generated in %d s. Team dashboard ÷ hand-written SQL: %.2f× (target ≥ %.0f×, %s).\n"
                        .formatted(
                                rows.path("readiness_cell").asLong(),
                                readiness.path("generationSeconds").asLong(),
                                ratio,
                                target,
                                ratio >= target ? "met" : "not met"));
    }

    private static String statements(JsonNode row) {
        int statements = row.path("sqlStatementsPerRequest").asInt();
        return statements < 0 ? "—" : String.valueOf(statements);
    }

    /** Replaces the text between the README's benchmark markers with {@code table}. */
    static void updateReadme(Path readme, String table) throws IOException {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(readme + " has no " + START + " … " + END + " markers");
        }
        Files.writeString(
                readme,
                text.substring(0, start + START.length()) + "\n" + table + text.substring(end),
                StandardCharsets.UTF_8);
    }

    private static String git(Path repository, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}

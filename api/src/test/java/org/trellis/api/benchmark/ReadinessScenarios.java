package org.trellis.api.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.trellis.api.benchmark.BenchmarkScenarios.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The readiness scenarios: a team's dashboard (heatmap) and one person's readiness explanation through GraphQL, with
 * the SQL statements each costs whatever the team's size or evidence ({@code ReadinessStatementsIntegrationTest}
 * asserts both at two sizes); evidence logged, submitted and endorsed (the rollup kept by its triggers, a snapshot
 * taken); and the REFERENCE the dashboard is compared with: the hand-written on-the-fly aggregation over the raw
 * evidence, one statement over JDBC.
 */
final class ReadinessScenarios {

    static final int DASHBOARD_STATEMENTS = 2;
    static final int EXPLANATION_STATEMENTS = 6;

    /** The evidence chain's mutations (ReadinessStatementsIntegrationTest asserts them at two sizes). */
    static final int LOG_STATEMENTS = 4;

    static final int SUBMIT_STATEMENTS = 4;

    /** Endorsing, with readiness decided again. */
    static final int ENDORSE_STATEMENTS = 9;

    /** Endorsing an item only for competencies already met, which cannot move readiness (nothing decided again). */
    static final int ENDORSE_UNMOVED_STATEMENTS = 5;

    /** The open-loop arrival rates of the dashboard (the issue's, and one this machine sustains) and explanation. */
    static final int DASHBOARD_RATE = 200;

    static final int DASHBOARD_SUSTAINED_RATE = 50;

    static final int EXPLANATION_RATE = 100;

    /** The dashboard's throughput as a multiple of the reference's. */
    static final double REFERENCE_TARGET = 4;

    /**
     * Per person and competency of the team: endorsed items, distinct kinds and the latest date over the last 12
     * months. Runs as the runtime role in the tenant (row-level security applies, as to the application).
     */
    static final String REFERENCE_SQL = """
            SELECT e.person_id, ec.competency_id, count(*) AS endorsed, count(DISTINCT e.kind) AS kinds,
                   max(e.occurred_on) AS latest
              FROM evidence e
              JOIN evidence_competency ec ON ec.tenant_id = e.tenant_id AND ec.evidence_id = e.id
             WHERE e.tenant_id = ? AND e.person_id = ANY (?) AND e.status = 'ENDORSED'
               AND e.occurred_on > current_date - interval '12 months'
             GROUP BY e.person_id, ec.competency_id""";

    private static final List<String> KINDS = List.of("CODE_REVIEW", "DESIGN_DOC", "INCIDENT_RESPONSE", "MENTORING");

    private ReadinessScenarios() {}

    static Scenario dashboard(GraphQlHttp api, ReadinessSeed seed) {
        int people = seed.teamMembers().size();
        return new Scenario(
                "readiness: team dashboard, heatmap of %d people × 14 competencies".formatted(people),
                api.graphQl(seed.manager(), GraphQlHttp.document("benchDashboard"), Map.of("team", seed.teamId())),
                DASHBOARD_STATEMENTS,
                body -> {
                    JsonNode heatmap = body.path("data").path("dashboard").path("heatmap");
                    return heatmap.path("columns").size() == 14
                            && heatmap.path("rows").size() == people
                            && heatmap.path("rows").path(0).path("statuses").size() == 14
                            && !heatmap.path("rows").path(0).path("verdict").isNull();
                },
                0);
    }

    static Scenario explanation(GraphQlHttp api, ReadinessSeed seed) {
        return new Scenario(
                "readiness: one person's explanation (14 competencies, status, unmet, evidence ids)",
                api.graphQl(
                        seed.manager(),
                        GraphQlHttp.document("benchReadinessExplanation"),
                        Map.of("person", seed.personId())),
                EXPLANATION_STATEMENTS,
                body -> body.path("data")
                                .path("readinessExplanation")
                                .path("readiness")
                                .path("competencies")
                                .size()
                        == 14,
                0);
    }

    /**
     * One chain of three mutations per step: a logger logs an item for a competency, submits it, and their manager
     * endorses it (the rollup triggers refresh the cell, and a snapshot is taken). Answers 3.
     */
    static LoadGenerator.Step evidenceChain(GraphQlHttp api, ReadinessSeed seed) {
        return evidenceChain(api, seed, mutation -> {});
    }

    /** As above, telling {@code afterEach} the name of each mutation once it was answered. */
    static LoadGenerator.Step evidenceChain(GraphQlHttp api, ReadinessSeed seed, Consumer<String> afterEach) {
        String log = GraphQlHttp.document("benchLogEvidence");
        String submit = GraphQlHttp.document("benchSubmitEvidence");
        String endorse = GraphQlHttp.document("benchEndorseEvidence");
        String today = LocalDate.now().toString();
        AtomicInteger next = new AtomicInteger();
        return caller -> {
            int i = next.getAndIncrement();
            String logger = seed.loggers().get(caller % seed.loggers().size());
            JsonNode logged = payload(
                    api.data(
                            logger,
                            log,
                            Map.of(
                                    "competency",
                                    seed.competencyIds()
                                            .get(i % seed.competencyIds().size()),
                                    "kind",
                                    KINDS.get(i % KINDS.size()),
                                    "on",
                                    today)),
                    "logEvidence");
            afterEach.accept("logEvidence");
            String id = logged.path("evidence").path("id").asString();
            JsonNode submitted = payload(
                    api.data(
                            logger,
                            submit,
                            Map.of(
                                    "id",
                                    id,
                                    "version",
                                    logged.path("evidence").path("version").asInt())),
                    "submitEvidence");
            afterEach.accept("submitEvidence");
            JsonNode endorsed = payload(
                    api.data(
                            seed.endorser(),
                            endorse,
                            Map.of(
                                    "id",
                                    id,
                                    "version",
                                    submitted.path("evidence").path("version").asInt())),
                    "endorseEvidence");
            afterEach.accept("endorseEvidence");
            if (!endorsed.path("evidence").path("status").asString().equals("ENDORSED")) {
                throw new IllegalStateException("Not endorsed: " + endorsed);
            }
            return 3;
        };
    }

    /** The reference statement on each caller's own connection; each step reads every row. */
    static LoadGenerator.Step reference(List<PreparedStatement> statements) {
        return caller -> {
            int rows = 0;
            try (ResultSet result = statements.get(caller).executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            if (rows == 0) {
                throw new IllegalStateException("The reference found no endorsed evidence");
            }
            return 1;
        };
    }

    /** The reference prepared on a runtime connection scoped to the tenant for the session. */
    static PreparedStatement prepareReference(Connection runtime, UUID tenant, List<UUID> people) throws SQLException {
        try (PreparedStatement scope = runtime.prepareStatement("SELECT set_config('trellis.tenant_id', ?, false)")) {
            scope.setString(1, tenant.toString());
            scope.execute();
        }
        PreparedStatement reference = runtime.prepareStatement(REFERENCE_SQL);
        reference.setObject(1, tenant);
        reference.setArray(2, runtime.createArrayOf("uuid", people.toArray()));
        return reference;
    }

    private static JsonNode payload(JsonNode data, String mutation) {
        JsonNode payload = data.path(mutation);
        if (payload.isMissingNode()
                || payload.isNull()
                || !payload.path("userErrors").isEmpty()) {
            throw new IllegalStateException(mutation + " refused: " + data);
        }
        return payload;
    }
}

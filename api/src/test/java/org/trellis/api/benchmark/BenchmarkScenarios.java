package org.trellis.api.benchmark;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's requests, each with the SQL statements it costs in steady state (a repeat request with the same
 * token). {@code BenchmarkStatementsIntegrationTest} asserts every count in the normal test run, so the figures the
 * README states are the asserted ones: when a change lowers a count, tighten its constant here. A tenant's caller's
 * rate-limit charge is not among them: it is one statement per lease of 1 % of the caller's budget (see {@code
 * Leases}), not one per request.
 */
final class BenchmarkScenarios {

    static final int LIVENESS_STATEMENTS = 0;
    static final int TYPENAME_STATEMENTS = 0;
    static final int ME_STATEMENTS = 2;
    static final int TEAM_MEMBERS_STATEMENTS = 5;
    static final int TENANT_PROVIDERS_STATEMENTS = 4;
    static final int PLATFORM_TENANTS_STATEMENTS = 3;
    static final int EVIDENCE_STATEMENTS = 5;
    static final int MENTORSHIPS_STATEMENTS = 9;

    /** The floor every other scenario is a ratio of: the unauthenticated liveness probe. */
    static final String FLOOR = "liveness (unauthenticated GET /actuator/health/liveness)";

    /** The open-loop scenario: {@code me} at a steady arrival rate. */
    static final int OPEN_LOOP_RATE = 300;

    private BenchmarkScenarios() {}

    /**
     * One kind of request. {@code shape} checks the first answer's data has the sizes the name promises (under load
     * only the status and the absence of errors are checked); {@code target} is the goal as a fraction of
     * the floor's throughput, or 0 where there is none.
     */
    record Scenario(
            String name, GraphQlHttp.Request request, int statements, Predicate<JsonNode> shape, double target) {}

    static Scenario liveness(GraphQlHttp api) {
        return new Scenario(
                FLOOR,
                api.get("/actuator/health/liveness"),
                LIVENESS_STATEMENTS,
                body -> body.path("status").asString().equals("UP"),
                0);
    }

    static Scenario me(GraphQlHttp api, BenchmarkData data) {
        return new Scenario(
                "me (sign-in + person)",
                api.graphQl(data.engineer(), GraphQlHttp.document("benchMe"), Map.of()),
                ME_STATEMENTS,
                body -> !body.path("data").path("me").path("person").isMissingNode(),
                0.30);
    }

    /** Every scenario, the floor first. */
    static List<Scenario> all(GraphQlHttp api, BenchmarkData data) {
        return List.of(
                liveness(api),
                new Scenario(
                        "authenticated { __typename }",
                        api.graphQl(data.engineer(), GraphQlHttp.document("benchTypename"), Map.of()),
                        TYPENAME_STATEMENTS,
                        body -> body.path("data").path("__typename").asString().equals("Query"),
                        0.40),
                me(api, data),
                new Scenario(
                        "team of 50 → members' names and titles",
                        api.graphQl(
                                data.engineer(),
                                GraphQlHttp.document("benchTeamMembers"),
                                Map.of("team", data.teamId())),
                        TEAM_MEMBERS_STATEMENTS,
                        body -> body.path("data").path("team").path("members").size() == 50,
                        0.25),
                new Scenario(
                        "tenant → 5 providers → 16 service clients",
                        api.graphQl(data.admin(), GraphQlHttp.document("benchTenantProviders"), Map.of()),
                        TENANT_PROVIDERS_STATEMENTS,
                        body -> body.path("data")
                                        .path("tenant")
                                        .path("identityProviders")
                                        .size()
                                == 5,
                        0),
                new Scenario(
                        "platform: 50 tenants → providers",
                        api.graphQl(data.platform(), GraphQlHttp.document("benchPlatformTenants"), Map.of()),
                        PLATFORM_TENANTS_STATEMENTS,
                        body -> body.path("data").path("tenants").path("edges").size() == 50,
                        0),
                new Scenario(
                        "evidence: 50 items → competencies, person",
                        api.graphQl(
                                data.mentor(),
                                GraphQlHttp.document("benchEvidence"),
                                Map.of("person", data.mentorId())),
                        EVIDENCE_STATEMENTS,
                        body -> body.path("data").path("evidence").path("edges").size() == 50,
                        0),
                new Scenario(
                        "mentor: 10 pairings → mentee, focus, sessions → actions, notes, evidence",
                        api.graphQl(data.mentor(), GraphQlHttp.document("benchMentorships"), Map.of()),
                        MENTORSHIPS_STATEMENTS,
                        body -> body.path("data").path("myMentorships").size() == 10,
                        0));
    }
}

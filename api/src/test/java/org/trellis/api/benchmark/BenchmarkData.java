package org.trellis.api.benchmark;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's data, created through the API as the platform operator and a tenant admin: a tenant with five
 * identity providers and 16 service clients, 50 more tenants, a team of 50 people with titles, and a mentor with 50
 * evidence items and 10 active pairings (a session each). Used by the benchmark and by the statement-count test, so
 * both measure the same shapes.
 */
record BenchmarkData(String engineer, String admin, String platform, String mentor, String mentorId, String teamId) {

    static final String PLATFORM_AUDIENCE = "trellis-platform";

    static BenchmarkData seed(GraphQlHttp api, Issuer platformIssuer) {
        String platform = platformIssuer.token(PLATFORM_AUDIENCE, "bench-operator");
        Tenant tenant = Tenant.create(api, platform, "bench");
        for (int p = 1; p < 5; p++) {
            String providerId = registerProvider(
                    api, platform, tenant.id, "Bench " + p, TestIssuers.INSTANCE.issuer("bench-" + UUID.randomUUID()));
            for (int c = 0; c < 4; c++) {
                ok(
                        api.data(
                                platform,
                                GraphQlHttp.document("registerServiceClient"),
                                Map.of(
                                        "input",
                                        Map.of(
                                                "identityProviderId",
                                                providerId,
                                                "subject",
                                                "bench-client-" + c,
                                                "name",
                                                "bench-client-" + c,
                                                "scopes",
                                                List.of("people:read")))),
                        "registerServiceClient");
            }
        }
        for (int t = 0; t < 50; t++) {
            Tenant.create(api, platform, "bench-list");
        }
        String admin = tenant.token("admin", "admins");
        String engineer = tenant.token("engineer");
        String teamId = team(api, admin);
        String mentor = tenant.token("bench-mentor");
        String mentorId = mentoring(api, tenant, admin, mentor);
        return new BenchmarkData(engineer, admin, platform, mentor, mentorId, teamId);
    }

    /** A team of 50 people, each with a title. */
    private static String team(GraphQlHttp api, String admin) {
        String teamId = ok(
                        api.data(
                                admin,
                                "mutation($n: String!) { createTeam(input: {name: $n}) { team { id } userErrors {"
                                        + " message } } }",
                                Map.of("n", "Bench team")),
                        "createTeam")
                .path("team")
                .path("id")
                .asString();
        for (int i = 0; i < 50; i++) {
            String personId = ok(
                            api.data(
                                    admin,
                                    "mutation($n: String!, $t: String!) { createPerson(input: {displayName: $n, title:"
                                            + " $t}) { person { id } userErrors { message } } }",
                                    Map.of("n", "Member %02d".formatted(i), "t", "Engineer " + (i % 5 + 1))),
                            "createPerson")
                    .path("person")
                    .path("id")
                    .asString();
            ok(
                    api.data(
                            admin,
                            "mutation($t: ID!, $p: ID!) { addTeamMember(input: {teamId: $t, personId: $p}) { team { id }"
                                    + " userErrors { message } } }",
                            Map.of("t", teamId, "p", personId)),
                    "addTeamMember");
        }
        return teamId;
    }

    /** A mentor (on the senior-role framework) with 50 evidence items and 10 active pairings, a session each. */
    private static String mentoring(GraphQlHttp api, Tenant tenant, String admin, String mentor) {
        String version = api.data(
                        admin, "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } } }", Map.of())
                .path("instantiateSeniorRoleTemplate")
                .path("frameworkVersion")
                .path("id")
                .asString();
        String competency = api.data(
                        admin,
                        "query($v: ID!) { frameworkVersion(id: $v) { competencies { id } } }",
                        Map.of("v", version))
                .path("frameworkVersion")
                .path("competencies")
                .path(0)
                .path("id")
                .asString();
        String mentorId = assigned(api, admin, mentor, version);
        api.data(
                admin,
                "mutation($p: ID!) { setMentorCapacity(input: {personId: $p, capacity: 10}) { mentorLoad { capacity } } }",
                Map.of("p", mentorId));
        String today = LocalDate.now().toString();
        for (int i = 0; i < 50; i++) {
            api.data(
                    mentor,
                    "mutation($c: ID!, $d: Date!) { logEvidence(input: {competencyIds: [$c], kind: CODE_REVIEW,"
                            + " title: \"Review\", occurredOn: $d}) { evidence { id } } }",
                    Map.of("c", competency, "d", today));
        }
        for (int i = 0; i < 10; i++) {
            String menteeId = assigned(api, admin, tenant.token("bench-mentee-" + i), version);
            String pairing = api.data(
                            admin,
                            "mutation($m: ID!, $e: ID!, $c: ID!) { proposeMentorship(input: {mentorId: $m, menteeId:"
                                    + " $e, focusCompetencyIds: [$c]}) { mentorship { id } } }",
                            Map.of("m", mentorId, "e", menteeId, "c", competency))
                    .path("proposeMentorship")
                    .path("mentorship")
                    .path("id")
                    .asString();
            api.data(
                    mentor,
                    "mutation($id: ID!) { acceptMentorship(input: {id: $id, expectedVersion: 1}) { mentorship { id } } }",
                    Map.of("id", pairing));
            api.data(
                    mentor,
                    "mutation($m: ID!, $d: Date!) { logMentoringSession(input: {mentorshipId: $m, heldOn: $d,"
                            + " durationMinutes: 45, sharedNotes: \"n\", privateNote: \"p\", actions: [\"a\", \"b\"]})"
                            + " { session { id } } }",
                    Map.of("m", pairing, "d", today));
        }
        return mentorId;
    }

    /** Signs the token's person in (just in time) and assigns them the framework version; their global id. */
    private static String assigned(GraphQlHttp api, String admin, String token, String version) {
        String id = api.data(token, "{ me { person { id } } }", Map.of())
                .path("me")
                .path("person")
                .path("id")
                .asString();
        api.data(
                admin,
                "mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v, currentLevel:"
                        + " \"L4\"}) { assignment { assignedAt } } }",
                Map.of("p", id, "v", version));
        return id;
    }

    private static String registerProvider(
            GraphQlHttp api, String platform, String tenantId, String name, Issuer issuer, Object... roleMappings) {
        Map<String, Object> input = new HashMap<>();
        input.put("tenantId", tenantId);
        input.put("displayName", name);
        input.put("issuer", issuer.url());
        input.put("audience", audienceOf(issuer));
        input.put("roleMappings", List.of(roleMappings));
        return ok(
                        api.data(platform, GraphQlHttp.document("registerIdentityProvider"), Map.of("input", input)),
                        "registerIdentityProvider")
                .path("identityProvider")
                .path("id")
                .asString();
    }

    private static String audienceOf(Issuer issuer) {
        return "trellis-" + issuer.url().substring(issuer.url().lastIndexOf('/') + 1);
    }

    /** The payload of {@code mutation}, which must have no user errors. */
    private static JsonNode ok(JsonNode data, String mutation) {
        JsonNode payload = data.path(mutation);
        if (payload.path("userErrors").size() > 0 || payload.isMissingNode() || payload.isNull()) {
            throw new IllegalStateException(mutation + " refused while seeding: " + data);
        }
        return payload;
    }

    /** A tenant with one identity provider whose {@code groups} claim maps {@code admins} to TENANT_ADMIN. */
    record Tenant(String id, Issuer issuer) {

        static Tenant create(GraphQlHttp api, String platform, String label) {
            String slug = label + "-" + UUID.randomUUID().toString().substring(0, 8);
            String id = ok(
                            api.data(
                                    platform,
                                    GraphQlHttp.document("createTenant"),
                                    Map.of("input", Map.of("slug", slug, "name", label + " Inc."))),
                            "createTenant")
                    .path("tenant")
                    .path("id")
                    .asString();
            Issuer issuer = TestIssuers.INSTANCE.issuer(slug);
            registerProvider(
                    api, platform, id, label + " IdP", issuer, Map.of("claimValue", "admins", "role", "TENANT_ADMIN"));
            return new Tenant(id, issuer);
        }

        String token(String subject, String... groups) {
            return issuer.token(
                    audienceOf(issuer),
                    subject,
                    claims -> claims.claim("email", subject + "@example.com")
                            .claim("name", subject)
                            .claim("groups", List.of(groups)));
        }
    }
}

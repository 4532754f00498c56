package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.trellis.api.support.IntegrationTest;

/**
 * The organisation the readiness role matrices ask as. The owner reports to the manager, who reports to the
 * skip-level manager (so "management chain" is asked at two depths); the colleague is unrelated; the committee member
 * holds PROMOTION_COMMITTEE through an identity-provider group, and nothing else. Everyone measured is on the
 * published senior-role framework at L3, so readiness is judged for L4. Three service clients (read scopes, every
 * scope, an unrelated scope), a platform operator and another tenant's admin complete the nine kinds of caller.
 */
abstract class ReadinessMatrixOrganisation extends IntegrationTest {

    /** The competency rated and evidenced (required at L4). */
    static final String COMPETENCY_KEY = "backend-services";

    TestTenant tenant;
    String admin;
    String version;
    String competency;
    /** Tokens of the callers that are the same in every case, by caller name (the owner's comes with the targets). */
    Map<String, String> tokens;
    /** Person ids of the callers that are people of the tenant, by caller name. */
    Map<String, String> people;

    void organisation(String label) {
        tenant = newTenant(
                label,
                Map.of(
                        "roleMappings",
                        List.of(
                                Map.of("claimValue", "admins", "role", "TENANT_ADMIN"),
                                Map.of("claimValue", "managers", "role", "MANAGER"),
                                Map.of("claimValue", "committee", "role", "PROMOTION_COMMITTEE"))));
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        competency = competencies(admin, version).get(COMPETENCY_KEY);
        String allScopes = "people:read people:write evidence:read evidence:write frameworks:read";
        registerServiceClient(
                admin,
                tenant.providerId(),
                "readiness-reader",
                List.of("people:read", "evidence:read", "frameworks:read"));
        registerServiceClient(admin, tenant.providerId(), "readiness-writer", List.of(allScopes.split(" ")));
        registerServiceClient(admin, tenant.providerId(), "readiness-other", List.of("frameworks:read"));
        tokens = new HashMap<>(Map.of(
                "ADMIN", admin,
                "MANAGER", tenant.token("boss", "managers"),
                "SKIP_MANAGER", tenant.token("skip-boss", "managers"),
                "COLLEAGUE", tenant.token("colleague"),
                "COMMITTEE", tenant.token("committee-member", "committee"),
                "CLIENT_READ", tenant.clientToken("readiness-reader", "people:read evidence:read frameworks:read"),
                "CLIENT_WRITE", tenant.clientToken("readiness-writer", allScopes),
                "CLIENT_OTHER_SCOPE", tenant.clientToken("readiness-other", "frameworks:read"),
                "PLATFORM", platformToken(),
                "OTHER_TENANT_ADMIN", newTenant(label + "-other").admin()));
        people = new LinkedHashMap<>();
        people.put("ADMIN", personOf(admin));
        people.put("SKIP_MANAGER", person("skip-boss", null, "managers"));
        people.put("MANAGER", person("boss", people.get("SKIP_MANAGER"), "managers"));
        people.put("COLLEAGUE", person("colleague", null));
        people.put("COMMITTEE", personOf(tokens.get("COMMITTEE")));
        assertThat(graphQl(tokens.get("COMMITTEE"))
                        .documentName("readiness/me")
                        .execute()
                        .path("me.person.roles")
                        .entityList(String.class)
                        .get())
                .as("the committee member's role comes from the identity provider's group")
                .containsExactlyInAnyOrder("ENGINEER", "PROMOTION_COMMITTEE");
        signIn(tokens.values());
    }

    /** The owner logs one piece of evidence of the competency, submits it, and their manager endorses it. */
    void endorsedEvidence(String ownerToken, String managerToken) {
        String evidence = run(
                ownerToken,
                "logEvidence",
                Map.of("competency", competency, "occurredOn", today().toString()),
                "logEvidence.evidence.id");
        run(ownerToken, "submitEvidence", Map.of("id", evidence), "submitEvidence.evidence.id");
        run(managerToken, "endorseEvidence", Map.of("id", evidence), "endorseEvidence.evidence.id");
    }

    /** Opens a cycle as the admin; its id. */
    String cycle(String name, LocalDate opensOn, LocalDate closesOn) {
        return run(
                admin,
                "openAssessmentCycle",
                Map.of("name", name, "opensOn", opensOn.toString(), "closesOn", closesOn.toString()),
                "openAssessmentCycle.cycle.id");
    }

    /** A person on the framework at L3, reporting to the manager given; their id. */
    String person(String subject, @Nullable String manager, String... groups) {
        String id = personOf(tenant.token(subject, groups));
        run(
                admin,
                "assignFramework",
                Map.of("person", id, "version", version),
                "assignFramework.assignment.assignedAt");
        if (manager != null) {
            run(admin, "setManager", Map.of("person", id, "manager", manager), "setManager.person.id");
        }
        return id;
    }

    /**
     * Runs {@code graphql-test/readiness/<document>.graphql} and answers the text at a path, failing on any error or
     * user error.
     */
    String run(String token, String document, Map<String, Object> variables, String path) {
        var request = graphQl(token).documentName("readiness/" + document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        var response = request.execute();
        String payload = path.substring(0, path.indexOf('.'));
        if (document.equals(payload)) {
            response.path(payload + ".userErrors").entityList(Object.class).hasSize(0);
        }
        return String.valueOf(response.path(path).entity(Object.class).get());
    }

    /** What a document reads, as the admin sees it. */
    Object read(String document, Map<String, Object> variables) {
        var request = graphQl(admin).documentName("readiness/" + document);
        for (var variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        var response = request.execute();
        response.errors().verify();
        return response.returnResponse().getData();
    }

    String tokenOf(Enum<?> caller) {
        return tokens.get(caller.name());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The text of {@code graphql-test/readiness/<name>.graphql}, the document {@link #run} runs by that name. */
    static String document(String name) {
        String path = "graphql-test/readiness/" + name + ".graphql";
        try (var in = ReadinessMatrixOrganisation.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

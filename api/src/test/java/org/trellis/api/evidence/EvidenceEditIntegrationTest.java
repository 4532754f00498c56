package org.trellis.api.evidence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/**
 * {@code updateEvidence} follows the one update rule (issue #13 item 3): omitted fields stay, null clears the
 * description and the links and is REQUIRED for the fields evidence always has, an empty description is INVALID.
 */
class EvidenceEditIntegrationTest extends IntegrationTest {

    private static final String READ = "query($id: ID!) { node(id: $id) { ... on Evidence { version title description"
            + " links impact kind competencies { key } } } }";
    private static final String UPDATE = "mutation($in: UpdateEvidenceInput!) { updateEvidence(input: $in) {"
            + " evidence { version } userErrors { field code } } }";

    private String token;
    private String id;

    @BeforeEach
    void draft() {
        TestTenant tenant = newTenant("evidence-edit");
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        token = tenant.token("eli");
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\"}) { userErrors { code } } }")
                .variable("p", personOf(token))
                .variable("v", version)
                .execute()
                .path("assignFramework.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        id = graphQl(token)
                .document("mutation($in: LogEvidenceInput!) { logEvidence(input: $in) { evidence { id } } }")
                .variable(
                        "in",
                        Map.of(
                                "competencyIds",
                                        List.of(competencies(admin, version).get("code-review")),
                                "kind", "CODE_REVIEW",
                                "title", "Reviewed the billing API change",
                                "description", "Caught a race.",
                                "occurredOn", LocalDate.now().minusDays(2).toString(),
                                "links", List.of("https://example.com/pr/1"),
                                "impact", "DEPARTMENT"))
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
    }

    @Test
    void anEditChangesOnlyTheFieldsGivenAndNullClearsTheDescriptionAndLinks() {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "expectedVersion", 1, "title", "Reviewed billing"));
        input.put("description", null);
        input.put("links", null);
        graphQl(token)
                .document(UPDATE)
                .variable("in", input)
                .execute()
                .path("updateEvidence.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        read().path("node.version")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("node.title")
                .entity(String.class)
                .isEqualTo("Reviewed billing")
                .path("node.description")
                .entity(String.class)
                .isEqualTo("")
                .path("node.links")
                .entityList(String.class)
                .hasSize(0)
                .path("node.impact")
                .entity(String.class)
                .isEqualTo("DEPARTMENT")
                .path("node.kind")
                .entity(String.class)
                .isEqualTo("CODE_REVIEW")
                .path("node.competencies[*].key")
                .entityList(String.class)
                .containsExactly("code-review");
    }

    @Test
    void anEmptyDescriptionAndNullForARequiredFieldAreRefusedAndChangeNothing() {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "expectedVersion", 1, "description", " "));
        input.put("kind", null);
        GraphQlTester.Response refused =
                graphQl(token).document(UPDATE).variable("in", input).execute();
        refused.path("updateEvidence.evidence").valueIsNull();
        refused.path("updateEvidence.userErrors[*].code")
                .entityList(String.class)
                .hasSize(2)
                .contains("INVALID", "REQUIRED");
        read().path("node.version")
                .entity(Integer.class)
                .isEqualTo(1)
                .path("node.description")
                .entity(String.class)
                .isEqualTo("Caught a race.");
    }

    private GraphQlTester.Response read() {
        return graphQl(token).document(READ).variable("id", id).execute();
    }
}

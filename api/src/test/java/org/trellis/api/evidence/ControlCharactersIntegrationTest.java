package org.trellis.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/**
 * Descriptions are prose like any other: line breaks and tabs are kept, NUL and terminal escape sequences are refused
 * with a user error and nothing is written (evidence and framework expectations).
 */
class ControlCharactersIntegrationTest extends IntegrationTest {

    private static final List<String> HOSTILE =
            List.of("before\u0000after", "\u001b[2J\u001b[31mred alert", "bell\u0007", "c1 control \u009b31m");
    private static final String LOG = "mutation($in: LogEvidenceInput!) { logEvidence(input: $in) {"
            + " evidence { id version description } userErrors { field code } } }";
    private static final String UPDATE = "mutation($in: UpdateEvidenceInput!) { updateEvidence(input: $in) {"
            + " evidence { version } userErrors { field code } } }";

    private TestTenant tenant;
    private String admin;
    private String engineerToken;
    private String engineer;
    private String version;
    private String codeReview;

    @BeforeEach
    void organisation() {
        tenant = newTenant("prose");
        admin = tenant.admin();
        version = seniorRoleTemplate(admin);
        engineerToken = tenant.token("eli");
        engineer = personOf(engineerToken);
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\", targetLevel: \"L4\"}) { assignment { assignedAt } } }")
                .variable("p", engineer)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        codeReview = competencies(admin, version).get("code-review");
    }

    @Test
    void refusesEvidenceDescriptionsWithControlCharactersAndWritesNothing() {
        for (String description : HOSTILE) {
            graphQl(engineerToken)
                    .document(LOG)
                    .variable("in", evidence(description))
                    .execute()
                    .path("logEvidence.evidence")
                    .valueIsNull()
                    .path("logEvidence.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("input", "description")
                    .path("logEvidence.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("INVALID");
        }
        graphQl(admin)
                .document("query($p: ID!) { evidence(personId: $p, first: 50) { edges { node { id } } } }")
                .variable("p", engineer)
                .execute()
                .path("evidence.edges")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void refusesControlCharactersWhenEvidenceIsEditedAndKeepsTheOldText() {
        Map<String, Object> logged = graphQl(engineerToken)
                .document(LOG)
                .variable("in", evidence("Found the leak.\n\n\t- heap dump\r\n\t- fix"))
                .execute()
                .path("logEvidence.evidence")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(logged.get("description")).isEqualTo("Found the leak.\n\n\t- heap dump\r\n\t- fix");
        Map<String, Object> update = evidence("\u001b]0;owned\u0007");
        update.put("id", logged.get("id"));
        update.put("expectedVersion", logged.get("version"));
        graphQl(engineerToken)
                .document(UPDATE)
                .variable("in", update)
                .execute()
                .path("updateEvidence.evidence")
                .valueIsNull()
                .path("updateEvidence.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "description");
        graphQl(admin)
                .document("query($id: ID!) { node(id: $id) { ... on Evidence { version description } } }")
                .variable("id", logged.get("id"))
                .execute()
                .path("node.version")
                .entity(Integer.class)
                .isEqualTo((Integer) logged.get("version"))
                .path("node.description")
                .entity(String.class)
                .isEqualTo("Found the leak.\n\n\t- heap dump\r\n\t- fix");
    }

    @Test
    void refusesControlCharactersInExpectationDescriptionsButKeepsLineBreaks() {
        String draft = graphQl(admin)
                .document(
                        "mutation($v: ID!) { createFrameworkDraft(input: {fromVersionId: $v}) { frameworkVersion { id } } }")
                .variable("v", version)
                .execute()
                .path("createFrameworkDraft.frameworkVersion.id")
                .entity(String.class)
                .get();
        String before = expectation(draft);
        String update = "mutation($v: ID!, $d: String!, $e: [String!]) { updateExpectation(input: {versionId: $v,"
                + " competencyKey: \"code-review\", levelCode: \"L4\", description: $d, examples: $e,"
                + " rule: {minEndorsedEvidence: 2, recencyMonths: 12, minDistinctKinds: 1, required: true}})"
                + " { frameworkVersion { id } userErrors { field code } } }";
        for (String description : HOSTILE) {
            graphQl(admin)
                    .document(update)
                    .variable("v", draft)
                    .variable("d", description)
                    .variable("e", List.of())
                    .execute()
                    .path("updateExpectation.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("input", "description");
        }
        graphQl(admin)
                .document(update)
                .variable("v", draft)
                .variable("d", "Reviews design.")
                .variable("e", List.of("ok", "escape \u001b[0m"))
                .execute()
                .path("updateExpectation.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "examples");
        assertThat(expectation(draft)).isEqualTo(before);
        graphQl(admin)
                .document(update)
                .variable("v", draft)
                .variable("d", "Reviews design\n\tand risk.")
                .variable("e", List.of())
                .execute()
                .path("updateExpectation.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(expectation(draft)).isEqualTo("Reviews design\n\tand risk.");
    }

    private Map<String, Object> evidence(String description) {
        Map<String, Object> input = new HashMap<>();
        input.put("competencyIds", List.of(codeReview));
        input.put("kind", "CODE_REVIEW");
        input.put("title", "Reviewed the billing API change");
        input.put("description", description);
        input.put("occurredOn", LocalDate.now().minusDays(2).toString());
        return input;
    }

    private String expectation(String versionId) {
        return graphQl(admin)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { key expectations {"
                        + " level { code } description } } } }")
                .variable("v", versionId)
                .execute()
                .path("frameworkVersion.competencies[?(@.key == 'code-review')].expectations[?(@.level.code == 'L4')]"
                        + ".description")
                .entityList(String.class)
                .get()
                .getFirst();
    }
}

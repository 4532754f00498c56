package org.trellis.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.trellis.graphql.GlobalId;

/**
 * The demo's pending evidence is real work for its manager: endorsing Omar's piece (the one his planning lacks) moves
 * his readiness, and the explanation says what changed and which evidence moved it.
 */
class DemoEndorsementIntegrationTest extends LocalProfileTest {

    private static final String OMAR = GlobalId.encode("Person", DemoPeople.id("demo-engineer-4"));

    @Test
    void endorsingAPendingPieceMovesTheEngineersReadinessAndTheExplanationSaysWhy() {
        List<Map<String, Object>> queue = graphQl(DemoPeople.MANAGER)
                .documentName("demoReviewQueue")
                .execute()
                .path("reviewQueue.edges[*].node")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        assertThat(queue)
                .extracting(item -> item.get("person") + " " + item.get("competencies"))
                .containsExactlyInAnyOrder(
                        "{displayName=Omar Haddad} [{key=planning}]", "{displayName=Sam Engineer} [{key=planning}]");
        String pending = queue.stream()
                .filter(item -> item.get("person").equals(Map.of("displayName", "Omar Haddad")))
                .map(item -> (String) item.get("id"))
                .findFirst()
                .orElseThrow();
        graphQl(DemoPeople.MANAGER)
                .documentName("demoEndorse")
                .variable("id", pending)
                .execute()
                .path("endorseEvidence.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED");
        var explanation = graphQl(DemoPeople.MANAGER)
                .documentName("demoReadinessChanges")
                .variable("personId", OMAR)
                .execute();
        explanation
                .path("readinessExplanation.changes")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .satisfies(changes -> assertThat(changes)
                        .singleElement()
                        .satisfies(change -> assertThat(change)
                                .containsEntry("competency", Map.of("key", "planning"))
                                .containsEntry("from", "PARTIAL")
                                .containsEntry("to", "MET")
                                .containsEntry("evidenceRemoved", 0)
                                .containsEntry("evidenceAdded", List.of(Map.of("id", pending)))));
        explanation
                .path("readinessExplanation.history[*].verdict")
                .entityList(String.class)
                .containsExactly("NOT_YET", "NOT_YET");
    }
}

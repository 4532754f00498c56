package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 items 1–4 through the API: readiness decided by the framework's rules from endorsed evidence and
 * assessments, explained down to the evidence with next steps naming evidence kinds and mentors, snapshots and what
 * changed; the rollup kept in step with the evidence and rebuildable from it.
 */
class ReadinessIntegrationTest extends ReadinessTestBase {

    private static final String EXPLAIN = "query($id: ID!) { readinessExplanation(personId: $id) { readiness { verdict"
            + " score level { code } } nextSteps { competency { key } status unmet missingKinds mentors { mentor { id }"
            + " reasons } } history { verdict score level { code } } changes { competency { key } from to"
            + " evidenceAdded { id } evidenceRemoved } } }";

    private String boss;
    private String eve;
    private String max;

    @BeforeEach
    void people() {
        organisation("readiness");
        boss = person("boss", null, "L5");
        eve = person("eve", boss, "L3");
        max = person("max", boss, "L5");
    }

    @Test
    void aManagerSeesTheVerdictExplainedDownToTheEvidenceAndTheRuleStillUnmet() {
        LocalDate today = LocalDate.now();
        String first = endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusMonths(2));
        String second = endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(3));
        // Older than the 12-month window: it does not count.
        endorse(token("eve"), token("boss"), "backend-services", "DESIGN_DOC", today.minusMonths(13));

        Map<String, Object> cell = competency(token("boss"), eve, "backend-services");
        assertThat(cell.get("status")).isEqualTo("PARTIAL");
        assertThat((List<String>) cell.get("unmet"))
                .containsExactly("needs 1 more endorsed item of a second kind within 12 months");
        assertThat(((List<Map<String, Object>>) cell.get("evidence"))
                        .stream().map(e -> e.get("id")).toList())
                .containsExactly(second, first);
        assertThat(cell.get("changesOn"))
                .isEqualTo(leavesTwelveMonthWindow(today.minusMonths(2)).toString());

        // The person sees their own readiness; a colleague sees none of it.
        assertThat(competency(token("eve"), eve, "backend-services").get("status"))
                .isEqualTo("PARTIAL");
        graphQl(token("max"))
                .document("query($id: ID!) { person(id: $id) { readiness { verdict } } }")
                .variable("id", eve)
                .execute()
                .path("person.readiness")
                .valueIsNull();
    }

    @Test
    void nextStepsNameTheMissingKindsAndMentorsStrongInTheGap() {
        LocalDate today = LocalDate.now();
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(5));
        for (String kind : List.of("CODE_REVIEW", "DESIGN_DOC", "RELEASE")) {
            endorse(token("max"), token("boss"), "backend-services", kind, today.minusDays(10));
        }

        Map<String, Object> step = graphQl(token("boss"))
                .document(EXPLAIN)
                .variable("id", eve)
                .execute()
                .path("readinessExplanation.nextSteps")
                .entityList(Map.class)
                .get()
                .stream()
                .filter(s -> ((Map<?, ?>) s.get("competency")).get("key").equals("backend-services"))
                .findFirst()
                .orElseThrow();
        assertThat(step.get("status")).isEqualTo("PARTIAL");
        assertThat((List<String>) step.get("missingKinds")).hasSize(3).doesNotContain("CODE_REVIEW");
        List<Map<String, Object>> mentors = (List<Map<String, Object>>) step.get("mentors");
        assertThat(mentors.stream()
                        .map(m -> (Object) ((Map<?, ?>) m.get("mentor")).get("id"))
                        .toList())
                .containsExactly(max);
        assertThat((List<String>) mentors.getFirst().get("reasons"))
                .anyMatch(reason -> reason.contains("Backend services and APIs"));
    }

    @Test
    void snapshotsRecordEachMoveAndChangesNameTheEvidenceAddedSinceTheMoveBefore() {
        LocalDate today = LocalDate.now();
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(20));
        // Still partial: more evidence alone is no move, so it takes no snapshot and counts towards the next move.
        String second = endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(10));
        String third = endorse(token("eve"), token("boss"), "backend-services", "DESIGN_DOC", today.minusDays(1));

        assertThat(competency(token("eve"), eve, "backend-services").get("status"))
                .isEqualTo("MET");
        var explained =
                graphQl(token("eve")).document(EXPLAIN).variable("id", eve).execute();
        assertThat(explained
                        .path("readinessExplanation.history")
                        .entityList(Map.class)
                        .get())
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(s ->
                        assertThat(((Map<?, ?>) s.get("level")).get("code")).isEqualTo("L4"));
        List<Map> changes = explained
                .path("readinessExplanation.changes")
                .entityList(Map.class)
                .get();
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst())
                .containsEntry("from", "PARTIAL")
                .containsEntry("to", "MET")
                .containsEntry("evidenceRemoved", 0)
                .containsEntry("evidenceAdded", List.of(Map.of("id", third), Map.of("id", second)));
    }

    @Test
    void theManagerSeesBothAssessmentsSideBySideAndEachSideIsTheirsAlone() {
        openCycle();
        String key = "technical-design";
        assess(token("eve"), eve, key, "SELF", "MEETS")
                .path("assessCompetency.assessment.rating")
                .hasValue();
        assess(token("boss"), eve, key, "MANAGER", "BELOW")
                .path("assessCompetency.assessment.rating")
                .hasValue();
        assess(token("eve"), eve, key, "MANAGER", "EXCEEDS")
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
        assess(token("boss"), eve, key, "SELF", "EXCEEDS")
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();

        Map<?, ?> side = graphQl(token("boss"))
                .document("query($id: ID!) { person(id: $id) { readiness { competencies { competency { key } status"
                        + " unmet selfAssessment { rating kind assessedBy { id } } managerAssessment { rating kind"
                        + " assessedBy { id } } } } } }")
                .variable("id", eve)
                .execute()
                .path("person.readiness.competencies")
                .entityList(Map.class)
                .get()
                .stream()
                .filter(c -> ((Map<?, ?>) c.get("competency")).get("key").equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(side.get("selfAssessment"))
                .isEqualTo(Map.of("rating", "MEETS", "kind", "SELF", "assessedBy", Map.of("id", eve)));
        assertThat(side.get("managerAssessment"))
                .isEqualTo(Map.of("rating", "BELOW", "kind", "MANAGER", "assessedBy", Map.of("id", boss)));
        assertThat((List<String>) side.get("unmet")).contains("the manager assessed it below the level");
        // Her own MEETS is shown, but only evidence or the manager's rating moves a status.
        assertThat(side.get("status")).isEqualTo("GAP");
    }

    @Test
    void reopeningACycleIsAuditedAndAssessmentsNeedAnOpenCycle() {
        assess(token("eve"), eve, "technical-design", "SELF", "MEETS")
                .path("assessCompetency.userErrors[0].message")
                .entity(String.class)
                .isEqualTo("No assessment cycle is open today.")
                .path("assessCompetency.assessment")
                .valueIsNull();
        graphQl(admin)
                .document("mutation { openAssessmentCycle(input: {name: \"Far\", opensOn: \"2025-01-01\","
                        + " closesOn: \"+6000000-01-01\"}) { cycle { id } userErrors { field } } }")
                .execute()
                .path("openAssessmentCycle.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "closesOn")
                .path("openAssessmentCycle.cycle")
                .valueIsNull();
        String cycle = openCycle();
        String move = "mutation($id: ID!) { %s(input: {id: $id}) { cycle { status } } }";
        graphQl(admin)
                .document(move.formatted("closeAssessmentCycle"))
                .variable("id", cycle)
                .execute()
                .path("closeAssessmentCycle.cycle.status")
                .entity(String.class)
                .isEqualTo("CLOSED");
        int before = auditEventCount(tenant.uuid());
        graphQl(admin)
                .document(move.formatted("reopenAssessmentCycle"))
                .variable("id", cycle)
                .execute()
                .path("reopenAssessmentCycle.cycle.status")
                .entity(String.class)
                .isEqualTo("OPEN");
        assertThat(auditEventCount(tenant.uuid())).isEqualTo(before + 1);
    }

    @Test
    void theRollupRebuiltFromTheEvidenceGivesTheSameReadiness() {
        LocalDate today = LocalDate.now();
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(2));
        endorse(token("eve"), token("boss"), "technical-design", "DESIGN_DOC", today.minusDays(3));
        String before = graphQl(token("boss"))
                .document(EXPLAIN)
                .variable("id", eve)
                .execute()
                .path("readinessExplanation.readiness")
                .entity(Map.class)
                .get()
                .toString();

        graphQl(admin)
                .document("mutation { rebuildReadinessRollups { cellsWritten userErrors { message } } }")
                .execute()
                .path("rebuildReadinessRollups.cellsWritten")
                .entity(Integer.class)
                .isEqualTo(2);

        graphQl(token("boss"))
                .document(EXPLAIN)
                .variable("id", eve)
                .execute()
                .path("readinessExplanation.readiness")
                .entity(Map.class)
                .satisfies(after -> assertThat(after.toString()).isEqualTo(before));
    }

    /** The first day an item of {@code day} no longer counts in a 12-month window. */
    private static LocalDate leavesTwelveMonthWindow(LocalDate day) {
        LocalDate out = day.plusMonths(12);
        return out.minusMonths(12).isBefore(day) ? out.plusDays(1) : out;
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response assess(
            String token, String personId, String key, String kind, String rating) {
        return graphQl(token)
                .document("mutation($p: ID!, $c: ID!, $k: AssessmentKind!, $r: AssessmentRating!) { assessCompetency("
                        + "input: {personId: $p, competencyId: $c, kind: $k, rating: $r, comment: \"ok\"})"
                        + " { assessment { rating } userErrors { message } } }")
                .variable("p", personId)
                .variable("c", competencyIds.get(key))
                .variable("k", kind)
                .variable("r", rating)
                .execute();
    }
}

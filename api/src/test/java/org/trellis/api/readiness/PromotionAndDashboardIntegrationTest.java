package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.graphql.GlobalId;

/**
 * Issue #12 items 5 and 6 through the API: a promotion case freezes the readiness explanation and the evidence,
 * exports a packet linking every piece of evidence, shows in the committee view and is decided with a reason; a
 * manager's dashboard over their team shows the heatmap (also as CSV), the distribution, mentoring coverage, weekly
 * activity, stale competencies and top gaps.
 */
class PromotionAndDashboardIntegrationTest extends ReadinessTestBase {

    private static final String CASE_FIELDS = "id status version level { code } frozen { verdict score levelCode"
            + " competencies { key status evidence { id title } } } packet decisionReason";

    private String boss;
    private String eve;
    private String ian;
    private String team;

    @BeforeEach
    void people() {
        organisation("promotion");
        boss = person("boss", null, "L5");
        eve = person("eve", boss, "L3");
        ian = person("ian", boss, "L4");
        team = team(boss, eve, ian);
    }

    @Test
    void aNominationFreezesTheExplanationAndTheCommitteeDecidesIt() {
        String item = endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", LocalDate.now());
        Map<?, ?> nominated = graphQl(token("boss"))
                .document("mutation($p: ID!) { nominateForPromotion(input: {personId: $p, note: \"Ready soon\"}) {"
                        + " promotionCase { " + CASE_FIELDS + " } userErrors { message } } }")
                .variable("p", eve)
                .execute()
                .path("nominateForPromotion.promotionCase")
                .entity(Map.class)
                .get();
        assertThat(nominated.get("status")).isEqualTo("NOMINATED");
        assertThat(nominated.get("level")).isEqualTo(Map.of("code", "L4"));
        String packet = (String) nominated.get("packet");
        assertThat(packet)
                .contains("# Promotion case: eve", "Level: L4", "/evidence/" + item, "<https://example.com/pr/1>")
                .contains(
                        "Still needed: needs 2 more endorsed items, of 1 more kind than shown so far, within 12 months");

        // Later evidence does not change what was frozen.
        endorse(token("eve"), token("boss"), "backend-services", "DESIGN_DOC", LocalDate.now());
        String caseId = (String) nominated.get("id");
        Map<?, ?> frozenLater = graphQl(token("eve"))
                .document("query($p: ID!) { promotionCases(personId: $p) { " + CASE_FIELDS + " } }")
                .variable("p", eve)
                .execute()
                .path("promotionCases[0]")
                .entity(Map.class)
                .get();
        assertThat(frozenLater.get("frozen")).isEqualTo(nominated.get("frozen"));

        // The committee (an admin) sees it among the open L4 cases; a second nomination conflicts.
        graphQl(admin)
                .document("{ promotionCommittee(levelCode: \"L4\") { id person { id } } }")
                .execute()
                .path("promotionCommittee[*].id")
                .entityList(String.class)
                .containsExactly(caseId);
        graphQl(token("boss"))
                .document("mutation($p: ID!) { nominateForPromotion(input: {personId: $p}) { promotionCase { id }"
                        + " userErrors { field code } } }")
                .variable("p", eve)
                .execute()
                .path("nominateForPromotion.promotionCase")
                .valueIsNull()
                .path("nominateForPromotion.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT")
                .path("nominateForPromotion.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "personId");

        // Deciding needs review first, then a reason; each move checks the version.
        String move = "mutation($id: ID!, $v: Int!) { startPromotionReview(input: {id: $id, expectedVersion: $v}) {"
                + " promotionCase { status version } userErrors { field code } } }";
        graphQl(admin)
                .document(move)
                .variable("id", caseId)
                .variable("v", 1)
                .execute()
                .path("startPromotionReview.promotionCase.status")
                .entity(String.class)
                .isEqualTo("IN_REVIEW");
        graphQl(admin)
                .document(move)
                .variable("id", caseId)
                .variable("v", 1)
                .execute()
                .path("startPromotionReview.promotionCase")
                .valueIsNull()
                .path("startPromotionReview.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT")
                .path("startPromotionReview.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "id");
        graphQl(admin)
                .document("mutation($id: ID!) { decidePromotion(input: {id: $id, expectedVersion: 1, outcome:"
                        + " DEFERRED, reason: \"Stale\"}) { promotionCase { status } userErrors { field code } } }")
                .variable("id", caseId)
                .execute()
                .path("decidePromotion.promotionCase")
                .valueIsNull()
                .path("decidePromotion.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE")
                .path("decidePromotion.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "expectedVersion");
        graphQl(admin)
                .document("mutation($id: ID!) { decidePromotion(input: {id: $id, expectedVersion: 2, outcome:"
                        + " DEFERRED, reason: \"Needs a second kind of evidence\"}) { promotionCase { status"
                        + " decisionReason decidedBy { id } } } }")
                .variable("id", caseId)
                .execute()
                .path("decidePromotion.promotionCase.status")
                .entity(String.class)
                .isEqualTo("DEFERRED")
                .path("decidePromotion.promotionCase.decisionReason")
                .entity(String.class)
                .isEqualTo("Needs a second kind of evidence");
        graphQl(admin)
                .document("{ promotionCommittee(levelCode: \"L4\") { id } }")
                .execute()
                .path("promotionCommittee")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void theManagersDashboardShowsTheTeamAcrossCompetencies() {
        LocalDate today = LocalDate.now();
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(3));
        endorse(token("ian"), token("boss"), "technical-design", "DESIGN_DOC", today.minusDays(20));
        graphQl(admin)
                .document("mutation($a: ID!, $b: ID!) { proposeMentorship(input: {mentorId: $a, menteeId: $b}) {"
                        + " mentorship { id } } }")
                .variable("a", ian)
                .variable("b", eve)
                .execute()
                .path("proposeMentorship.mentorship.id")
                .hasValue();

        var dashboard = graphQl(token("boss"))
                .document("query($t: ID) { dashboard(teamId: $t, weeks: 4) { people { id } hiddenPeople truncated"
                        + " heatmap { columns { key } rows { person { id } verdict score statuses } csv }"
                        + " readinessDistribution { verdict people } mentoringCoverage { withMentor withoutMentor"
                        + " { id } } evidenceActivity { weekStart logged endorsed } staleCompetencies { key }"
                        + " topGaps { key gaps partial } } }")
                .variable("t", team)
                .execute();
        dashboard.path("dashboard.people[*].id").entityList(String.class).containsExactly(eve, ian);
        dashboard.path("dashboard.hiddenPeople").entity(Integer.class).isEqualTo(0);
        List<String> columns = dashboard
                .path("dashboard.heatmap.columns[*].key")
                .entityList(String.class)
                .get();
        assertThat(columns).hasSize(14).startsWith("backend-services", "technical-design");
        List<Map> rows =
                dashboard.path("dashboard.heatmap.rows").entityList(Map.class).get();
        assertThat(rows)
                .allSatisfy(row -> assertThat((List<?>) row.get("statuses")).hasSize(14));
        assertThat(((List<?>) rows.getFirst().get("statuses")).getFirst()).isEqualTo("PARTIAL");
        assertThat(((List<?>) rows.get(1).get("statuses")).get(1)).isEqualTo("PARTIAL");
        String csv =
                dashboard.path("dashboard.heatmap.csv").entity(String.class).get();
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("person,backend-services,technical-design");
        assertThat(csv).contains("\r\neve,PARTIAL,");
        dashboard
                .path("dashboard.readinessDistribution[*].people")
                .entityList(Integer.class)
                .satisfies(counts -> assertThat(
                                counts.stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(2));
        dashboard
                .path("dashboard.mentoringCoverage.withMentor")
                .entity(Integer.class)
                .isEqualTo(0);
        dashboard.path("dashboard.evidenceActivity").entityList(Map.class).hasSize(4);
        dashboard
                .path("dashboard.evidenceActivity[*].endorsed")
                .entityList(Integer.class)
                .satisfies(counts -> assertThat(
                                counts.stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(2));
        dashboard
                .path("dashboard.staleCompetencies[*].key")
                .entityList(String.class)
                .satisfies(stale -> assertThat(stale).hasSize(12).doesNotContain("backend-services"));
        dashboard.path("dashboard.topGaps").entityList(Map.class).hasSize(10);

        // One dashboard per request: the cost model cannot see its work, so aliases are refused before any runs.
        graphQl(token("boss"))
                .document("{ a: dashboard { truncated } b: dashboard { truncated } }")
                .execute()
                .errors()
                .expect(e -> "BAD_REQUEST".equals(e.getExtensions().get("classification")))
                .verify();

        // Someone who manages no team above this one may not open its dashboard.
        graphQl(token("eve"))
                .document("query($t: ID) { dashboard(teamId: $t) { people { id } } }")
                .variable("t", team)
                .execute()
                .errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                .verify();
    }

    @Test
    void aTeamsDashboardTellsAnEmptyTeamFromAnAbsentOneAndFromAnotherManagersTeam() {
        String empty = team(boss);
        graphQl(token("boss"))
                .document("query($t: ID) { dashboard(teamId: $t) { people { id } heatmap { rows { verdict } } } }")
                .variable("t", empty)
                .execute()
                .path("dashboard.people")
                .entityList(Object.class)
                .hasSize(0);
        // Someone who manages neither team: refused for the empty team as for the one with members.
        String other = person("olga", null, "L5");
        String otherTeam = team(other);
        for (String target : List.of(empty, team)) {
            graphQl(token("olga"))
                    .document("query($t: ID) { dashboard(teamId: $t) { people { id } } }")
                    .variable("t", target)
                    .execute()
                    .errors()
                    .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification")))
                    .verify();
        }
        graphQl(token("olga"))
                .document("query($t: ID) { dashboard(teamId: $t) { people { id } } }")
                .variable("t", otherTeam)
                .execute()
                .path("dashboard.people")
                .entityList(Object.class)
                .hasSize(0);
        graphQl(token("boss"))
                .document("query($t: ID) { dashboard(teamId: $t) { people { id } } }")
                .variable("t", GlobalId.encode("Team", UUID.randomUUID()))
                .execute()
                .errors()
                .expect(e -> "NOT_FOUND".equals(e.getExtensions().get("classification")))
                .verify();
    }
}

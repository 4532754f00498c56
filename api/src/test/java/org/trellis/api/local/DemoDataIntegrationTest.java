package org.trellis.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.ASSESSMENT;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.EVIDENCE;
import static org.trellis.persistence.jooq.Tables.FRAMEWORK_ASSIGNMENT;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;
import static org.trellis.persistence.jooq.Tables.MENTORSHIP;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.PROMOTION_CASE;
import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.graphql.GlobalId;

/**
 * The demo a new user explores on the first run of the local profile: dashboards, readiness explanations, side-by-side
 * assessments and a promotion case all show something, signed in with the development tokens; a restart adds nothing.
 */
class DemoDataIntegrationTest extends LocalProfileTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static final String SAM = GlobalId.encode("Person", DemoPeople.id(DemoPeople.MENTEE));
    private static final String ERIN = GlobalId.encode("Person", DemoPeople.id(DemoPeople.NOMINEE));

    @Autowired
    private DemoData demoData;

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void aManagersDashboardShowsTheirTeamsReadinessWithDifferentVerdicts() {
        var answer = graphQl(DemoPeople.MANAGER).documentName("demoDashboard").execute();
        answer.path("dashboard.hiddenPeople").entity(Integer.class).isEqualTo(0);
        answer.path("dashboard.heatmap.columns").entityList(Object.class).hasSize(14);
        List<Row> rows =
                answer.path("dashboard.heatmap.rows").entityList(Row.class).get();
        assertThat(rows)
                .extracting(row -> row.person().get("displayName") + ": " + row.verdict())
                .containsExactly(
                        "Erin Engineer: READY",
                        "Lena Fischer: NOT_YET",
                        "Omar Haddad: NOT_YET",
                        "Sam Engineer: NEARLY");
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.statuses()).hasSize(14).doesNotContainNull());
        assertThat(rows.stream().flatMap(row -> row.statuses().stream()).collect(Collectors.toSet()))
                .contains("MET", "PARTIAL", "GAP", "NOT_ASSESSED");
        answer.path("dashboard.mentoringCoverage.withMentor")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(answer.path("dashboard.evidenceActivity[*].endorsed").entityList(Integer.class).get().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isPositive();
    }

    @Test
    void anAdminsDashboardCoversEveryoneWithSomeReadyNearlyAndNotYet() {
        var answer = graphQl(DemoPeople.ADMIN).documentName("demoDashboard").execute();
        answer.path("dashboard.people").entityList(Object.class).hasSize(DemoPeople.ALL.size());
        answer.path("dashboard.readinessDistribution")
                .entityList(MAP)
                .satisfies(counts -> assertThat(counts)
                        .extracting(count -> count.get("verdict") + "=" + count.get("people"))
                        .containsExactly("READY=2", "NEARLY=4", "NOT_YET=5", "null=4"));
        answer.path("dashboard.mentoringCoverage.mentors[*].mentor.displayName")
                .entityList(String.class)
                .containsExactly("Aisha Bello", "Noor Rahman");
    }

    @Test
    void anEngineerSeesTheirReadinessExplainedWithCountedEvidenceAndNextSteps() {
        var answer = graphQl(DemoPeople.MENTEE)
                .documentName("demoReadinessExplanation")
                .variable("personId", SAM)
                .execute();
        answer.path("readinessExplanation.readiness.verdict")
                .entity(String.class)
                .isEqualTo("NEARLY");
        answer.path("readinessExplanation.readiness.level.code")
                .entity(String.class)
                .isEqualTo("L4");
        List<Map<String, Object>> competencies = answer.path("readinessExplanation.readiness.competencies")
                .entityList(MAP)
                .get();
        assertThat(competencies)
                .filteredOn(c -> "MET".equals(c.get("status")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat((List<?>) c.get("evidence")).hasSizeGreaterThanOrEqualTo(3));
        assertThat(competencies)
                .filteredOn(c -> c.get("competency").equals(Map.of("key", "planning")))
                .singleElement()
                .satisfies(c -> assertThat(c.get("status")).isEqualTo("PARTIAL"))
                .satisfies(c -> assertThat(c.get("unmet").toString()).contains("needs 1 more endorsed item"));
        List<Map<String, Object>> steps =
                answer.path("readinessExplanation.nextSteps").entityList(MAP).get();
        assertThat(steps)
                .hasSize(6)
                .allSatisfy(step -> assertThat((List<?>) step.get("unmet")).isNotEmpty());
        assertThat(steps)
                .anySatisfy(step -> assertThat((List<?>) step.get("mentors")).isNotEmpty());
        answer.path("readinessExplanation.history[0].verdict")
                .entity(String.class)
                .isEqualTo("NEARLY");
    }

    @Test
    void selfAndManagerAssessmentsOfTheOpenCycleAppearSideBySide() {
        List<Map<String, Object>> competencies = graphQl(DemoPeople.MANAGER)
                .documentName("demoReadinessExplanation")
                .variable("personId", SAM)
                .execute()
                .path("readinessExplanation.readiness.competencies")
                .entityList(MAP)
                .get();
        assertThat(competencies)
                .filteredOn(c -> c.get("selfAssessment") != null && c.get("managerAssessment") != null)
                .extracting(c -> c.get("competency"))
                .containsExactly(
                        Map.of("key", "backend-services"),
                        Map.of("key", "product-collaboration"),
                        Map.of("key", "architecture"),
                        Map.of("key", "documentation"));
        assertThat(competencies)
                .filteredOn(c -> c.get("competency").equals(Map.of("key", "architecture")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get("status")).isEqualTo("PARTIAL");
                    assertThat(c.get("selfAssessment").toString()).contains("rating=MEETS");
                    assertThat(c.get("managerAssessment"))
                            .isEqualTo(Map.of(
                                    "rating",
                                    "BELOW",
                                    "comment",
                                    "Next: own a design end to end.",
                                    "assessedBy",
                                    Map.of("displayName", "Max Manager"),
                                    "cycle",
                                    Map.of("name", "Mid-year review", "status", "OPEN")));
                });
    }

    @Test
    void theNominatedCaseIsBeforeTheCommitteeWithItsReadinessFrozen() {
        var answer =
                graphQl(DemoPeople.ADMIN).documentName("demoPromotionCommittee").execute();
        answer.path("promotionCommittee[*].person.displayName")
                .entityList(String.class)
                .containsExactly("Erin Engineer");
        answer.path("promotionCommittee[0].status").entity(String.class).isEqualTo("NOMINATED");
        answer.path("promotionCommittee[0].nominatedBy.displayName")
                .entity(String.class)
                .isEqualTo("Max Manager");
        answer.path("promotionCommittee[0].frozen.verdict").entity(String.class).isEqualTo("READY");
        answer.path("promotionCommittee[0].frozen.score").entity(Integer.class).isEqualTo(100);
        answer.path("promotionCommittee[0].frozen.competencies[*].status")
                .entityList(String.class)
                .satisfies(statuses -> assertThat(statuses).hasSize(14).containsOnly("MET"));
        answer.path("promotionCommittee[0].packet")
                .entity(String.class)
                .satisfies(packet ->
                        assertThat(packet).contains("Erin Engineer", "Shipped the artifact cache status API"));
        String caseId =
                answer.path("promotionCommittee[0].id").entity(String.class).get();
        graphQl(DemoPeople.MANAGER)
                .documentName("demoPromotionCases")
                .variable("personId", ERIN)
                .execute()
                .path("promotionCases[*].id")
                .entityList(String.class)
                .containsExactly(caseId)
                .path("promotionCases[0].level.code")
                .entity(String.class)
                .isEqualTo("L4");
        graphQl(DemoPeople.ADMIN)
                .documentName("demoPromotionCase")
                .variable("id", caseId)
                .execute()
                .path("node.frozen.competencies[*].evidence[*].id")
                .entityList(String.class)
                .satisfies(evidence -> assertThat(evidence).hasSize(14 * 3).doesNotHaveDuplicates());
    }

    @Test
    void seedingAgainOnARestartAddsNothing() {
        List<Table<?>> tables = List.of(
                PERSON,
                EVIDENCE,
                ASSESSMENT,
                MENTORSHIP,
                MENTORING_SESSION,
                FRAMEWORK_ASSIGNMENT,
                READINESS_SNAPSHOT,
                PROMOTION_CASE,
                AUDIT_EVENT);
        Map<String, Integer> before = counts(tables);
        assertThat(before)
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        demoData.run(new DefaultApplicationArguments());
        assertThat(counts(tables)).isEqualTo(before);
    }

    private Map<String, Integer> counts(List<Table<?>> tables) {
        return CallerScope.inTenant(
                DemoData.TENANT_ID,
                () -> transactions.execute(
                        status -> tables.stream().collect(Collectors.toMap(Table::getName, db::fetchCount))));
    }

    record Row(Map<String, Object> person, String verdict, Integer score, List<String> statuses) {}
}

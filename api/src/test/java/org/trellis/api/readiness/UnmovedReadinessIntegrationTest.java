package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.graphql.GlobalId;

/**
 * An endorsement that cannot move readiness (an item for competencies already met, with the packed row holding
 * today and room under the items the engine counts) decides nothing again: the stored row stays, and it agrees with
 * a decision made afresh. Any other endorsement is decided.
 */
class UnmovedReadinessIntegrationTest extends ReadinessTestBase {

    /** What deciding again costs: the person's assignment, cells and assessments, and the row and snapshot. */
    private static final int DECISION_STATEMENTS = 4;

    @Autowired
    private ReadinessService readiness;

    @Autowired
    private DSLContext db;

    private final LocalDate today = LocalDate.now();
    private String eve;
    private UUID eveId;

    @BeforeEach
    void eveMeetsBackendServices() {
        organisation("unmoved-readiness");
        String boss = person("boss", null, "L5");
        eve = person("eve", boss, "L3");
        eveId = GlobalId.decode(eve, "Person").orElseThrow();
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(20));
        endorse(token("eve"), token("boss"), "backend-services", "CODE_REVIEW", today.minusDays(10));
        endorse(token("eve"), token("boss"), "backend-services", "DESIGN_DOC", today.minusDays(1));
        assertThat(competency(token("boss"), eve, "backend-services")).containsEntry("status", "MET");
    }

    @Test
    void anotherItemForACompetencyAlreadyMetDecidesNothingAgainAndTheStoredRowAgreesWithAFreshDecision() {
        long revision = stored().revision();

        int unmoved = endorseCounted("backend-services", "INCIDENT_RESPONSE");

        assertThat(stored().revision()).isEqualTo(revision);
        assertThat(stored()).satisfies(this::agreesWithAFreshDecision);
        assertThat(competency(token("boss"), eve, "backend-services").get("evidence"))
                .asList()
                .hasSize(4);

        int decided = endorseCounted("technical-design", "DESIGN_DOC");

        assertThat(stored().revision()).isNotEqualTo(revision);
        assertThat(stored()).satisfies(this::agreesWithAFreshDecision);
        assertThat(decided - unmoved).isEqualTo(DECISION_STATEMENTS);
    }

    @Test
    void aStoredRowThatNoLongerHoldsTodayIsDecidedAgain() {
        inTenant(() -> db.update(READINESS_SUMMARY)
                .set(READINESS_SUMMARY.VALID_UNTIL, today)
                .where(READINESS_SUMMARY.PERSON_ID.eq(eveId))
                .execute());
        long revision = stored().revision();

        endorseCounted("backend-services", "CODE_REVIEW");

        assertThat(stored().revision()).isNotEqualTo(revision);
        assertThat(stored().validUntil()).isNotEqualTo(today);
    }

    @Test
    void aCompetencyReachingTheItemsTheEngineCountsIsDecidedAgain() {
        // 96 more items in the cell: with the new one it holds 100, and a further item would push the oldest out.
        inTenant(() -> db.execute(
                """
                UPDATE readiness_cell
                   SET evidence_ids = evidence_ids || ARRAY(SELECT gen_random_uuid() FROM generate_series(1, 96)),
                       kinds = kinds || array_fill('CODE_REVIEW'::text, ARRAY[96]),
                       occurred_on = occurred_on || array_fill(current_date - 30, ARRAY[96])
                 WHERE person_id = ? AND competency_id = ?""",
                eveId,
                GlobalId.decode(competencyIds.get("backend-services"), "Competency")
                        .orElseThrow()));
        long revision = stored().revision();

        endorseCounted("backend-services", "CODE_REVIEW");

        assertThat(stored().revision()).isNotEqualTo(revision);
    }

    /** Logs and submits an item of Eve's, then counts the statements of its endorsement by her manager. */
    private int endorseCounted(String key, String kind) {
        String item = log(token("eve"), key, kind, today);
        submit(token("eve"), item);
        sqlStatements.reset();
        endorseSubmitted(token("boss"), item);
        return sqlStatements.requestCount();
    }

    private void agreesWithAFreshDecision(ReadinessSummary row) {
        Readiness fresh =
                inTenant(() -> readiness.evaluate(List.of(eveId), today)).get(eveId);
        ReadinessSummary decided = ReadinessSummary.of(fresh, row.revision());
        assertThat(row.statuses()).isEqualTo(decided.statuses());
        assertThat(row.keys()).isEqualTo(decided.keys());
        assertThat(row.verdict()).isEqualTo(decided.verdict());
        assertThat(row.score()).isEqualTo(decided.score());
        assertThat(row.levelId()).isEqualTo(decided.levelId());
    }

    private ReadinessSummary stored() {
        return inTenant(() -> db.select(ReadinessSummaries.COLUMNS)
                .from(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.eq(eveId))
                .fetchOne(ReadinessSummaries::toSummary));
    }
}

package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.graphql.GlobalId;

/**
 * A snapshot is taken only when readiness moved, decided in the database: the same readiness again, or more evidence
 * counted without any status moving, takes none and answers the latest's verdict and score; a competency's status
 * moving takes one.
 */
class SnapshotTakingIntegrationTest extends ReadinessTestBase {

    @Autowired
    private Snapshots snapshots;

    @Autowired
    private ReadinessService readiness;

    @Autowired
    private DSLContext db;

    private UUID eve;

    @BeforeEach
    void eveOnTheFramework() {
        organisation("snapshot-taking");
        eve = GlobalId.decode(person("eve", null, "L3"), "Person").orElseThrow();
    }

    @Test
    void moreEvidenceAloneTakesNoSnapshotAndAMovedStatusTakesOne() {
        Readiness now = inTenant(() -> readiness.evaluate(List.of(eve), LocalDate.now()))
                .get(eve);
        int before = history();
        Readiness.CompetencyReadiness cell = now.competencies().getFirst();
        Readiness moreEvidence = withFirstCell(now, cell, cell.status(), List.of(UUID.randomUUID()));
        ReadinessEngine.Status other = cell.status() == ReadinessEngine.Status.GAP
                ? ReadinessEngine.Status.PARTIAL
                : ReadinessEngine.Status.GAP;
        Readiness moved = withFirstCell(now, cell, other, cell.evidenceIds());

        Snapshots.Taken first = inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), now));
        Snapshots.Taken again = inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), now));
        Snapshots.Taken evidenceOnly = inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), moreEvidence));
        Snapshots.Taken statusMoved = inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), moved));

        assertThat(first.taken()).isEqualTo(before == 0);
        assertThat(again.taken()).isFalse();
        assertThat(again.previousVerdict()).isEqualTo(now.verdict());
        assertThat(again.previousScore()).isEqualTo(now.score());
        assertThat(evidenceOnly.taken()).isFalse();
        assertThat(statusMoved.taken()).isTrue();
        assertThat(statusMoved.previousVerdict()).isEqualTo(now.verdict());
        assertThat(history()).isEqualTo(before + (first.taken() ? 2 : 1));
        Snapshot latest = inTenant(() -> snapshots.latest(eve, 1)).getFirst();
        assertThat(latest.cells().get(cell.key()).status()).isEqualTo(other);
        assertThat(latest.sameAs(moved)).isTrue();
        assertThat(latest.sameAs(now)).isFalse();
    }

    @Test
    void aSnapshotTakenBeforeStatusesWereRecordedIsFollowedByOneAtTheNextDecision() {
        Readiness now = inTenant(() -> readiness.evaluate(List.of(eve), LocalDate.now()))
                .get(eve);
        inTenant(() -> db.insertInto(READINESS_SNAPSHOT)
                .set(READINESS_SNAPSHOT.TENANT_ID, tenant.uuid())
                .set(READINESS_SNAPSHOT.ID, UUID.randomUUID())
                .set(READINESS_SNAPSHOT.PERSON_ID, eve)
                .set(READINESS_SNAPSHOT.LEVEL_ID, now.levelId())
                .set(READINESS_SNAPSHOT.VERDICT, now.verdict().name())
                .set(READINESS_SNAPSHOT.SCORE, now.score())
                .set(READINESS_SNAPSHOT.READY, now.readyToday())
                .set(READINESS_SNAPSHOT.CELLS, JSONB.valueOf("{}"))
                .execute());

        assertThat(inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), now)).taken())
                .isTrue();
        assertThat(inTenant(() -> snapshots.takeIfMoved(tenant.uuid(), now)).taken())
                .isFalse();
    }

    private int history() {
        return inTenant(() -> snapshots.history(eve, Snapshots.MAX_HISTORY)).size();
    }

    private static Readiness withFirstCell(
            Readiness r, Readiness.CompetencyReadiness cell, ReadinessEngine.Status status, List<UUID> evidence) {
        Readiness.CompetencyReadiness first = new Readiness.CompetencyReadiness(
                cell.competencyId(),
                cell.key(),
                cell.required(),
                status,
                evidence,
                cell.unmet(),
                cell.missingKinds(),
                cell.selfAssessment(),
                cell.managerAssessment(),
                cell.changesOn());
        List<Readiness.CompetencyReadiness> cells = new ArrayList<>(r.competencies());
        cells.set(0, first);
        return new Readiness(
                r.personId(),
                r.versionId(),
                r.levelId(),
                r.currentLevelId(),
                r.verdict(),
                r.score(),
                r.readyToday(),
                cells,
                r.validUntil());
    }
}

package org.trellis.api.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.graphql.GlobalId;

/**
 * A snapshot is taken only when readiness says something new, decided in the database: the same readiness again
 * takes none and answers the latest's verdict and score; a changed cell (its counted evidence) takes one.
 */
class SnapshotTakingIntegrationTest extends ReadinessTestBase {

    @Autowired
    private Snapshots snapshots;

    @Autowired
    private ReadinessService readiness;

    @Autowired
    private TransactionTemplate transactions;

    private UUID eve;

    @BeforeEach
    void eveOnTheFramework() {
        organisation("snapshot-taking");
        eve = GlobalId.decode(person("eve", null, "L3"), "Person").orElseThrow();
    }

    @Test
    void theSameReadinessTakesNoSecondSnapshotAndAChangedCellTakesOne() {
        Readiness now = inTenant(() -> readiness.evaluate(List.of(eve), LocalDate.now()))
                .get(eve);
        int before = history();

        Snapshots.Taken first = inTenant(() -> snapshots.takeIfChanged(tenant.uuid(), now));
        Snapshots.Taken again = inTenant(() -> snapshots.takeIfChanged(tenant.uuid(), now));
        Readiness.CompetencyReadiness cell = now.competencies().getFirst();
        Readiness moved = withFirstCell(
                now,
                new Readiness.CompetencyReadiness(
                        cell.competencyId(),
                        cell.key(),
                        cell.required(),
                        cell.status(),
                        List.of(UUID.randomUUID()),
                        cell.unmet(),
                        cell.missingKinds(),
                        cell.selfAssessment(),
                        cell.managerAssessment(),
                        cell.changesOn()));
        Snapshots.Taken changed = inTenant(() -> snapshots.takeIfChanged(tenant.uuid(), moved));

        assertThat(first.taken()).isEqualTo(before == 0);
        assertThat(again.taken()).isFalse();
        assertThat(again.previousVerdict()).isEqualTo(now.verdict());
        assertThat(again.previousScore()).isEqualTo(now.score());
        assertThat(changed.taken()).isTrue();
        assertThat(changed.previousVerdict()).isEqualTo(now.verdict());
        assertThat(history()).isEqualTo(before + (first.taken() ? 2 : 1));
    }

    private int history() {
        return inTenant(() -> snapshots.history(eve, Snapshots.MAX_HISTORY)).size();
    }

    private static Readiness withFirstCell(Readiness r, Readiness.CompetencyReadiness first) {
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

    private <T> T inTenant(Supplier<T> work) {
        return CallerScope.inTenant(tenant.uuid(), () -> transactions.execute(status -> work.get()));
    }
}

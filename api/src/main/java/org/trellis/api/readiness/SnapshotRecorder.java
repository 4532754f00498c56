package org.trellis.api.readiness;

import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.trellis.api.evidence.EvidenceEndorsementChanged;
import org.trellis.api.frameworks.FrameworkAssigned;

/**
 * Decides readiness again whenever a write changes what it is decided from (evidence endorsed or no longer endorsed,
 * an assessment, a framework assignment), in that write's transaction: takes a snapshot when readiness moved since
 * the person's latest (level, verdict, score, readiness today or a competency's status; more evidence counted alone
 * is no move, and shows in the next snapshot and in what changed), and replaces the person's packed readiness row,
 * which dashboards read. Changes that only time brings (evidence ageing out of a window) show in the next snapshot a
 * write takes, and in the packed row from its {@code validUntil} on (it is decided again when read).
 */
@Component
class SnapshotRecorder {

    private final ReadinessService readiness;
    private final Snapshots snapshots;
    private final ReadinessSummaries summaries;
    private final ReadinessEvents events;
    private final UnmovedReadiness unmoved;

    SnapshotRecorder(
            ReadinessService readiness,
            Snapshots snapshots,
            ReadinessSummaries summaries,
            ReadinessEvents events,
            UnmovedReadiness unmoved) {
        this.readiness = readiness;
        this.snapshots = snapshots;
        this.summaries = summaries;
        this.events = events;
        this.unmoved = unmoved;
    }

    @EventListener
    void on(ReadinessInputsChanged change) {
        record(change.actor().tenant(), change.personId());
    }

    /**
     * The statement that changed the item took the person's lock (the rollup trigger, migration 031). An item newly
     * endorsed only for competencies already met leaves readiness where it was ({@link UnmovedReadiness}): nothing is
     * decided again.
     */
    @EventListener
    void on(EvidenceEndorsementChanged change) {
        if (change.endorsed()
                && unmoved.afterEndorsing(
                        change.tenantId(), change.personId(), change.evidenceId(), ReadinessService.today())) {
            return;
        }
        decide(change.tenantId(), change.personId());
    }

    @EventListener
    void on(FrameworkAssigned change) {
        record(change.tenantId(), change.personId());
    }

    private void record(UUID tenantId, UUID personId) {
        snapshots.lockPerson(tenantId, personId);
        decide(tenantId, personId);
    }

    /** Decides and records, once this transaction holds the person's readiness lock. */
    private void decide(UUID tenantId, UUID personId) {
        Readiness now =
                readiness.evaluate(List.of(personId), ReadinessService.today()).get(personId);
        if (now == null) {
            summaries.remove(personId);
            return;
        }
        Snapshots.Taken taken =
                snapshots.takeIfMoved(tenantId, now, summaries.replacing(tenantId, ReadinessSummary.of(now, 0)));
        if (taken.taken()) {
            events.readinessChanged(tenantId, now, taken);
        }
    }
}

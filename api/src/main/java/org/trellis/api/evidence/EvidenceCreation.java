package org.trellis.api.evidence;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;

/**
 * The one way evidence comes into being: manual logging, batch import, webhook capture and mentoring all end here.
 * One statement inserts the item and its competency links, and its returned row is the answer (nothing is read back);
 * then the audit entry.
 * Who may create it and from what input is the callers' concern; they run it in their transaction.
 */
@Component
class EvidenceCreation {

    private final Evidences evidence;
    private final AuditTrail audit;
    private final EvidenceEvents events;

    EvidenceCreation(Evidences evidence, AuditTrail audit, EvidenceEvents events) {
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The created evidence; empty when evidence with the item's (source, external id) exists, which the caller
     * answers as a repeat. Evidence for someone other than the caller is marked logged on their behalf.
     */
    Optional<Evidence> create(Actor actor, NewEvidence item) {
        boolean onBehalf = !item.personId().equals(actor.personId());
        Optional<Evidence> created = evidence.insert(actor.tenant(), item, onBehalf);
        created.ifPresent(row -> {
            audit.record(actor, actor.tenant(), auditAction(item.source()), "Evidence", row.id(), details(item, row));
            events.changed(actor.tenant(), row, EvidenceEvents.Change.CREATED, null);
        });
        return created;
    }

    private static String auditAction(Evidence.Source source) {
        return switch (source) {
            case MANUAL -> "evidence.logged";
            case API_IMPORT -> "evidence.imported";
            case GITHUB, PAGERDUTY, MENTORING -> "evidence.captured";
        };
    }

    private static Map<String, Object> details(NewEvidence item, Evidence row) {
        return switch (item.source()) {
            case MANUAL ->
                Map.of("person", item.personId(), "kind", item.input().kind(), "onBehalf", row.loggedOnBehalf());
            case API_IMPORT -> Map.of("person", item.personId(), "externalId", String.valueOf(item.externalId()));
            case GITHUB, PAGERDUTY, MENTORING ->
                Map.of(
                        "person",
                        item.personId(),
                        "source",
                        item.source(),
                        "externalId",
                        String.valueOf(item.externalId()));
        };
    }
}

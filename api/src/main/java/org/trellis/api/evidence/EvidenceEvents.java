package org.trellis.api.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;

/**
 * Publishes evidence's domain events in the transaction of the change: {@code evidence.changed} for every write
 * (what the review queue and a person's evidence list follow), and {@code evidence.endorsed} when it is endorsed.
 */
@Component
class EvidenceEvents {

    /** What kind of write changed the evidence, as the event's {@code change}. */
    enum Change {
        CREATED,
        UPDATED,
        TRANSITIONED
    }

    private final ApplicationEventPublisher events;

    EvidenceEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void changed(UUID tenantId, Evidence now, Change change, Evidence.@Nullable Status before) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("change", change.name());
        data.put("status", now.status().name());
        if (before != null) {
            data.put("previousStatus", before.name());
        }
        data.put("version", Integer.toString(now.version()));
        events.publishEvent(new DomainEvent(tenantId, EventType.EVIDENCE_CHANGED, now.id(), now.personId(), data));
        if (now.status() == Evidence.Status.ENDORSED && before != Evidence.Status.ENDORSED) {
            String reviewer =
                    now.reviewedById() == null ? "" : now.reviewedById().toString();
            events.publishEvent(new DomainEvent(
                    tenantId, EventType.EVIDENCE_ENDORSED, now.id(), now.personId(), Map.of("reviewedBy", reviewer)));
        }
    }
}

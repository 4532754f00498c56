package org.trellis.api.readiness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;

/**
 * Publishes readiness's domain events in the transaction of the change: {@code readiness.changed} whenever a write
 * leaves a person's readiness different from their latest snapshot, and {@code promotion_case.decided}.
 */
@Component
class ReadinessEvents {

    private final ApplicationEventPublisher events;

    ReadinessEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void readinessChanged(UUID tenantId, Readiness now, Snapshots.Taken taken) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("levelId", now.levelId().toString());
        data.put("verdict", now.verdict().name());
        data.put("score", Integer.toString(now.score()));
        data.put("ready", Boolean.toString(now.readyToday()));
        if (taken.previousVerdict() != null && taken.previousScore() != null) {
            data.put("previousVerdict", taken.previousVerdict().name());
            data.put("previousScore", Integer.toString(taken.previousScore()));
        }
        events.publishEvent(
                new DomainEvent(tenantId, EventType.READINESS_CHANGED, now.personId(), now.personId(), data));
    }

    void caseDecided(UUID tenantId, PromotionCase decided) {
        events.publishEvent(new DomainEvent(
                tenantId,
                EventType.PROMOTION_CASE_DECIDED,
                decided.id(),
                decided.personId(),
                Map.of("outcome", decided.status().name())));
    }
}

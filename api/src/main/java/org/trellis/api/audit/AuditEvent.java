package org.trellis.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change, as the schema's {@code AuditEvent}.
 *
 * @param id the event's own id (its global id's UUID)
 * @param actorRef the actor's UUID (person or service client), or the platform operator's subject
 * @param targetRef the changed object's UUID as text
 * @param sequence the order of events recorded at the same instant (the keyset's tiebreak)
 */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        String actorKind,
        String actorRef,
        String action,
        String targetType,
        String targetRef,
        String summary,
        String correlationId,
        long sequence) {}

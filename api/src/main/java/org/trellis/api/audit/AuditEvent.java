package org.trellis.api.audit;

import java.time.Instant;

/** One recorded change, as the schema's {@code AuditEvent}. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actorKind,
        String actorRef,
        String action,
        String targetType,
        String targetRef,
        String summary,
        String correlationId) {}

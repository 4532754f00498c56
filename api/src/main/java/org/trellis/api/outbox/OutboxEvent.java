package org.trellis.api.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.EventType;

/**
 * One stored domain event. {@code id} is stable: a webhook delivery's {@code webhook-id} and a subscription
 * message's id derive from it, so a redelivery is recognisable as a duplicate.
 *
 * @param seq the order of the tenant's events (increasing; gaps are possible)
 */
public record OutboxEvent(
        UUID id,
        long seq,
        EventType type,
        UUID subjectId,
        @Nullable UUID personId,
        Map<String, String> data,
        Instant occurredAt) {}

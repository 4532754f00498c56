package org.trellis.api.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event for one subscription, in the delivery log.
 *
 * @param eventId the outbox event: {@code webhook-id} is {@code msg_} and this id, on every attempt and replay
 * @param payload the exact body POSTed (ids and states only)
 * @param attempts attempts started so far
 * @param nextAttemptAt while pending, when it is tried next (or, while an attempt runs, when that attempt's lease ends)
 * @param lastError a short description of the last failure, or an excerpt of the receiver's answer (truncated)
 */
record WebhookDelivery(
        UUID id,
        UUID subscriptionId,
        UUID eventId,
        String eventType,
        String payload,
        Status status,
        int attempts,
        Instant queuedAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastResponseCode,
        @Nullable String lastError,
        @Nullable Instant finishedAt,
        Instant createdAt) {

    public String webhookId() {
        return messageId(eventId);
    }

    static String messageId(UUID eventId) {
        return "msg_" + eventId;
    }

    /** Where a delivery stands. */
    enum Status {
        /** Waiting for its next attempt, or being attempted. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Given up: retried for the whole retry period, or its subscription was disabled. */
        FAILED
    }
}

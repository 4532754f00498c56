package org.trellis.api.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.EventType;

/**
 * Where a tenant's domain events of some types are POSTed.
 *
 * @param previousSecretValidUntil until when the secret before the last rotation still signs, beside the current one
 * @param disabledReason why it was disabled: ADMIN, GONE (the receiver answered 410) or FAILING (a delivery failed
 *     for the whole retry period)
 */
record WebhookSubscription(
        UUID id,
        String url,
        String description,
        List<EventType> eventTypes,
        String secretHint,
        Instant createdAt,
        @Nullable Instant rotatedAt,
        @Nullable Instant previousSecretValidUntil,
        @Nullable Instant disabledAt,
        @Nullable String disabledReason) {

    public boolean enabled() {
        return disabledAt == null;
    }
}

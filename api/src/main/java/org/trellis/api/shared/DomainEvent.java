package org.trellis.api.shared;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a tenant, published with Spring's event publisher inside the transaction of the change;
 * the outbox stores it in that transaction, so it is delivered (webhooks, subscriptions) only if the change commits.
 *
 * @param subjectId what it happened to (the evidence, mentorship, case or person)
 * @param personId whose it is, for audiences scoped to a person (the evidence's owner, the mentee, the candidate)
 * @param data ids, states and numbers only: never names, emails or free text, so erasing a person never has to
 *     rewrite the outbox or webhook deliveries
 */
public record DomainEvent(
        UUID tenantId,
        EventType type,
        UUID subjectId,
        @Nullable UUID personId,
        Map<String, String> data) {

    public DomainEvent {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(subjectId);
        data = Map.copyOf(data);
    }
}

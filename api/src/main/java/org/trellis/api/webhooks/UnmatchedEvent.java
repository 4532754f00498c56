package org.trellis.api.webhooks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.evidence.Evidence;

/** Captured work not yet attributed, as the schema's {@code UnmatchedEvent}. */
public record UnmatchedEvent(
        UUID id,
        UUID endpointId,
        WebhookProvider provider,
        String account,
        @Nullable String accountName,
        Evidence.Kind kind,
        String title,
        String description,
        @Nullable String link,
        LocalDate occurredOn,
        String externalId,
        Reason reason,
        Status status,
        @Nullable UUID personId,
        @Nullable UUID evidenceId,
        @Nullable Instant resolvedAt,
        Instant createdAt) {

    /** Why it is waiting. */
    public enum Reason {
        /** No one is linked to the account. */
        UNKNOWN_ACCOUNT,
        /** The person's framework version has no competency for this kind of work. */
        NO_COMPETENCY
    }

    /** Where it stands. */
    public enum Status {
        PENDING,
        MAPPED,
        DISMISSED
    }

    Observation observation() {
        return new Observation(
                new Account(account, accountName),
                kind,
                switch (kind) {
                    case CODE_REVIEW -> GitHubEvents.CODE_REVIEW;
                    case DELIVERY -> GitHubEvents.DELIVERY;
                    default -> PagerDutyEvents.INCIDENT_RESPONSE;
                },
                title,
                description,
                occurredOn,
                link,
                externalId,
                kind == Evidence.Kind.DELIVERY);
    }
}

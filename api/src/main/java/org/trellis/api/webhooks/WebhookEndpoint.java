package org.trellis.api.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's webhook endpoint, as the schema's {@code WebhookEndpoint} (the secret itself never leaves). */
public record WebhookEndpoint(
        UUID id,
        UUID tenantId,
        WebhookProvider provider,
        String name,
        String secretHint,
        Instant createdAt,
        @Nullable Instant rotatedAt,
        @Nullable Instant previousSecretValidUntil,
        @Nullable Instant disabledAt,
        @Nullable Instant lastDeliveryAt) {

    /** Where the provider posts deliveries: the tenant and endpoint ids, unguessable only together with the secret. */
    public String path() {
        return "/webhooks/" + key(tenantId, id);
    }

    static String key(UUID tenantId, UUID endpointId) {
        return tenantId.toString().replace("-", "") + endpointId.toString().replace("-", "");
    }
}

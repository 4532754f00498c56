package org.trellis.api.scim;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A SCIM bearer credential of a tenant, as the schema's {@code ScimCredential}; the secret itself is never kept. */
public record ScimCredential(
        UUID id,
        UUID tenantId,
        String name,
        String secretHint,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}

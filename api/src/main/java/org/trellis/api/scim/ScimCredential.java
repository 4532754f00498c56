package org.trellis.api.scim;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM bearer credential of a tenant, as the schema's {@code ScimCredential}; the secret itself is never kept.
 *
 * @param identityProviderId the identity provider the people it provisions sign in with: their {@code externalId}
 *     is that provider's subject, so their first sign-in through it links to them. Null: unbound, its people are
 *     linked only by a tenant admin or a trusted verified email.
 */
public record ScimCredential(
        UUID id,
        UUID tenantId,
        String name,
        @Nullable UUID identityProviderId,
        String secretHint,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}

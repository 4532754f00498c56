package org.trellis.api.tenancy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A machine client of an identity provider, as the schema's {@code ServiceClient}. */
public record ServiceClient(
        UUID id,
        UUID tenantId,
        UUID identityProviderId,
        String subject,
        String name,
        Set<String> scopes,
        IdentityProvider.Status status,
        Instant createdAt) {}

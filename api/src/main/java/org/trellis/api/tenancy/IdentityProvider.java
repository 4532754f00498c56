package org.trellis.api.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's registered token issuer, as the schema's {@code IdentityProvider}. */
public record IdentityProvider(
        UUID id,
        UUID tenantId,
        String displayName,
        String issuer,
        @Nullable String jwkSetUri,
        String audience,
        ClaimMappings claimMappings,
        List<RoleMapping> roleMappings,
        SignInPolicy signInPolicy,
        Status status,
        @Nullable Instant keysRotatedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** As the schema's {@code IdentityProviderStatus}; service clients share it. */
    public enum Status {
        ACTIVE,
        DISABLED
    }
}

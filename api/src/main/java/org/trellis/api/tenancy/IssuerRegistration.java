package org.trellis.api.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What authentication needs to know about a registered issuer. Equal registrations share one cached decoder, so
 * {@code keysRotatedAt} is part of it: a rotation yields a new decoder with freshly fetched keys.
 */
record IssuerRegistration(
        UUID tenantId,
        UUID identityProviderId,
        String issuer,
        @Nullable String jwkSetUri,
        String audience,
        ClaimMappings claimMappings,
        List<RoleMapping> roleMappings,
        boolean active,
        @Nullable Instant keysRotatedAt,
        SignInPolicy signInPolicy) {}

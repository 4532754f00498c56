package org.trellis.api.tenancy;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What authentication needs to know about a registered issuer. */
record IssuerRegistration(
        UUID tenantId,
        UUID identityProviderId,
        String issuer,
        @Nullable String jwkSetUri,
        String audience,
        ClaimMappings claimMappings,
        List<RoleMapping> roleMappings,
        boolean active) {}

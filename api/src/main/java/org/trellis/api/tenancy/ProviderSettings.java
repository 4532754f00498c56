package org.trellis.api.tenancy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Validated settings of an identity provider. */
record ProviderSettings(
        String displayName,
        String issuer,
        @Nullable String jwkSetUri,
        String audience,
        ClaimMappings claimMappings,
        List<RoleMapping> roleMappings,
        SignInPolicy signInPolicy) {}

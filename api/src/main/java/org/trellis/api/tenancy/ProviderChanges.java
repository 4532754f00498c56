package org.trellis.api.tenancy;

import java.util.List;
import org.trellis.api.shared.Change;

/**
 * Changes to an identity provider ({@link Change}): a field not given stays; null clears {@code jwkSetUri} (OpenID
 * Connect discovery) and {@code roleMappings} (none), and is REQUIRED for the fields that always have a value.
 */
record ProviderChanges(
        Change<String> displayName,
        Change<String> jwkSetUri,
        Change<String> audience,
        Change<ClaimMappingsInput> claimMappings,
        Change<List<RoleMapping>> roleMappings,
        Change<SignInPolicies.Input> signInPolicy) {}

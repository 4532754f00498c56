package org.trellis.api.people;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/**
 * What a verified token says about a person, with its provider's sign-in policy.
 *
 * @param emailVerified whether the token says {@code email_verified: true}
 * @param mappedRoles roles from the provider's role mappings (empty when it maps none)
 * @param linkByVerifiedEmail whether the provider is trusted to link sign-ins to unlinked people by verified email
 * @param provisionJustInTime whether a sign-in that matches nobody creates a person
 */
public record SignIn(
        UUID tenantId,
        UUID identityProviderId,
        String subject,
        @Nullable String email,
        boolean emailVerified,
        @Nullable String displayName,
        Set<Role> mappedRoles,
        boolean linkByVerifiedEmail,
        boolean provisionJustInTime) {}

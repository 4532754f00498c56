package org.trellis.api.people;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/**
 * What a verified token says about a person.
 *
 * @param mappedRoles roles from the provider's role mappings, or null when the provider maps none (then the roles
 *     kept in Trellis stand)
 */
public record SignIn(
        UUID tenantId,
        UUID identityProviderId,
        String subject,
        @Nullable String email,
        @Nullable String displayName,
        @Nullable Set<Role> mappedRoles) {}

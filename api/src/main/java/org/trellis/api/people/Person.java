package org.trellis.api.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.Role;

/**
 * A person as one caller may see them, as the schema's {@code Person}. The basic profile is visible to every
 * colleague; the details ({@code email}, {@code userName}, {@code timeZone}, {@code roles}) are null unless
 * {@code detailed}: for the person themselves, their management chain, tenant admins and clients with
 * {@code people:read}.
 *
 * @param roles effective roles: ENGINEER, {@code grantedRoles} and {@code identityProviderRoles} together
 * @param grantedRoles roles tenant admins granted in Trellis
 * @param identityProviderRoles roles the identity provider's role mappings gave at the last sign-in
 * @param profileSource who owns the profile (internal; never hidden, never shown)
 * @param scimDeleted whether the identity provider deleted the person through SCIM: kept, deactivated, for history;
 *     SCIM no longer sees them (internal; never hidden, never shown)
 */
public record Person(
        UUID id,
        UUID tenantId,
        String displayName,
        @Nullable String title,
        PersonStatus status,
        @Nullable UUID managerId,
        Instant createdAt,
        boolean detailed,
        @Nullable String email,
        @Nullable String userName,
        @Nullable String externalId,
        @Nullable String timeZone,
        @Nullable Set<Role> roles,
        @Nullable Set<Role> grantedRoles,
        @Nullable Set<Role> identityProviderRoles,
        ProfileSource profileSource,
        boolean scimDeleted) {

    /** The same person without the details. */
    Person basic() {
        return new Person(
                id,
                tenantId,
                displayName,
                title,
                status,
                managerId,
                createdAt,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                profileSource,
                scimDeleted);
    }
}

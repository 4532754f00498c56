package org.trellis.api.shared;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The verified caller of a request. Built only from a token whose signature, issuer and audience were checked
 * against the issuer registry; the tenant comes from that registry, never from the token's own claims.
 *
 * @param kind person, service client or platform operator
 * @param tenantId the tenant the issuer is registered to; null for platform operators
 * @param personId the person, for {@link ActorKind#PERSON}
 * @param serviceClientId the service client, for {@link ActorKind#SERVICE_CLIENT}
 * @param subject the token subject
 * @param roles effective roles
 * @param scopes effective scopes (service clients only)
 */
public record Actor(
        ActorKind kind,
        @Nullable UUID tenantId,
        @Nullable UUID personId,
        @Nullable UUID serviceClientId,
        String subject,
        Set<Role> roles,
        Set<String> scopes) {

    public Actor {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public static Actor platformOperator(String subject) {
        return new Actor(
                ActorKind.PLATFORM_OPERATOR, null, null, null, subject, Set.of(Role.PLATFORM_OPERATOR), Set.of());
    }

    public boolean isPlatformOperator() {
        return kind == ActorKind.PLATFORM_OPERATOR;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The caller's tenant; platform operators have none and are refused. */
    public UUID tenant() {
        if (tenantId == null) {
            throw new ForbiddenException("This operation needs a tenant member's token.");
        }
        return tenantId;
    }

    /** Refuses unless the caller has one of the roles. */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new ForbiddenException("Your role does not allow this operation.");
    }

    /** True for tenant admins of the given tenant and for platform operators. */
    public boolean administers(UUID tenant) {
        return isPlatformOperator() || (hasRole(Role.TENANT_ADMIN) && tenant.equals(tenantId));
    }
}

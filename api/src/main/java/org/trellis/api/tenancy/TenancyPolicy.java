package org.trellis.api.tenancy;

import java.util.UUID;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;

/**
 * Who manages a tenant's sign-in: its identity providers and service clients. Tenant admins of that tenant and
 * platform operators; nobody else, whatever their scopes.
 */
final class TenancyPolicy {

    private TenancyPolicy() {}

    static boolean mayManageSignIn(Actor actor, UUID tenantId) {
        return actor.administers(tenantId);
    }

    static void requireManageIdentityProviders(Actor actor, UUID tenantId) {
        if (!mayManageSignIn(actor, tenantId)) {
            throw new ForbiddenException("Only tenant admins and platform operators manage identity providers.");
        }
    }

    static void requireManageServiceClients(Actor actor, UUID tenantId) {
        if (!mayManageSignIn(actor, tenantId)) {
            throw new ForbiddenException("Only tenant admins and platform operators manage service clients.");
        }
    }
}

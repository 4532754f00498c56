package org.trellis.api.scim;

import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

/**
 * Who manages SCIM credentials: tenant admins of their own tenant only (a credential provisions the tenant's people,
 * so no client scope and no platform operator reaches it). What a credential itself may do is fixed: it acts with
 * {@code people:read} and {@code people:write}.
 */
final class ScimPolicy {

    private ScimPolicy() {}

    static boolean mayManageCredentials(Actor actor) {
        return actor.tenantId() != null && actor.hasRole(Role.TENANT_ADMIN);
    }

    static void requireManageCredentials(Actor actor) {
        actor.tenant();
        if (!mayManageCredentials(actor)) {
            throw new ForbiddenException("Your role does not allow this operation.");
        }
    }
}

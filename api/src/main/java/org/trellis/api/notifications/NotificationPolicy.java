package org.trellis.api.notifications;

import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

/**
 * Who administers outbound webhooks (subscriptions, their secrets and the delivery log): tenant admins of their own
 * tenant. Service clients are refused: no scope grants administration (the scopes are read/write of people,
 * frameworks and evidence), and a subscription sends every matching event of the tenant, more than any of them
 * reads. Platform operators have no tenant.
 */
final class NotificationPolicy {

    private NotificationPolicy() {}

    static boolean canAdminister(Actor actor) {
        return actor.tenantId() != null && actor.hasRole(Role.TENANT_ADMIN);
    }

    /** Refuses unless {@link #canAdminister}: FORBIDDEN, before anything is read. */
    static void requireAdmin(Actor actor) {
        actor.tenant();
        if (!canAdminister(actor)) {
            throw new ForbiddenException("Only tenant admins manage outbound webhooks.");
        }
    }
}

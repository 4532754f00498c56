package org.trellis.api.webhooks;

import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

/**
 * Who administers webhooks: endpoints (their secrets decide which deliveries become someone's evidence) and the
 * unmatched-events queue (mapping an event links an account to a person). Tenant admins of their own tenant only: no
 * other role and no client scope reaches them, and platform operators have no tenant. Deliveries themselves are
 * authenticated by their signature, not by this policy.
 */
final class WebhookPolicy {

    private WebhookPolicy() {}

    static boolean canAdminister(Actor actor) {
        return actor.tenantId() != null && actor.hasRole(Role.TENANT_ADMIN);
    }

    /** Refuses unless {@link #canAdminister}: FORBIDDEN, before anything is read. */
    static void requireAdmin(Actor actor) {
        actor.tenant();
        if (!canAdminister(actor)) {
            throw new ForbiddenException("Only tenant admins manage webhook endpoints and unmatched events.");
        }
    }
}

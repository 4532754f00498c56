package org.trellis.api.people;

import java.util.Set;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/**
 * Who may read and change people. Reading needs membership of the tenant (clients: {@code people:read}); changing
 * profiles needs a tenant admin or a {@code people:write} client. Granting or removing roles and linking sign-in
 * (identity-provider) accounts decide who a token becomes and what it may do, so they need a tenant admin who is a
 * person: no client scope reaches them.
 */
final class PeoplePolicy {

    private PeoplePolicy() {}

    static void requireRead(Actor actor) {
        actor.tenant();
        if (actor.kind() == ActorKind.SERVICE_CLIENT && !actor.scopes().contains(Scopes.PEOPLE_READ)) {
            throw new ForbiddenException("This client lacks the people:read scope.");
        }
    }

    static void requireWrite(Actor actor) {
        actor.tenant();
        if (!mayWrite(actor)) {
            throw new ForbiddenException("Only tenant admins (or clients with people:write) change people.");
        }
    }

    static boolean mayWrite(Actor actor) {
        boolean client =
                actor.kind() == ActorKind.SERVICE_CLIENT && actor.scopes().contains(Scopes.PEOPLE_WRITE);
        return client || isAdminPerson(actor);
    }

    /** Refuses a change of granted roles unless a tenant admin (a person) makes it. */
    static void requireRoleChange(Actor actor, Set<Role> before, Set<Role> after) {
        if (!before.equals(after) && !isAdminPerson(actor)) {
            throw new ForbiddenException("Only a tenant admin grants or removes roles.");
        }
    }

    /** Refuses linking or unlinking a sign-in account unless a tenant admin (a person) does it. */
    static void requireSignInAccountChange(Actor actor, ExternalAccount.Provider provider) {
        if (provider == ExternalAccount.Provider.IDENTITY_PROVIDER && !isAdminPerson(actor)) {
            throw new ForbiddenException("Only a tenant admin links or unlinks sign-in accounts.");
        }
    }

    private static boolean isAdminPerson(Actor actor) {
        return actor.kind() == ActorKind.PERSON && actor.hasRole(Role.TENANT_ADMIN);
    }
}

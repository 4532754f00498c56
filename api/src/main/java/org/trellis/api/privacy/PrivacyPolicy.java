package org.trellis.api.privacy;

import java.util.List;
import java.util.UUID;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.Role;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/**
 * Who may exercise personal data rights and set retention: the tenant's admins (people, not service clients,
 * whatever their scopes), inside their own tenant (RLS keeps them there). Erasure is refused for oneself: a tenant
 * needs an admin left who can sign in, and another admin must decide.
 */
final class PrivacyPolicy {

    private PrivacyPolicy() {}

    /** Export, erasure and retention settings: tenant admins only. */
    static boolean mayManagePersonalData(Actor actor) {
        return actor.kind() == ActorKind.PERSON && actor.tenantId() != null && actor.hasRole(Role.TENANT_ADMIN);
    }

    /** Refuses callers that are not tenant admins (platform operators: no tenant). */
    static UUID requireAdmin(Actor actor) {
        UUID tenant = actor.tenant();
        if (!mayManagePersonalData(actor)) {
            throw new ForbiddenException("Only tenant admins manage personal data and retention.");
        }
        return tenant;
    }

    /** Refuses erasing oneself, and a confirmation that does not repeat the person's id. */
    static void requireErasable(Actor actor, UUID person, UUID confirmation) {
        if (!person.equals(confirmation)) {
            throw InvalidInputException.of(new UserError(
                    List.of("input", "confirmPersonId"), "Repeat the person's id to confirm erasure.", Code.INVALID));
        }
        if (person.equals(actor.personId())) {
            throw new ConflictException("You cannot erase yourself: ask another tenant admin.", "input", "personId");
        }
    }
}

package org.trellis.api.frameworks;

import java.util.Locale;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/**
 * The framework rules, in one place. Every tenant member reads frameworks, and service clients with {@code
 * frameworks:read}; tenant admins import, edit drafts, publish, retire and assign. Only drafts change; only
 * published versions are assigned. Each {@code canX} is the pure decision; each {@code requireX} refuses with the
 * answer the API gives (a caller without a tenant, such as a platform operator, is refused first).
 */
final class FrameworkPolicy {

    private FrameworkPolicy() {}

    /** A version's lifecycle: draft → published → retired. */
    enum Transition {
        PUBLISH,
        RETIRE
    }

    static boolean canRead(Actor actor) {
        return actor.tenantId() != null
                && (actor.kind() != ActorKind.SERVICE_CLIENT || actor.scopes().contains(Scopes.FRAMEWORKS_READ));
    }

    static void requireRead(Actor actor) {
        actor.tenant();
        if (!canRead(actor)) {
            throw new ForbiddenException("This client lacks the frameworks:read scope.");
        }
    }

    /**
     * Competencies reached through another feature's object the caller may already see (a goal, a piece of
     * evidence, a person's assignment): any caller of the tenant, with no separate frameworks permission.
     */
    static void requireReadLinked(Actor actor) {
        actor.tenant();
    }

    /** Importing, instantiating the template, editing drafts, publishing and retiring: tenant admins. */
    static boolean canEdit(Actor actor) {
        return actor.tenantId() != null && actor.hasRole(Role.TENANT_ADMIN);
    }

    static void requireEdit(Actor actor) {
        actor.tenant();
        actor.require(Role.TENANT_ADMIN);
    }

    /** Who is measured against which version: tenant admins. */
    static boolean canAssign(Actor actor) {
        return canEdit(actor);
    }

    static void requireAssign(Actor actor) {
        requireEdit(actor);
    }

    /** Published and retired versions never change. */
    static boolean editable(FrameworkVersion.Status status) {
        return status == FrameworkVersion.Status.DRAFT;
    }

    static void requireEditable(FrameworkVersion version) {
        if (!editable(version.status())) {
            throw new ConflictException(
                    "Published and retired versions are immutable: create a draft to change them.",
                    "input",
                    "versionId");
        }
    }

    /** Only a published version is assigned to people. */
    static boolean assignable(FrameworkVersion.Status status) {
        return status == FrameworkVersion.Status.PUBLISHED;
    }

    /** The status a transition needs. */
    static FrameworkVersion.Status from(Transition transition) {
        return switch (transition) {
            case PUBLISH -> FrameworkVersion.Status.DRAFT;
            case RETIRE -> FrameworkVersion.Status.PUBLISHED;
        };
    }

    /** The status a transition leads to, or a CONFLICT naming the one status it starts from. */
    static FrameworkVersion.Status next(FrameworkVersion.Status current, Transition transition) {
        FrameworkVersion.Status to = switch (transition) {
            case PUBLISH -> FrameworkVersion.Status.PUBLISHED;
            case RETIRE -> FrameworkVersion.Status.RETIRED;
        };
        FrameworkVersion.Status from = from(transition);
        if (current != from) {
            throw new ConflictException(
                    "Only " + from.name().toLowerCase(Locale.ROOT) + " versions can become "
                            + to.name().toLowerCase(Locale.ROOT) + ".",
                    "input",
                    "id");
        }
        return to;
    }
}

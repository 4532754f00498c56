package org.trellis.api.readiness;

import java.util.Set;
import java.util.UUID;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.Role;

/**
 * Who may see and change readiness, assessments, promotion cases and dashboards. Readiness, assessments and cases are
 * the person's, their management chain's and tenant admins' (the people who see the person's details); service
 * clients see none of it. Self-assessments are the person's own; manager assessments are their management chain's.
 * Managers in the chain nominate; tenant admins and the promotion committee review and decide, and see every open
 * case. Assessment cycles and readiness policies are tenant admins'.
 */
final class ReadinessPolicy {

    private ReadinessPolicy() {}

    static boolean canSee(Actor actor, Person person) {
        return actor.kind() == ActorKind.PERSON && person.detailed();
    }

    static boolean isPersonCaller(Actor actor) {
        return actor.kind() == ActorKind.PERSON;
    }

    static boolean isCommittee(Actor actor) {
        return actor.kind() == ActorKind.PERSON
                && (actor.hasRole(Role.TENANT_ADMIN) || actor.hasRole(Role.PROMOTION_COMMITTEE));
    }

    static boolean isAdmin(Actor actor) {
        return actor.kind() == ActorKind.PERSON && actor.hasRole(Role.TENANT_ADMIN);
    }

    /** A case is seen by whoever sees the person's readiness, and by the committee. */
    static boolean canSeeCase(Actor actor, Person person) {
        return canSee(actor, person) || isCommittee(actor);
    }

    static void requireAssess(Actor actor, Assessment.Kind kind, UUID personId, Set<UUID> reports) {
        requirePerson(actor);
        boolean allowed = switch (kind) {
            case SELF -> personId.equals(actor.personId());
            case MANAGER -> reports.contains(personId);
        };
        if (!allowed) {
            throw new ForbiddenException(
                    kind == Assessment.Kind.SELF
                            ? "Only the person makes their self-assessment."
                            : "Only the person's managers make the manager assessment.");
        }
    }

    static void requireNominate(Actor actor, UUID personId, Set<UUID> reports) {
        requirePerson(actor);
        if (personId.equals(actor.personId())) {
            throw new ForbiddenException("Nobody nominates themselves.");
        }
        if (!reports.contains(personId) && !isAdmin(actor)) {
            throw new ForbiddenException("Only the person's managers and tenant admins nominate for promotion.");
        }
    }

    static void requireCommittee(Actor actor) {
        if (!isCommittee(actor)) {
            throw new ForbiddenException("Only tenant admins and the promotion committee do this.");
        }
    }

    /** Reviewing and deciding a case: the committee or tenant admins, never on their own case. */
    static void requireDecide(Actor actor, UUID subjectId) {
        requireCommittee(actor);
        if (subjectId.equals(actor.personId())) {
            throw new ForbiddenException("Nobody reviews or decides their own promotion case.");
        }
    }

    /** A team's dashboard: tenant admins, and whoever manages the team or a team above it ({@code managesTeam}). */
    static void requireDashboard(Actor actor, boolean managesTeam) {
        requirePerson(actor);
        if (!isAdmin(actor) && !managesTeam) {
            throw new ForbiddenException(
                    "Only the team's managers, managers of a team above it and tenant admins see its dashboard.");
        }
    }

    static void requireAdmin(Actor actor) {
        if (!isAdmin(actor)) {
            throw new ForbiddenException("Only tenant admins do this.");
        }
    }

    static void requirePerson(Actor actor) {
        actor.tenant();
        if (actor.kind() != ActorKind.PERSON) {
            throw new ForbiddenException("Readiness is for people; service clients cannot use it.");
        }
    }
}

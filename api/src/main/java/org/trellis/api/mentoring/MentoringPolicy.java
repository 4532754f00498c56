package org.trellis.api.mentoring;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Role;

/**
 * The mentoring rules, in one place: every authorization decision of the feature and the lifecycle's states.
 * {@code reports} is everyone below the caller in the reporting line. A pairing is seen by the pair, both people's
 * management chains and tenant admins; only the pair works in it (goals, sessions, notes), and only while it is
 * active; a private note is only ever read by its author (enforced by reading notes by author). Each {@code canX}
 * is the pure decision; each {@code requireX} refuses with the answer the API gives.
 */
final class MentoringPolicy {

    private MentoringPolicy() {}

    /** The lifecycle's transitions. */
    enum Transition {
        ACCEPT,
        DECLINE,
        COMPLETE,
        END
    }

    /** Mentoring is for people: the caller's person id, or FORBIDDEN for service clients (and no tenant). */
    static UUID requirePerson(Actor actor) {
        actor.tenant();
        if (actor.personId() == null) {
            throw new ForbiddenException("Mentoring is for people, not service clients.");
        }
        return actor.personId();
    }

    static boolean canSee(Actor actor, Mentorship mentorship, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN)
                || mentorship.involves(actor.personId())
                || reports.contains(mentorship.mentorId())
                || reports.contains(mentorship.menteeId());
    }

    /** A pairing the caller may not see does not exist for them. */
    static void requireSee(Actor actor, Mentorship mentorship, Set<UUID> reports) {
        if (!canSee(actor, mentorship, reports)) {
            throw new NotFoundException("Mentorship");
        }
    }

    /** Tenant admins, the mentee's managers, and the mentee themselves propose a pairing. */
    static boolean canPropose(Actor actor, UUID mentee, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN) || mentee.equals(actor.personId()) || reports.contains(mentee);
    }

    static void requirePropose(Actor actor, UUID mentee, Set<UUID> reports) {
        if (!canPropose(actor, mentee, reports)) {
            throw new ForbiddenException(
                    "Pairings are proposed by tenant admins, the mentee's managers or the mentee.");
        }
    }

    /** Mentor suggestions for a mentee: whoever may propose a pairing for them. */
    static void requireSuggest(Actor actor, UUID mentee, Set<UUID> reports) {
        if (!canPropose(actor, mentee, reports)) {
            throw new ForbiddenException("Suggestions are for the mentee, their managers and tenant admins.");
        }
    }

    /** Who may move a pairing along: the mentor answers a proposal; the pair and those who see it finish it. */
    static boolean canApply(Actor actor, Mentorship mentorship, Transition transition, Set<UUID> reports) {
        return switch (transition) {
            case ACCEPT, DECLINE -> mentorship.mentorId().equals(actor.personId());
            case COMPLETE, END -> canSee(actor, mentorship, reports);
        };
    }

    static void requireApply(Actor actor, Mentorship mentorship, Transition transition, Set<UUID> reports) {
        if (!canApply(actor, mentorship, transition, reports)) {
            throw new ForbiddenException(
                    transition == Transition.ACCEPT || transition == Transition.DECLINE
                            ? "Only the proposed mentor answers a proposal."
                            : "You may not finish this pairing.");
        }
    }

    /** Goals, sessions, actions and notes belong to the pair. */
    static boolean canWorkIn(Actor actor, Mentorship mentorship) {
        return mentorship.involves(actor.personId());
    }

    static void requireWorkIn(Actor actor, Mentorship mentorship) {
        if (!canWorkIn(actor, mentorship)) {
            throw new ForbiddenException("Only the mentor and mentee work in a pairing.");
        }
    }

    /**
     * Goals, sessions and actions change only in an active pairing; the rest is history. {@code field} is the input
     * that led to the pairing.
     */
    static void requireActive(Mentorship mentorship, String... field) {
        if (mentorship.status() != Mentorship.Status.ACTIVE) {
            throw new ConflictException(
                    "Goals and sessions belong to active pairings; this one is "
                            + mentorship.status().name().toLowerCase(Locale.ROOT) + ".",
                    field);
        }
    }

    /**
     * Only the mentee logs their achieved goal as evidence: the mentor may review the mentee's evidence, so they
     * must not also be the one who creates it.
     */
    static boolean canLogGoalEvidence(Actor actor, Mentorship mentorship) {
        return mentorship.menteeId().equals(actor.personId());
    }

    static void requireLogGoalEvidence(Actor actor, Mentorship mentorship) {
        if (!canLogGoalEvidence(actor, mentorship)) {
            throw new ForbiddenException("Only the mentee logs their achieved goal as evidence.");
        }
    }

    /** A person's mentoring capacity and load: themselves, their managers, tenant admins. */
    static boolean canManageMentor(Actor actor, UUID mentor, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN) || mentor.equals(actor.personId()) || reports.contains(mentor);
    }

    static void requireManageMentor(Actor actor, UUID mentor, Set<UUID> reports) {
        if (!canManageMentor(actor, mentor, reports)) {
            throw new ForbiddenException("A mentor's load is managed by them, their managers and tenant admins.");
        }
    }

    /** Goals move once: from open to achieved or dropped. */
    static void checkGoalMove(MentoringGoal.Status from, MentoringGoal.Status to) {
        if (from != MentoringGoal.Status.OPEN || to == MentoringGoal.Status.OPEN) {
            throw new ConflictException(
                    "A goal that is " + from.name().toLowerCase(Locale.ROOT) + " cannot become "
                            + to.name().toLowerCase(Locale.ROOT) + ": open goals are achieved or dropped, once.",
                    "input",
                    "id");
        }
    }

    /** The status a transition leads to, or a CONFLICT naming why it cannot happen. */
    static Mentorship.Status next(Mentorship.Status from, Transition transition) {
        Mentorship.Status to = switch (transition) {
            case ACCEPT -> from == Mentorship.Status.PROPOSED ? Mentorship.Status.ACTIVE : null;
            case DECLINE -> from == Mentorship.Status.PROPOSED ? Mentorship.Status.DECLINED : null;
            case COMPLETE -> from == Mentorship.Status.ACTIVE ? Mentorship.Status.COMPLETED : null;
            case END -> from == Mentorship.Status.ACTIVE ? Mentorship.Status.ENDED : null;
        };
        if (to == null) {
            throw new ConflictException(
                    "A mentorship that is " + from.name().toLowerCase(Locale.ROOT) + " cannot be "
                            + switch (transition) {
                                case ACCEPT -> "accepted";
                                case DECLINE -> "declined";
                                case COMPLETE -> "completed";
                                case END -> "ended";
                            }
                            + (from == Mentorship.Status.LAPSED
                                    ? ": the mentor did not answer before the deadline."
                                    : "."),
                    "input",
                    "id");
        }
        return to;
    }
}

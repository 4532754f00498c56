package org.trellis.api.mentoring;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.Role;

/**
 * The mentoring rules, in one place. {@code reports} is everyone below the caller in the reporting line. A
 * pairing is seen by the pair, both people's management chains and tenant admins; only the pair works in it
 * (goals, sessions, notes); a private note is only ever read by its author (enforced by reading notes by author).
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

    static boolean canSee(Actor actor, Mentorship mentorship, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN)
                || mentorship.involves(actor.personId())
                || reports.contains(mentorship.mentorId())
                || reports.contains(mentorship.menteeId());
    }

    /** Tenant admins, the mentee's managers, and the mentee themselves propose a pairing. */
    static boolean canPropose(Actor actor, UUID mentee, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN) || mentee.equals(actor.personId()) || reports.contains(mentee);
    }

    /** Who may move a pairing along: the mentor answers a proposal; the pair and those who see it finish it. */
    static boolean canApply(Actor actor, Mentorship mentorship, Transition transition, Set<UUID> reports) {
        return switch (transition) {
            case ACCEPT, DECLINE -> mentorship.mentorId().equals(actor.personId());
            case COMPLETE, END -> canSee(actor, mentorship, reports);
        };
    }

    /** Goals, sessions, actions and notes belong to the pair. */
    static boolean canWorkIn(Actor actor, Mentorship mentorship) {
        return mentorship.involves(actor.personId());
    }

    /** A person's mentoring capacity and load: themselves, their managers, tenant admins. */
    static boolean canManageMentor(Actor actor, UUID mentor, Set<UUID> reports) {
        return actor.hasRole(Role.TENANT_ADMIN) || mentor.equals(actor.personId()) || reports.contains(mentor);
    }

    /** Goals move once: from open to achieved or dropped. */
    static void checkGoalMove(MentoringGoal.Status from, MentoringGoal.Status to) {
        if (from != MentoringGoal.Status.OPEN || to == MentoringGoal.Status.OPEN) {
            throw new ConflictException("A goal that is " + from.name().toLowerCase(Locale.ROOT) + " cannot become "
                    + to.name().toLowerCase(Locale.ROOT) + ": open goals are achieved or dropped, once.");
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
            throw new ConflictException("A mentorship that is " + from.name().toLowerCase(Locale.ROOT) + " cannot be "
                    + switch (transition) {
                        case ACCEPT -> "accepted";
                        case DECLINE -> "declined";
                        case COMPLETE -> "completed";
                        case END -> "ended";
                    }
                    + (from == Mentorship.Status.LAPSED ? ": the mentor did not answer before the deadline." : "."));
        }
        return to;
    }
}

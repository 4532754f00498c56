package org.trellis.api.evidence;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.Role;
import org.trellis.api.shared.Scopes;

/**
 * The evidence rules, in one place: who sees, logs, edits and reviews evidence, and which transitions the workflow
 * allows. {@link Relations} holds who the caller is to others: everyone below them in the reporting line, and the
 * people they actively mentor. The person's management chain and active mentors see and review evidence; only the
 * management chain logs it on their behalf.
 */
final class EvidencePolicy {

    private EvidencePolicy() {}

    /** The workflow's transitions. */
    enum Transition {
        SUBMIT,
        ENDORSE,
        REQUEST_CHANGES,
        REJECT,
        WITHDRAW
    }

    /**
     * Who the caller is to others: their reports (direct and indirect) and their active mentees. Each is looked up
     * when a rule first asks for it, at most once: the rules ask only when the caller is not the person, so most of
     * a person's own actions look up neither.
     */
    static final class Relations {

        static final Relations NONE = new Relations(Set.of(), Set.of());

        private final Supplier<Set<UUID>> reports;
        private final Supplier<Set<UUID>> mentees;

        Relations(Set<UUID> reports, Set<UUID> mentees) {
            this(() -> reports, () -> mentees);
        }

        Relations(Supplier<Set<UUID>> reports, Supplier<Set<UUID>> mentees) {
            this.reports = SingletonSupplier.of(reports);
            this.mentees = SingletonSupplier.of(mentees);
        }

        Set<UUID> reports() {
            return reports.get();
        }

        /**
         * These relations with {@code reports} as the caller's reports as far as one row's statement read them (its
         * person, or no one): only for rules about that row's person. The mentees stay shared.
         */
        Relations withReports(Set<UUID> reports) {
            return new Relations(() -> reports, mentees);
        }

        Set<UUID> mentees() {
            return mentees.get();
        }
    }

    static boolean canSee(Actor actor, UUID owner, Relations relations) {
        return owner.equals(actor.personId())
                || actor.hasRole(Role.TENANT_ADMIN)
                || client(actor, Scopes.EVIDENCE_READ)
                || relations.reports().contains(owner)
                || relations.mentees().contains(owner);
    }

    /** People log their own evidence; their managers and clients with evidence:write may log on their behalf. */
    static boolean canLogFor(Actor actor, UUID owner, Relations relations) {
        return owner.equals(actor.personId())
                || relations.reports().contains(owner)
                || client(actor, Scopes.EVIDENCE_WRITE);
    }

    /**
     * What an import answers when its external id already names {@code existing}, asked by a caller who may log
     * for {@code person} (check {@link #canLogFor} first: whoever may not gets that refusal, whether or not the id
     * exists). The same item again is a retry: it is shown to those who may see it or logged it, and otherwise only
     * reported as imported. An id that names another person's item is refused with one answer for every caller, so
     * it never tells whose item it is, nor anything in it.
     */
    static Reimport reimport(Actor actor, UUID person, Evidence existing, Relations relations) {
        if (!existing.personId().equals(person)) {
            return Reimport.IN_USE;
        }
        return canSee(actor, person, relations) || isAuthor(actor, existing) ? Reimport.SHOWN : Reimport.HIDDEN;
    }

    /** The answers to importing an external id that is already used. */
    enum Reimport {
        /** ALREADY_IMPORTED with the item. */
        SHOWN,
        /** ALREADY_IMPORTED without the item: the caller may log for the person but not read their evidence. */
        HIDDEN,
        /** FAILED, the same for everyone: the id names another person's item. */
        IN_USE
    }

    /** The person, or whoever logged it for them, edits, submits and withdraws it. */
    static boolean isAuthor(Actor actor, Evidence evidence) {
        return evidence.personId().equals(actor.personId())
                || evidence.loggedBy().equals(ref(actor));
    }

    /** Someone above the person in the reporting line or their active mentor, never the person themselves. */
    static boolean canReview(Actor actor, UUID owner, Relations relations) {
        return !owner.equals(actor.personId())
                && (relations.reports().contains(owner) || relations.mentees().contains(owner));
    }

    /** As above, and never whoever logged the item: nobody endorses evidence they wrote. */
    static boolean canReview(Actor actor, Evidence item, Relations relations) {
        return canReview(actor, item.personId(), relations) && !item.loggedBy().equals(ref(actor));
    }

    /** Endorsing, sending back and rejecting are reviews; submitting and withdrawing are the author's. */
    static boolean isReview(Transition transition) {
        return transition == Transition.ENDORSE
                || transition == Transition.REQUEST_CHANGES
                || transition == Transition.REJECT;
    }

    static boolean editable(Evidence.Status status) {
        return status == Evidence.Status.DRAFT || status == Evidence.Status.CHANGES_REQUESTED;
    }

    /** The status a transition leads to from {@code from}, or a CONFLICT naming why it cannot happen. */
    static Evidence.Status next(Evidence.Status from, Transition transition) {
        Evidence.Status to = switch (transition) {
            case SUBMIT -> editable(from) ? Evidence.Status.SUBMITTED : null;
            case ENDORSE -> from == Evidence.Status.SUBMITTED ? Evidence.Status.ENDORSED : null;
            case REQUEST_CHANGES -> from == Evidence.Status.SUBMITTED ? Evidence.Status.CHANGES_REQUESTED : null;
            case REJECT -> from == Evidence.Status.SUBMITTED ? Evidence.Status.REJECTED : null;
            case WITHDRAW -> editable(from) || from == Evidence.Status.SUBMITTED ? Evidence.Status.WITHDRAWN : null;
        };
        if (to == null) {
            throw new ConflictException(
                    "Evidence that is "
                            + from.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " cannot be " + past(transition)
                            + ".",
                    "input",
                    "id");
        }
        return to;
    }

    static String ref(Actor actor) {
        @Nullable UUID id = actor.personId() != null ? actor.personId() : actor.serviceClientId();
        return id == null ? actor.subject() : id.toString();
    }

    private static boolean client(Actor actor, String scope) {
        return actor.kind() == ActorKind.SERVICE_CLIENT && actor.scopes().contains(scope);
    }

    private static String past(Transition transition) {
        return switch (transition) {
            case SUBMIT -> "submitted";
            case ENDORSE -> "endorsed";
            case REQUEST_CHANGES -> "sent back for changes";
            case REJECT -> "rejected";
            case WITHDRAW -> "withdrawn";
        };
    }
}

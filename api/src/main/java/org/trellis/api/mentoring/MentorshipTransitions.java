package org.trellis.api.mentoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.PersonDeactivated;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.Validation;

/**
 * A pairing's lifecycle after the proposal: the mentor's answer before the deadline (accepting checks the mentor's
 * capacity under the per-mentor lock), the finish, and the close when a member is deactivated. The states and who
 * may move them are {@link MentoringPolicy}.
 */
@Service
class MentorshipTransitions {

    private final Mentorships mentorships;
    private final MentorshipService reads;
    private final MentorLoads loads;
    private final PeopleService people;
    private final AuditTrail audit;
    private final MentorshipEvents events;

    MentorshipTransitions(
            Mentorships mentorships,
            MentorshipService reads,
            MentorLoads loads,
            PeopleService people,
            AuditTrail audit,
            MentorshipEvents events) {
        this.mentorships = mentorships;
        this.reads = reads;
        this.loads = loads;
        this.people = people;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    Mentorship apply(
            Actor actor, UUID id, int expectedVersion, MentoringPolicy.Transition transition, @Nullable String note) {
        Mentorship current = reads.get(actor, id);
        MentoringPolicy.requireApply(actor, current, transition, people.reportsOf(actor));
        Mentorship.Status next = MentoringPolicy.next(current.status(), transition);
        Validation validation = new Validation();
        String text = switch (transition) {
            case ACCEPT -> null;
            case DECLINE -> validation.prose(note, 5000, "input", "reason");
            case COMPLETE -> validation.requiredProse(note, 5000, "input", "outcome");
            case END -> validation.requiredProse(note, 5000, "input", "reason");
        };
        validation.throwIfInvalid();
        if (transition == MentoringPolicy.Transition.ACCEPT) {
            boolean bothActive = people.getAll(actor, List.of(current.mentorId(), current.menteeId())).stream()
                            .filter(person -> person.status() == PersonStatus.ACTIVE)
                            .count()
                    == 2;
            if (!bothActive) {
                throw new ConflictException("Both people must still be active to start the pairing.", "input", "id");
            }
            MentorLoad load = loads.lockedLoad(actor.tenant(), current.mentorId());
            if (load.freeCapacity() <= 0) {
                throw new ConflictException(
                        "You are at your mentoring capacity (" + load.capacity() + "); raise it or finish a pairing.",
                        "input",
                        "id");
            }
        }
        Mentorship updated = mentorships
                .transition(id, expectedVersion, current.status(), next, text)
                .orElseThrow(() -> stale(id));
        audit.record(
                actor,
                actor.tenant(),
                "mentorship." + next.name().toLowerCase(Locale.ROOT),
                "Mentorship",
                id,
                Map.of("before", current.status(), "after", next));
        events.stateChanged(actor.tenant(), updated, current.status());
        return updated;
    }

    /**
     * A deactivated person's pairings end with them, in the same transaction: active ones are ENDED and open
     * proposals LAPSED, so nobody keeps access to evidence through a pairing with someone who is gone.
     */
    @EventListener
    void personDeactivated(PersonDeactivated event) {
        Actor actor = event.actor();
        List<UUID> closed = mentorships.closeAllOf(event.personId(), "Closed automatically: a member was deactivated.");
        for (UUID id : closed) {
            audit.record(
                    actor,
                    actor.tenant(),
                    "mentorship.closed-on-deactivation",
                    "Mentorship",
                    id,
                    Map.of("person", event.personId()));
        }
        if (!closed.isEmpty()) {
            for (Mentorship now : mentorships.findByIds(closed)) {
                Mentorship.Status before =
                        now.status() == Mentorship.Status.ENDED ? Mentorship.Status.ACTIVE : Mentorship.Status.PROPOSED;
                events.stateChanged(actor.tenant(), now, before);
            }
        }
    }

    private ConflictException stale(UUID id) {
        Mentorship now = mentorships.findById(id).orElseThrow();
        if (now.status() == Mentorship.Status.LAPSED) {
            return new ConflictException(
                    "The proposal lapsed: the mentor did not answer before the deadline.", "input", "id");
        }
        return ConflictException.stale("The mentorship changed since you read it: reload and try again.");
    }
}

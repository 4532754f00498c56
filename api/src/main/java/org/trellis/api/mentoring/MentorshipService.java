package org.trellis.api.mentoring;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.evidence.ActiveMentees;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonDeactivated;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.OffsetWindows;
import org.trellis.graphql.UserError.Code;
import org.trellis.persistence.TransactionMemo;

/**
 * Pairings: proposal, the mentor's answer before the deadline, and the finish. Enforces no self-mentoring, the
 * mentor's capacity (checked under a per-mentor lock, so concurrent accepts cannot exceed it) and at most one open
 * pairing between two people (also a unique index). Who may do what is {@link MentoringPolicy}.
 */
@Service
public class MentorshipService implements ActiveMentees {

    private static final int MAX_FOCUS = 5;

    private final Mentorships mentorships;
    private final PeopleService people;
    private final AssignmentService assignments;
    private final AuditTrail audit;
    private final MentoringProperties properties;

    MentorshipService(
            Mentorships mentorships,
            PeopleService people,
            AssignmentService assignments,
            AuditTrail audit,
            MentoringProperties properties) {
        this.mentorships = mentorships;
        this.people = people;
        this.assignments = assignments;
        this.audit = audit;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> of(UUID mentorId) {
        return TransactionMemo.get(
                new ActiveMenteesOf(mentorId), () -> Set.copyOf(mentorships.activeMentees(mentorId)));
    }

    @Transactional(readOnly = true)
    public Mentorship get(Actor actor, UUID id) {
        Mentorship mentorship = mentorships.findById(id).orElseThrow(() -> new NotFoundException("Mentorship"));
        if (!MentoringPolicy.canSee(actor, mentorship, people.reportsOf(actor))) {
            throw new NotFoundException("Mentorship");
        }
        return mentorship;
    }

    /** The caller's own pairings, as mentor and/or mentee. */
    @Transactional(readOnly = true)
    List<Mentorship> mine(Actor actor, boolean asMentor, boolean asMentee, @Nullable Set<Mentorship.Status> statuses) {
        UUID self = person(actor);
        return mentorships.involving(List.of(self), asMentor, asMentee, statuses);
    }

    /** Pairings in which anyone below the caller in the reporting line is mentor or mentee. */
    @Transactional(readOnly = true)
    Window<Mentorship> ofReports(Actor actor, @Nullable Set<Mentorship.Status> statuses, ScrollSubrange subrange) {
        Set<UUID> reports = people.reportsOf(actor);
        long offset = OffsetWindows.offset(subrange);
        int limit = OffsetWindows.limit(subrange, 20, 100);
        List<Mentorship> rows =
                reports.isEmpty() ? List.of() : mentorships.involvingPage(reports, statuses, offset, limit + 1);
        return OffsetWindows.window(rows, offset, limit);
    }

    /** A mentor's capacity, active mentees and open proposals. */
    @Transactional(readOnly = true)
    MentorLoad load(Actor actor, UUID mentor) {
        requireMentorAccess(actor, mentor);
        return loads(List.of(mentor)).get(mentor);
    }

    /** Loads of these people, for suggestions (no permission check: callers decide what to show). */
    Map<UUID, MentorLoad> loads(Collection<UUID> mentors) {
        Map<UUID, Integer> capacities = mentorships.capacities(mentors);
        Map<UUID, Mentorships.Load> loads = mentorships.loads(mentors);
        Map<UUID, MentorLoad> result = new java.util.HashMap<>();
        for (UUID mentor : mentors) {
            Mentorships.Load load = loads.getOrDefault(mentor, new Mentorships.Load(0, 0));
            result.put(
                    mentor,
                    new MentorLoad(
                            mentor,
                            capacities.getOrDefault(mentor, properties.defaultCapacity()),
                            load.active(),
                            load.proposed()));
        }
        return result;
    }

    @Transactional
    MentorLoad setCapacity(Actor actor, UUID mentor, int capacity) {
        requireMentorAccess(actor, mentor);
        if (capacity < 0 || capacity > 20) {
            Validation validation = new Validation();
            validation.reject(Code.INVALID, "Between 0 and 20.", "input", "capacity");
            validation.throwIfInvalid();
        }
        mentorships.lockMentor(actor.tenant(), mentor);
        mentorships.setCapacity(actor.tenant(), mentor, capacity);
        audit.record(actor, actor.tenant(), "mentor.capacity-set", "Person", mentor, Map.of("capacity", capacity));
        return loads(List.of(mentor)).get(mentor);
    }

    @Transactional
    Mentorship propose(
            Actor actor,
            UUID mentorId,
            UUID menteeId,
            List<UUID> focus,
            @Nullable String note,
            @Nullable Instant respondBy) {
        UUID proposer = person(actor);
        Person mentee = existing(actor, menteeId, "menteeId");
        Person mentor = existing(actor, mentorId, "mentorId");
        if (!MentoringPolicy.canPropose(actor, menteeId, people.reportsOf(actor))) {
            throw new ForbiddenException(
                    "Pairings are proposed by tenant admins, the mentee's managers or the mentee.");
        }
        Validation validation = new Validation();
        if (mentorId.equals(menteeId)) {
            validation.reject(Code.INVALID, "Nobody mentors themselves.", "input", "mentorId");
        }
        if (mentor.status() != PersonStatus.ACTIVE || mentee.status() != PersonStatus.ACTIVE) {
            validation.reject(Code.INVALID, "Both people must be active.", "input", "mentorId");
        }
        String validNote = validation.prose(note, 2000, "input", "note");
        Instant now = Instant.now();
        Instant deadline = respondBy != null ? respondBy : now.plus(properties.defaultResponseWindow());
        if (!deadline.isAfter(now) || deadline.isAfter(now.plus(properties.maxResponseWindow()))) {
            validation.reject(
                    Code.INVALID,
                    "The deadline must be in the future and within "
                            + properties.maxResponseWindow().toDays() + " days.",
                    "input",
                    "respondBy");
        }
        List<UUID> competencies = focus.stream().distinct().toList();
        if (competencies.size() > MAX_FOCUS) {
            validation.reject(Code.INVALID, "At most " + MAX_FOCUS + " focus competencies.", "input", "focus");
        } else if (!competencies.isEmpty()
                && !assignments.currentCompetencies(actor, menteeId).containsAll(competencies)) {
            validation.reject(
                    Code.INVALID,
                    "Focus competencies must come from the mentee's framework version.",
                    "input",
                    "focus");
        }
        validation.throwIfInvalid();
        mentorships.lapseExpired(mentorId, menteeId);
        if (mentorships.openBetween(mentorId, menteeId)) {
            throw new ConflictException("These two people already have a proposed or active pairing.");
        }
        MentorLoad load = loads(List.of(mentorId)).get(mentorId);
        if (load.freeCapacity() <= 0) {
            // No numbers: the proposer may not be allowed to see the mentor's capacity or load.
            throw new ConflictException("The mentor has no free mentoring place.");
        }
        Mentorship created;
        try {
            created = mentorships.insert(actor.tenant(), mentorId, menteeId, proposer, validNote, deadline);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("These two people already have a proposed or active pairing.");
        }
        mentorships.addFocus(actor.tenant(), created.id(), competencies);
        audit.record(
                actor,
                actor.tenant(),
                "mentorship.proposed",
                "Mentorship",
                created.id(),
                Map.of("mentor", mentorId, "mentee", menteeId, "respondBy", deadline.toString()));
        return created;
    }

    @Transactional
    Mentorship apply(
            Actor actor, UUID id, int expectedVersion, MentoringPolicy.Transition transition, @Nullable String note) {
        Mentorship current = get(actor, id);
        if (!MentoringPolicy.canApply(actor, current, transition, people.reportsOf(actor))) {
            throw new ForbiddenException(
                    transition == MentoringPolicy.Transition.ACCEPT || transition == MentoringPolicy.Transition.DECLINE
                            ? "Only the proposed mentor answers a proposal."
                            : "You may not finish this pairing.");
        }
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
                throw new ConflictException("Both people must still be active to start the pairing.");
            }
            mentorships.lockMentor(actor.tenant(), current.mentorId());
            MentorLoad load = loads(List.of(current.mentorId())).get(current.mentorId());
            if (load.freeCapacity() <= 0) {
                throw new ConflictException(
                        "You are at your mentoring capacity (" + load.capacity() + "); raise it or finish a pairing.");
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
        return updated;
    }

    /**
     * A deactivated person's pairings end with them, in the same transaction: active ones are ENDED and open
     * proposals LAPSED, so nobody keeps access to evidence through a pairing with someone who is gone.
     */
    @EventListener
    void personDeactivated(PersonDeactivated event) {
        Actor actor = event.actor();
        for (UUID id : mentorships.closeAllOf(event.personId(), "Closed automatically: a member was deactivated.")) {
            audit.record(
                    actor,
                    actor.tenant(),
                    "mentorship.closed-on-deactivation",
                    "Mentorship",
                    id,
                    Map.of("person", event.personId()));
        }
    }

    /** Focus competency ids per pairing, for pairings the caller already sees. */
    @Transactional(readOnly = true)
    Map<UUID, List<UUID>> focusOf(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : mentorships.focusOf(ids);
    }

    /** Everyone the person has a proposed or active pairing with, either way round (for suggestions). */
    Set<UUID> openPartnersOf(UUID person) {
        Set<UUID> partners = new HashSet<>();
        for (Mentorship m : mentorships.involving(
                List.of(person), true, true, Set.of(Mentorship.Status.PROPOSED, Mentorship.Status.ACTIVE))) {
            partners.add(m.mentorId().equals(person) ? m.menteeId() : m.mentorId());
        }
        return partners;
    }

    private ConflictException stale(UUID id) {
        Mentorship now = mentorships.findById(id).orElseThrow();
        if (now.status() == Mentorship.Status.LAPSED) {
            return new ConflictException("The proposal lapsed: the mentor did not answer before the deadline.");
        }
        return new ConflictException("The mentorship changed since you read it: reload and try again.");
    }

    private void requireMentorAccess(Actor actor, UUID mentor) {
        existing(actor, mentor, "personId");
        if (!MentoringPolicy.canManageMentor(actor, mentor, people.reportsOf(actor))) {
            throw new ForbiddenException("A mentor's load is managed by them, their managers and tenant admins.");
        }
    }

    private Person existing(Actor actor, UUID id, String field) {
        List<Person> found = people.getAll(actor, List.of(id));
        if (found.isEmpty()) {
            throw new NotFoundException("Person");
        }
        return found.getFirst();
    }

    static UUID person(Actor actor) {
        actor.tenant();
        if (actor.personId() == null) {
            throw new ForbiddenException("Mentoring is for people, not service clients.");
        }
        return actor.personId();
    }

    /** Memo key: a mentor's active mentees, computed once per query. */
    private record ActiveMenteesOf(UUID mentorId) {}
}

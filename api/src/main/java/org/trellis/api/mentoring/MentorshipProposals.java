package org.trellis.api.mentoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * Proposing a pairing. Enforces no self-mentoring, active people, a deadline within the configured window, focus
 * competencies from the mentee's framework version, the mentor's free capacity and at most one open pairing between
 * two people (also a unique index). Who may propose is {@link MentoringPolicy}.
 */
@Service
class MentorshipProposals {

    private static final int MAX_FOCUS = 5;

    private final Mentorships mentorships;
    private final MentorLoads loads;
    private final PeopleService people;
    private final AssignmentService assignments;
    private final AuditTrail audit;
    private final MentorshipEvents events;
    private final MentoringProperties properties;

    MentorshipProposals(
            Mentorships mentorships,
            MentorLoads loads,
            PeopleService people,
            AssignmentService assignments,
            AuditTrail audit,
            MentoringProperties properties,
            MentorshipEvents events) {
        this.mentorships = mentorships;
        this.loads = loads;
        this.people = people;
        this.assignments = assignments;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
    }

    @Transactional
    Mentorship propose(
            Actor actor,
            UUID mentorId,
            UUID menteeId,
            List<UUID> focus,
            @Nullable String note,
            @Nullable Instant respondBy) {
        UUID proposer = MentoringPolicy.requirePerson(actor);
        Person mentee = existing(actor, menteeId);
        Person mentor = existing(actor, mentorId);
        MentoringPolicy.requirePropose(actor, menteeId, people.reportsOf(actor));
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
            throw new ConflictException(
                    "These two people already have a proposed or active pairing.", "input", "menteeId");
        }
        MentorLoad load = loads.loads(List.of(mentorId)).get(mentorId);
        if (load.freeCapacity() <= 0) {
            // No numbers: the proposer may not be allowed to see the mentor's capacity or load.
            throw new ConflictException("The mentor has no free mentoring place.", "input", "mentorId");
        }
        Mentorship created;
        try {
            created = mentorships.insert(actor.tenant(), mentorId, menteeId, proposer, validNote, deadline);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "These two people already have a proposed or active pairing.", "input", "menteeId");
        }
        mentorships.addFocus(actor.tenant(), created.id(), competencies);
        audit.record(
                actor,
                actor.tenant(),
                "mentorship.proposed",
                "Mentorship",
                created.id(),
                Map.of("mentor", mentorId, "mentee", menteeId, "respondBy", deadline.toString()));
        events.stateChanged(actor.tenant(), created, null);
        return created;
    }

    private Person existing(Actor actor, UUID id) {
        return people.getAll(actor, List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Person"));
    }
}

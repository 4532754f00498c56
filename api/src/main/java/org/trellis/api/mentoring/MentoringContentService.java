package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceCapture;
import org.trellis.api.frameworks.AssignmentService;
import org.trellis.api.frameworks.Competency;
import org.trellis.api.frameworks.FrameworkService;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.ForbiddenException;
import org.trellis.api.shared.IdempotencyKeys;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * What the pair does inside an active pairing: goals, sessions (shared notes, private notes, agreed actions). A
 * held session is mentoring evidence for the mentor (submitted, so their managers endorse it and it counts toward
 * the mentor's readiness); an achieved goal can be logged as evidence for the mentee.
 */
@Service
class MentoringContentService {

    /** The competency key sessions count toward (the shipped framework's "Mentoring"). */
    static final String MENTORING_KEY = "mentoring";

    private static final int MAX_ACTIONS = 20;
    /** The {@code @listSize} of {@code Mentorship.goals} in mentoring.graphqls. */
    private static final int MAX_GOALS = 20;

    private final MentorshipService mentorships;
    private final MentoringRecords records;
    private final AssignmentService assignments;
    private final FrameworkService frameworks;
    private final PeopleService people;
    private final EvidenceCapture evidence;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;

    MentoringContentService(
            MentorshipService mentorships,
            MentoringRecords records,
            AssignmentService assignments,
            FrameworkService frameworks,
            PeopleService people,
            EvidenceCapture evidence,
            IdempotencyKeys keys,
            AuditTrail audit) {
        this.mentorships = mentorships;
        this.records = records;
        this.assignments = assignments;
        this.frameworks = frameworks;
        this.people = people;
        this.evidence = evidence;
        this.keys = keys;
        this.audit = audit;
    }

    @Transactional
    MentoringGoal addGoal(
            Actor actor,
            UUID mentorshipId,
            UUID competencyId,
            @Nullable String title,
            @Nullable String description,
            @Nullable LocalDate targetDate) {
        Mentorship mentorship = active(actor, mentorshipId);
        Validation validation = new Validation();
        String validTitle = validation.text(title, 200, "input", "title");
        String validDescription = validation.prose(description, 5000, "input", "description");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (targetDate != null && (targetDate.isBefore(today) || targetDate.isAfter(today.plusYears(2)))) {
            validation.reject(
                    Code.INVALID, "The target date must be within the next two years.", "input", "targetDate");
        }
        if (!assignments.currentCompetencies(actor, mentorship.menteeId()).contains(competencyId)) {
            validation.reject(
                    Code.INVALID,
                    "Goals name a competency of the mentee's framework version.",
                    "input",
                    "competencyId");
        }
        if (records.goalsOf(List.of(mentorshipId))
                        .getOrDefault(mentorshipId, List.of())
                        .size()
                >= MAX_GOALS) {
            validation.reject(Code.INVALID, "At most " + MAX_GOALS + " goals per pairing.", "input", "mentorshipId");
        }
        validation.throwIfInvalid();
        MentoringGoal goal = records.insertGoal(
                actor.tenant(),
                mentorshipId,
                competencyId,
                validTitle,
                validDescription == null ? "" : validDescription,
                targetDate,
                MentorshipService.person(actor));
        audit.record(
                actor, actor.tenant(), "mentoring.goal-added", "Mentorship", mentorshipId, Map.of("goal", goal.id()));
        return goal;
    }

    /** Moves a goal; an achieved goal is logged as the mentee's evidence when asked to. */
    @Transactional
    MentoringGoal setGoalStatus(
            Actor actor, UUID goalId, int expectedVersion, MentoringGoal.Status status, boolean logEvidence) {
        MentoringGoal goal = records.findGoal(goalId).orElseThrow(() -> new NotFoundException("Mentoring goal"));
        Mentorship mentorship = active(actor, goal.mentorshipId());
        if (logEvidence && status != MentoringGoal.Status.ACHIEVED) {
            Validation validation = new Validation();
            validation.reject(Code.INVALID, "Only an achieved goal is logged as evidence.", "input", "logEvidence");
            validation.throwIfInvalid();
        }
        if (logEvidence && !mentorship.menteeId().equals(actor.personId())) {
            // The mentor may review the mentee's evidence, so they must not also be the one who creates it.
            throw new ForbiddenException("Only the mentee logs their achieved goal as evidence.");
        }
        MentoringPolicy.checkGoalMove(goal.status(), status);
        if (goal.version() != expectedVersion) {
            throw new ConflictException("The goal changed since you read it: reload and try again.");
        }
        UUID evidenceId = null;
        if (logEvidence) {
            Competency competency = frameworks.competenciesById(actor, List.of(goal.competencyId())).stream()
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("Competency"));
            var recorded = evidence.record(
                    actor,
                    new EvidenceCapture.Captured(
                            mentorship.menteeId(),
                            Evidence.Kind.OTHER,
                            Set.of(competency.key()),
                            "Mentoring goal achieved: " + goal.title(),
                            goal.description(),
                            LocalDate.now(ZoneOffset.UTC),
                            List.of(),
                            Evidence.Source.MENTORING,
                            "mentoring-goal:" + goal.id()));
            if (recorded.evidence() == null) {
                Validation validation = new Validation();
                validation.reject(
                        Code.INVALID,
                        "The mentee's framework version no longer has the goal's competency; log the evidence by hand.",
                        "input",
                        "logEvidence");
                validation.throwIfInvalid();
            }
            evidenceId = recorded.evidence().id();
        }
        MentoringGoal updated = records.setGoalStatus(goalId, expectedVersion, status, evidenceId)
                .orElseThrow(() -> new ConflictException("The goal changed since you read it: reload and try again."));
        audit.record(
                actor,
                actor.tenant(),
                "mentoring.goal-" + status.name().toLowerCase(Locale.ROOT),
                "Mentorship",
                mentorship.id(),
                Map.of("goal", goalId));
        return updated;
    }

    @Transactional
    MentoringSession logSession(
            Actor actor,
            UUID mentorshipId,
            @Nullable LocalDate heldOn,
            int durationMinutes,
            @Nullable String sharedNotes,
            @Nullable String privateNote,
            @Nullable List<String> actions,
            @Nullable String idempotencyKey) {
        Mentorship mentorship = active(actor, mentorshipId);
        Validation validation = new Validation();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate started = mentorship.startedAt() == null
                ? today
                : mentorship.startedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        if (heldOn == null) {
            validation.reject(Code.REQUIRED, "Required.", "input", "heldOn");
        } else if (heldOn.isAfter(today.plusDays(1))) {
            validation.reject(Code.INVALID, "Sessions are logged once held: not in the future.", "input", "heldOn");
        } else if (heldOn.isBefore(started.minusDays(1))) {
            validation.reject(Code.INVALID, "The session is before the pairing started.", "input", "heldOn");
        }
        if (durationMinutes < 5 || durationMinutes > 480) {
            validation.reject(Code.INVALID, "Between 5 and 480 minutes.", "input", "durationMinutes");
        }
        String shared = validation.prose(sharedNotes, 20_000, "input", "sharedNotes");
        String note = validation.prose(privateNote, 20_000, "input", "privateNote");
        String key = validation.optionalText(idempotencyKey, 100, "input", "idempotencyKey");
        List<String> agreed = new ArrayList<>();
        if (actions != null) {
            if (actions.size() > MAX_ACTIONS) {
                validation.reject(Code.INVALID, "At most " + MAX_ACTIONS + " actions.", "input", "actions");
            }
            for (String action : actions) {
                String valid = validation.text(action, 500, "input", "actions");
                if (valid != null) {
                    agreed.add(valid);
                }
            }
        }
        validation.throwIfInvalid();
        UUID author = MentorshipService.person(actor);
        return keys.once(
                actor,
                key,
                "logMentoringSession:" + mentorshipId,
                Arrays.asList(heldOn, durationMinutes, shared, note, agreed),
                () -> {
                    MentoringSession session = records.insertSession(
                                    actor.tenant(),
                                    mentorshipId,
                                    heldOn,
                                    durationMinutes,
                                    shared == null ? "" : shared,
                                    author,
                                    null)
                            .orElseThrow();
                    records.insertActions(actor.tenant(), session.id(), agreed);
                    if (note != null) {
                        records.savePrivateNote(actor.tenant(), session.id(), author, note);
                    }
                    UUID evidenceId = mentoringEvidence(actor, mentorship, session);
                    audit.record(
                            actor,
                            actor.tenant(),
                            "mentoring.session-logged",
                            "Mentorship",
                            mentorshipId,
                            Map.of("session", session.id(), "evidence", String.valueOf(evidenceId)));
                    return records.findSession(session.id()).orElseThrow();
                },
                MentoringSession::id,
                earlier -> records.findSession(earlier).orElseThrow());
    }

    /** Writes (or replaces) the caller's own private note on a session of their pairing. */
    @Transactional
    MentoringSession setPrivateNote(Actor actor, UUID sessionId, @Nullable String body) {
        MentoringSession session = records.findSession(sessionId).orElseThrow(() -> new NotFoundException("Session"));
        pairOnly(actor, session.mentorshipId());
        Validation validation = new Validation();
        String text = validation.requiredProse(body, 20_000, "input", "body");
        validation.throwIfInvalid();
        records.savePrivateNote(actor.tenant(), sessionId, MentorshipService.person(actor), text);
        return session;
    }

    @Transactional
    MentoringAction setActionDone(Actor actor, UUID actionId, boolean done) {
        MentoringAction action = records.findAction(actionId).orElseThrow(() -> new NotFoundException("Action"));
        MentoringSession session = records.findSession(action.sessionId()).orElseThrow();
        active(actor, session.mentorshipId());
        MentoringAction updated = records.setDone(actionId, done);
        audit.record(
                actor,
                actor.tenant(),
                "mentoring.action-" + (done ? "done" : "reopened"),
                "Mentorship",
                session.mentorshipId(),
                Map.of("action", actionId));
        return updated;
    }

    // --- reads for pairings the caller already sees ---------------------------------------------------------------

    @Transactional(readOnly = true)
    MentoringGoal goal(Actor actor, UUID id) {
        MentoringGoal goal = records.findGoal(id).orElseThrow(() -> new NotFoundException("Mentoring goal"));
        mentorships.get(actor, goal.mentorshipId());
        return goal;
    }

    @Transactional(readOnly = true)
    MentoringSession session(Actor actor, UUID id) {
        MentoringSession session = records.findSession(id).orElseThrow(() -> new NotFoundException("Session"));
        mentorships.get(actor, session.mentorshipId());
        return session;
    }

    @Transactional(readOnly = true)
    MentoringAction action(Actor actor, UUID id) {
        MentoringAction action = records.findAction(id).orElseThrow(() -> new NotFoundException("Action"));
        session(actor, action.sessionId());
        return action;
    }

    @Transactional(readOnly = true)
    Map<UUID, List<MentoringGoal>> goalsOf(Collection<UUID> mentorshipIds) {
        return mentorshipIds.isEmpty() ? Map.of() : records.goalsOf(mentorshipIds);
    }

    @Transactional(readOnly = true)
    Map<UUID, List<MentoringSession>> sessionsOf(Collection<UUID> mentorshipIds) {
        return mentorshipIds.isEmpty() ? Map.of() : records.sessionsOf(mentorshipIds);
    }

    @Transactional(readOnly = true)
    Map<UUID, List<MentoringAction>> actionsOf(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? Map.of() : records.actionsOf(sessionIds);
    }

    /** The caller's own private notes on these sessions: nobody else's, whatever their role. */
    @Transactional(readOnly = true)
    Map<UUID, String> myPrivateNotes(Actor actor, Collection<UUID> sessionIds) {
        if (actor.personId() == null || sessionIds.isEmpty()) {
            return Map.of();
        }
        return records.privateNotesBy(actor.personId(), sessionIds);
    }

    /** Mentoring evidence for the mentor from a held session, where their framework has a mentoring competency. */
    private @Nullable UUID mentoringEvidence(Actor actor, Mentorship mentorship, MentoringSession session) {
        List<Person> mentee = people.getAll(actor, List.of(mentorship.menteeId()));
        String name = mentee.isEmpty() ? "a mentee" : mentee.getFirst().displayName();
        var recorded = evidence.record(
                actor,
                new EvidenceCapture.Captured(
                        mentorship.mentorId(),
                        Evidence.Kind.MENTORING,
                        Set.of(MENTORING_KEY),
                        "Mentoring session with " + name,
                        "A " + session.durationMinutes() + "-minute mentoring session with " + name + ".",
                        session.heldOn(),
                        List.of(),
                        Evidence.Source.MENTORING,
                        "mentoring-session:" + session.id()));
        if (recorded.evidence() == null) {
            return null;
        }
        records.linkSessionEvidence(session.id(), recorded.evidence().id());
        return recorded.evidence().id();
    }

    private Mentorship active(Actor actor, UUID mentorshipId) {
        Mentorship mentorship = pairOnly(actor, mentorshipId);
        if (mentorship.status() != Mentorship.Status.ACTIVE) {
            throw new ConflictException("Goals and sessions belong to active pairings; this one is "
                    + mentorship.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return mentorship;
    }

    private Mentorship pairOnly(Actor actor, UUID mentorshipId) {
        Mentorship mentorship = mentorships.get(actor, mentorshipId);
        if (!MentoringPolicy.canWorkIn(actor, mentorship)) {
            throw new ForbiddenException("Only the mentor and mentee work in a pairing.");
        }
        return mentorship;
    }
}

package org.trellis.api.mentoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.evidence.Evidence;
import org.trellis.api.evidence.EvidenceCapture;
import org.trellis.api.people.PeopleService;
import org.trellis.api.people.Person;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.IdempotencyKeys;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * Sessions the pair logs in an active pairing: shared notes, each member's private note and agreed actions. A held
 * session is mentoring evidence for the mentor (submitted, so their managers endorse it and it counts toward the
 * mentor's readiness). Idempotency keys are the shared mechanism ({@link IdempotencyKeys}).
 */
@Service
class MentoringSessionService {

    /** The competency key sessions count toward (the shipped framework's "Mentoring"). */
    static final String MENTORING_KEY = "mentoring";

    private static final int MAX_ACTIONS = 20;

    private final MentorshipService mentorships;
    private final SessionRecords sessions;
    private final ActionRecords actions;
    private final PeopleService people;
    private final EvidenceCapture evidence;
    private final IdempotencyKeys keys;
    private final AuditTrail audit;

    MentoringSessionService(
            MentorshipService mentorships,
            SessionRecords sessions,
            ActionRecords actions,
            PeopleService people,
            EvidenceCapture evidence,
            IdempotencyKeys keys,
            AuditTrail audit) {
        this.mentorships = mentorships;
        this.sessions = sessions;
        this.actions = actions;
        this.people = people;
        this.evidence = evidence;
        this.keys = keys;
        this.audit = audit;
    }

    @Transactional
    MentoringSession logSession(
            Actor actor,
            UUID mentorshipId,
            @Nullable LocalDate heldOn,
            int durationMinutes,
            @Nullable String sharedNotes,
            @Nullable String privateNote,
            @Nullable List<String> agreedActions,
            @Nullable String idempotencyKey) {
        Mentorship mentorship = mentorships.active(actor, mentorshipId, "input", "mentorshipId");
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
        if (agreedActions != null) {
            if (agreedActions.size() > MAX_ACTIONS) {
                validation.reject(Code.INVALID, "At most " + MAX_ACTIONS + " actions.", "input", "actions");
            }
            for (String action : agreedActions) {
                String valid = validation.text(action, 500, "input", "actions");
                if (valid != null) {
                    agreed.add(valid);
                }
            }
        }
        validation.throwIfInvalid();
        UUID author = MentoringPolicy.requirePerson(actor);
        return keys.once(
                actor,
                key,
                "logMentoringSession:" + mentorshipId,
                Arrays.asList(heldOn, durationMinutes, shared, note, agreed),
                () -> {
                    MentoringSession session = sessions.insertSession(
                            actor.tenant(),
                            mentorshipId,
                            heldOn,
                            durationMinutes,
                            shared == null ? "" : shared,
                            author);
                    actions.insertActions(actor.tenant(), session.id(), agreed);
                    if (note != null) {
                        sessions.savePrivateNote(actor.tenant(), session.id(), author, note);
                    }
                    UUID evidenceId = mentoringEvidence(actor, mentorship, session);
                    audit.record(
                            actor,
                            actor.tenant(),
                            "mentoring.session-logged",
                            "Mentorship",
                            mentorshipId,
                            Map.of("session", session.id(), "evidence", String.valueOf(evidenceId)));
                    return sessions.findSession(session.id()).orElseThrow();
                },
                MentoringSession::id,
                earlier -> sessions.findSession(earlier).orElseThrow());
    }

    /** Writes (or replaces) the caller's own private note on a session of their pairing. */
    @Transactional
    MentoringSession setPrivateNote(Actor actor, UUID sessionId, @Nullable String body) {
        MentoringSession session = sessions.findSession(sessionId).orElseThrow(() -> new NotFoundException("Session"));
        mentorships.workable(actor, session.mentorshipId());
        Validation validation = new Validation();
        String text = validation.requiredProse(body, 20_000, "input", "body");
        validation.throwIfInvalid();
        sessions.savePrivateNote(actor.tenant(), sessionId, MentoringPolicy.requirePerson(actor), text);
        return session;
    }

    @Transactional(readOnly = true)
    MentoringSession session(Actor actor, UUID id) {
        MentoringSession session = sessions.findSession(id).orElseThrow(() -> new NotFoundException("Session"));
        mentorships.get(actor, session.mentorshipId());
        return session;
    }

    /** Sessions per pairing, for pairings the caller already sees. */
    @Transactional(readOnly = true)
    Map<UUID, List<MentoringSession>> sessionsOf(Collection<UUID> mentorshipIds) {
        return mentorshipIds.isEmpty() ? Map.of() : sessions.sessionsOf(mentorshipIds);
    }

    /** The caller's own private notes on these sessions: nobody else's, whatever their role. */
    @Transactional(readOnly = true)
    Map<UUID, String> myPrivateNotes(Actor actor, Collection<UUID> sessionIds) {
        if (actor.personId() == null || sessionIds.isEmpty()) {
            return Map.of();
        }
        return sessions.privateNotesBy(actor.personId(), sessionIds);
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
        sessions.linkSessionEvidence(session.id(), recorded.evidence().id());
        return recorded.evidence().id();
    }
}

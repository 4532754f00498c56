package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORING_PRIVATE_NOTE;
import static org.trellis.persistence.jooq.Tables.MENTORING_SESSION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Sessions of the transaction's tenant's pairings and their private notes (always read by author). */
@Repository
class SessionRecords {

    private final DSLContext db;

    SessionRecords(DSLContext db) {
        this.db = db;
    }

    /** Inserts a session; the row the INSERT returned. (Retries are answered by the shared idempotency keys.) */
    MentoringSession insertSession(
            UUID tenantId, UUID mentorshipId, LocalDate heldOn, int minutes, String sharedNotes, UUID loggedBy) {
        return db.insertInto(MENTORING_SESSION)
                .set(MENTORING_SESSION.TENANT_ID, tenantId)
                .set(MENTORING_SESSION.ID, UUID.randomUUID())
                .set(MENTORING_SESSION.MENTORSHIP_ID, mentorshipId)
                .set(MENTORING_SESSION.HELD_ON, heldOn)
                .set(MENTORING_SESSION.DURATION_MINUTES, minutes)
                .set(MENTORING_SESSION.SHARED_NOTES, sharedNotes)
                .set(MENTORING_SESSION.LOGGED_BY, loggedBy)
                .returning()
                .fetchSingle(SessionRecords::toSession);
    }

    void linkSessionEvidence(UUID sessionId, UUID evidenceId) {
        db.update(MENTORING_SESSION)
                .set(MENTORING_SESSION.EVIDENCE_ID, evidenceId)
                .where(MENTORING_SESSION.ID.eq(sessionId))
                .execute();
    }

    Optional<MentoringSession> findSession(UUID id) {
        return db.selectFrom(MENTORING_SESSION)
                .where(MENTORING_SESSION.ID.eq(id))
                .fetchOptional(SessionRecords::toSession);
    }

    Map<UUID, List<MentoringSession>> sessionsOf(Collection<UUID> mentorshipIds) {
        Map<UUID, List<MentoringSession>> result = new HashMap<>();
        db.selectFrom(MENTORING_SESSION)
                .where(MENTORING_SESSION.MENTORSHIP_ID.in(mentorshipIds))
                .orderBy(MENTORING_SESSION.HELD_ON.desc(), MENTORING_SESSION.ID)
                .fetch(SessionRecords::toSession)
                .forEach(session -> result.computeIfAbsent(session.mentorshipId(), id -> new java.util.ArrayList<>())
                        .add(session));
        return result;
    }

    // --- private notes: always read by author --------------------------------------------------------------------

    void savePrivateNote(UUID tenantId, UUID sessionId, UUID authorId, String body) {
        db.insertInto(MENTORING_PRIVATE_NOTE)
                .set(MENTORING_PRIVATE_NOTE.TENANT_ID, tenantId)
                .set(MENTORING_PRIVATE_NOTE.SESSION_ID, sessionId)
                .set(MENTORING_PRIVATE_NOTE.AUTHOR_ID, authorId)
                .set(MENTORING_PRIVATE_NOTE.BODY, body)
                .onConflict(
                        MENTORING_PRIVATE_NOTE.TENANT_ID,
                        MENTORING_PRIVATE_NOTE.SESSION_ID,
                        MENTORING_PRIVATE_NOTE.AUTHOR_ID)
                .doUpdate()
                .set(MENTORING_PRIVATE_NOTE.BODY, body)
                .set(MENTORING_PRIVATE_NOTE.UPDATED_AT, Instant.now())
                .execute();
    }

    /** The author's own notes on these sessions, by session. There is no way to read someone else's. */
    Map<UUID, String> privateNotesBy(UUID authorId, Collection<UUID> sessionIds) {
        Map<UUID, String> result = new HashMap<>();
        db.select(MENTORING_PRIVATE_NOTE.SESSION_ID, MENTORING_PRIVATE_NOTE.BODY)
                .from(MENTORING_PRIVATE_NOTE)
                .where(MENTORING_PRIVATE_NOTE.AUTHOR_ID.eq(authorId))
                .and(MENTORING_PRIVATE_NOTE.SESSION_ID.in(sessionIds))
                .forEach(row -> result.put(row.value1(), row.value2()));
        return result;
    }

    private static MentoringSession toSession(Record row) {
        return new MentoringSession(
                row.get(MENTORING_SESSION.ID),
                row.get(MENTORING_SESSION.MENTORSHIP_ID),
                row.get(MENTORING_SESSION.HELD_ON),
                row.get(MENTORING_SESSION.DURATION_MINUTES),
                row.get(MENTORING_SESSION.SHARED_NOTES),
                row.get(MENTORING_SESSION.LOGGED_BY),
                row.get(MENTORING_SESSION.EVIDENCE_ID),
                row.get(MENTORING_SESSION.CREATED_AT));
    }
}

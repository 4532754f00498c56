package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;
import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Goals, sessions, private notes and agreed actions of the transaction's tenant's pairings. */
@Repository
class MentoringRecords {

    private final DSLContext db;

    MentoringRecords(DSLContext db) {
        this.db = db;
    }

    // --- goals ---------------------------------------------------------------------------------------------------

    MentoringGoal insertGoal(
            UUID tenantId,
            UUID mentorshipId,
            UUID competencyId,
            String title,
            String description,
            @Nullable LocalDate targetDate,
            UUID createdBy) {
        return db.insertInto(MENTORING_GOAL)
                .set(MENTORING_GOAL.TENANT_ID, tenantId)
                .set(MENTORING_GOAL.ID, UUID.randomUUID())
                .set(MENTORING_GOAL.MENTORSHIP_ID, mentorshipId)
                .set(MENTORING_GOAL.COMPETENCY_ID, competencyId)
                .set(MENTORING_GOAL.TITLE, title)
                .set(MENTORING_GOAL.DESCRIPTION, description)
                .set(MENTORING_GOAL.TARGET_DATE, targetDate)
                .set(MENTORING_GOAL.STATUS, MentoringGoal.Status.OPEN.name())
                .set(MENTORING_GOAL.CREATED_BY, createdBy)
                .returning()
                .fetchSingle(MentoringRecords::toGoal);
    }

    Optional<MentoringGoal> findGoal(UUID id) {
        return db.selectFrom(MENTORING_GOAL).where(MENTORING_GOAL.ID.eq(id)).fetchOptional(MentoringRecords::toGoal);
    }

    Map<UUID, List<MentoringGoal>> goalsOf(Collection<UUID> mentorshipIds) {
        Map<UUID, List<MentoringGoal>> result = new HashMap<>();
        db.selectFrom(MENTORING_GOAL)
                .where(MENTORING_GOAL.MENTORSHIP_ID.in(mentorshipIds))
                .orderBy(MENTORING_GOAL.CREATED_AT, MENTORING_GOAL.ID)
                .fetch(MentoringRecords::toGoal)
                .forEach(goal -> result.computeIfAbsent(goal.mentorshipId(), id -> new java.util.ArrayList<>())
                        .add(goal));
        return result;
    }

    /** Empty when the version moved on. */
    Optional<MentoringGoal> setGoalStatus(
            UUID id, int expectedVersion, MentoringGoal.Status status, @Nullable UUID evidenceId) {
        var update = db.update(MENTORING_GOAL)
                .set(MENTORING_GOAL.STATUS, status.name())
                .set(MENTORING_GOAL.VERSION, MENTORING_GOAL.VERSION.plus(1))
                .set(MENTORING_GOAL.UPDATED_AT, Instant.now());
        if (evidenceId != null) {
            update = update.set(MENTORING_GOAL.EVIDENCE_ID, evidenceId);
        }
        return update.where(MENTORING_GOAL.ID.eq(id))
                .and(MENTORING_GOAL.VERSION.eq(expectedVersion))
                .and(MENTORING_GOAL.STATUS.eq(MentoringGoal.Status.OPEN.name()))
                .returning()
                .fetchOptional(MentoringRecords::toGoal);
    }

    // --- sessions ------------------------------------------------------------------------------------------------

    /** Empty when a session with this idempotency key exists (a concurrent retry waits and then finds it). */
    Optional<MentoringSession> insertSession(
            UUID tenantId,
            UUID mentorshipId,
            LocalDate heldOn,
            int minutes,
            String sharedNotes,
            UUID loggedBy,
            @Nullable String idempotencyKey) {
        return db.insertInto(MENTORING_SESSION)
                .set(MENTORING_SESSION.TENANT_ID, tenantId)
                .set(MENTORING_SESSION.ID, UUID.randomUUID())
                .set(MENTORING_SESSION.MENTORSHIP_ID, mentorshipId)
                .set(MENTORING_SESSION.HELD_ON, heldOn)
                .set(MENTORING_SESSION.DURATION_MINUTES, minutes)
                .set(MENTORING_SESSION.SHARED_NOTES, sharedNotes)
                .set(MENTORING_SESSION.LOGGED_BY, loggedBy)
                .set(MENTORING_SESSION.IDEMPOTENCY_KEY, idempotencyKey)
                .onConflict(
                        MENTORING_SESSION.TENANT_ID, MENTORING_SESSION.MENTORSHIP_ID, MENTORING_SESSION.IDEMPOTENCY_KEY)
                .where(MENTORING_SESSION.IDEMPOTENCY_KEY.isNotNull())
                .doNothing()
                .returning()
                .fetchOptional(MentoringRecords::toSession);
    }

    Optional<Keyed> findByKey(UUID mentorshipId, String idempotencyKey) {
        return db.selectFrom(MENTORING_SESSION)
                .where(MENTORING_SESSION.MENTORSHIP_ID.eq(mentorshipId))
                .and(MENTORING_SESSION.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchOptional(row -> new Keyed(toSession(row), row.get(MENTORING_SESSION.LOGGED_BY)));
    }

    /** A session found by its idempotency key, and who logged it. */
    record Keyed(MentoringSession session, UUID loggedBy) {}

    void linkSessionEvidence(UUID sessionId, UUID evidenceId) {
        db.update(MENTORING_SESSION)
                .set(MENTORING_SESSION.EVIDENCE_ID, evidenceId)
                .where(MENTORING_SESSION.ID.eq(sessionId))
                .execute();
    }

    Optional<MentoringSession> findSession(UUID id) {
        return db.selectFrom(MENTORING_SESSION)
                .where(MENTORING_SESSION.ID.eq(id))
                .fetchOptional(MentoringRecords::toSession);
    }

    Map<UUID, List<MentoringSession>> sessionsOf(Collection<UUID> mentorshipIds) {
        Map<UUID, List<MentoringSession>> result = new HashMap<>();
        db.selectFrom(MENTORING_SESSION)
                .where(MENTORING_SESSION.MENTORSHIP_ID.in(mentorshipIds))
                .orderBy(MENTORING_SESSION.HELD_ON.desc(), MENTORING_SESSION.ID)
                .fetch(MentoringRecords::toSession)
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

    // --- actions -------------------------------------------------------------------------------------------------

    void insertActions(UUID tenantId, UUID sessionId, List<String> descriptions) {
        if (descriptions.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                MENTORING_ACTION,
                MENTORING_ACTION.TENANT_ID,
                MENTORING_ACTION.ID,
                MENTORING_ACTION.SESSION_ID,
                MENTORING_ACTION.POSITION,
                MENTORING_ACTION.DESCRIPTION);
        for (int i = 0; i < descriptions.size(); i++) {
            insert = insert.values(tenantId, UUID.randomUUID(), sessionId, i, descriptions.get(i));
        }
        insert.execute();
    }

    Optional<MentoringAction> findAction(UUID id) {
        return db.selectFrom(MENTORING_ACTION)
                .where(MENTORING_ACTION.ID.eq(id))
                .fetchOptional(MentoringRecords::toAction);
    }

    MentoringAction setDone(UUID id, boolean done) {
        return db.update(MENTORING_ACTION)
                .set(MENTORING_ACTION.DONE, done)
                .set(MENTORING_ACTION.UPDATED_AT, Instant.now())
                .where(MENTORING_ACTION.ID.eq(id))
                .returning()
                .fetchSingle(MentoringRecords::toAction);
    }

    Map<UUID, List<MentoringAction>> actionsOf(Collection<UUID> sessionIds) {
        Map<UUID, List<MentoringAction>> result = new HashMap<>();
        db.selectFrom(MENTORING_ACTION)
                .where(MENTORING_ACTION.SESSION_ID.in(sessionIds))
                .orderBy(MENTORING_ACTION.POSITION)
                .fetch(MentoringRecords::toAction)
                .forEach(action -> result.computeIfAbsent(action.sessionId(), id -> new java.util.ArrayList<>())
                        .add(action));
        return result;
    }

    private static MentoringGoal toGoal(Record row) {
        return new MentoringGoal(
                row.get(MENTORING_GOAL.ID),
                row.get(MENTORING_GOAL.MENTORSHIP_ID),
                row.get(MENTORING_GOAL.COMPETENCY_ID),
                row.get(MENTORING_GOAL.TITLE),
                row.get(MENTORING_GOAL.DESCRIPTION),
                row.get(MENTORING_GOAL.TARGET_DATE),
                MentoringGoal.Status.valueOf(row.get(MENTORING_GOAL.STATUS)),
                row.get(MENTORING_GOAL.EVIDENCE_ID),
                row.get(MENTORING_GOAL.VERSION),
                row.get(MENTORING_GOAL.CREATED_AT));
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

    private static MentoringAction toAction(Record row) {
        return new MentoringAction(
                row.get(MENTORING_ACTION.ID),
                row.get(MENTORING_ACTION.SESSION_ID),
                row.get(MENTORING_ACTION.POSITION),
                row.get(MENTORING_ACTION.DESCRIPTION),
                row.get(MENTORING_ACTION.DONE));
    }
}

package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORING_GOAL;

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

/** Goals of the transaction's tenant's pairings. */
@Repository
class GoalRecords {

    private final DSLContext db;

    GoalRecords(DSLContext db) {
        this.db = db;
    }

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
                .fetchSingle(GoalRecords::toGoal);
    }

    Optional<MentoringGoal> findGoal(UUID id) {
        return db.selectFrom(MENTORING_GOAL).where(MENTORING_GOAL.ID.eq(id)).fetchOptional(GoalRecords::toGoal);
    }

    Map<UUID, List<MentoringGoal>> goalsOf(Collection<UUID> mentorshipIds) {
        Map<UUID, List<MentoringGoal>> result = new HashMap<>();
        db.selectFrom(MENTORING_GOAL)
                .where(MENTORING_GOAL.MENTORSHIP_ID.in(mentorshipIds))
                .orderBy(MENTORING_GOAL.CREATED_AT, MENTORING_GOAL.ID)
                .fetch(GoalRecords::toGoal)
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
                .fetchOptional(GoalRecords::toGoal);
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
}

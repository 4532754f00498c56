package org.trellis.api.frameworks;

import static org.trellis.persistence.jooq.Tables.FRAMEWORK_ASSIGNMENT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Framework assignments of the transaction's tenant; a move ends one row and starts the next. */
@Repository
class Assignments {

    private final DSLContext db;

    Assignments(DSLContext db) {
        this.db = db;
    }

    List<Assignment> ofPeople(Collection<UUID> personIds, boolean currentOnly) {
        return db.selectFrom(FRAMEWORK_ASSIGNMENT)
                .where(FRAMEWORK_ASSIGNMENT.PERSON_ID.in(personIds))
                .and(currentOnly ? FRAMEWORK_ASSIGNMENT.ENDED_AT.isNull() : org.jooq.impl.DSL.noCondition())
                .orderBy(FRAMEWORK_ASSIGNMENT.ASSIGNED_AT.desc())
                .fetch(Assignments::toAssignment);
    }

    void endCurrent(UUID personId) {
        db.update(FRAMEWORK_ASSIGNMENT)
                .set(FRAMEWORK_ASSIGNMENT.ENDED_AT, Instant.now())
                .where(FRAMEWORK_ASSIGNMENT.PERSON_ID.eq(personId))
                .and(FRAMEWORK_ASSIGNMENT.ENDED_AT.isNull())
                .execute();
    }

    Assignment insert(
            UUID tenantId,
            UUID personId,
            UUID versionId,
            UUID currentLevelId,
            @Nullable UUID targetLevelId,
            String assignedBy) {
        return db.insertInto(FRAMEWORK_ASSIGNMENT)
                .set(FRAMEWORK_ASSIGNMENT.TENANT_ID, tenantId)
                .set(FRAMEWORK_ASSIGNMENT.ID, UUID.randomUUID())
                .set(FRAMEWORK_ASSIGNMENT.PERSON_ID, personId)
                .set(FRAMEWORK_ASSIGNMENT.VERSION_ID, versionId)
                .set(FRAMEWORK_ASSIGNMENT.CURRENT_LEVEL_ID, currentLevelId)
                .set(FRAMEWORK_ASSIGNMENT.TARGET_LEVEL_ID, targetLevelId)
                .set(FRAMEWORK_ASSIGNMENT.ASSIGNED_BY, assignedBy)
                .returning()
                .fetchSingle(Assignments::toAssignment);
    }

    private static Assignment toAssignment(Record row) {
        return new Assignment(
                row.get(FRAMEWORK_ASSIGNMENT.ID),
                row.get(FRAMEWORK_ASSIGNMENT.PERSON_ID),
                row.get(FRAMEWORK_ASSIGNMENT.VERSION_ID),
                row.get(FRAMEWORK_ASSIGNMENT.CURRENT_LEVEL_ID),
                row.get(FRAMEWORK_ASSIGNMENT.TARGET_LEVEL_ID),
                row.get(FRAMEWORK_ASSIGNMENT.ASSIGNED_AT),
                row.get(FRAMEWORK_ASSIGNMENT.ASSIGNED_BY),
                row.get(FRAMEWORK_ASSIGNMENT.ENDED_AT));
    }
}

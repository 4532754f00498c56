package org.trellis.api.mentoring;

import static org.trellis.persistence.jooq.Tables.MENTORING_ACTION;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Actions agreed in sessions of the transaction's tenant's pairings. */
@Repository
class ActionRecords {

    private final DSLContext db;

    ActionRecords(DSLContext db) {
        this.db = db;
    }

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
        return db.selectFrom(MENTORING_ACTION).where(MENTORING_ACTION.ID.eq(id)).fetchOptional(ActionRecords::toAction);
    }

    MentoringAction setDone(UUID id, boolean done) {
        return db.update(MENTORING_ACTION)
                .set(MENTORING_ACTION.DONE, done)
                .set(MENTORING_ACTION.UPDATED_AT, Instant.now())
                .where(MENTORING_ACTION.ID.eq(id))
                .returning()
                .fetchSingle(ActionRecords::toAction);
    }

    Map<UUID, List<MentoringAction>> actionsOf(Collection<UUID> sessionIds) {
        Map<UUID, List<MentoringAction>> result = new HashMap<>();
        db.selectFrom(MENTORING_ACTION)
                .where(MENTORING_ACTION.SESSION_ID.in(sessionIds))
                .orderBy(MENTORING_ACTION.POSITION)
                .fetch(ActionRecords::toAction)
                .forEach(action -> result.computeIfAbsent(action.sessionId(), id -> new java.util.ArrayList<>())
                        .add(action));
        return result;
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

package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.trellis.api.readiness.ReadinessEngine.Verdict;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Readiness snapshots of the transaction's tenant, newest first. */
@Repository
class Snapshots {

    /** Snapshots a history answer holds at most. */
    static final int MAX_HISTORY = 52;

    private static final TypeReference<Map<String, Snapshot.Cell>> CELLS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    Snapshots(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    List<Snapshot> latest(UUID personId, int limit) {
        return db.selectFrom(READINESS_SNAPSHOT)
                .where(READINESS_SNAPSHOT.PERSON_ID.eq(personId))
                .orderBy(READINESS_SNAPSHOT.TAKEN_AT.desc(), READINESS_SNAPSHOT.ID)
                .limit(Math.min(limit, MAX_HISTORY))
                .fetch(this::toSnapshot);
    }

    /** Queues this transaction behind any other changing the person's readiness (the rollup takes the same lock). */
    void lockPerson(UUID tenantId, UUID personId) {
        db.execute(
                "select pg_advisory_xact_lock(hashtextextended('readiness:' || ? || ':' || ?, 0))",
                tenantId.toString(),
                personId.toString());
    }

    /** The newest snapshots without their cells (which history does not show, and which are the bulk of a row). */
    List<Snapshot> history(UUID personId, int limit) {
        return db.select(
                        READINESS_SNAPSHOT.PERSON_ID,
                        READINESS_SNAPSHOT.LEVEL_ID,
                        READINESS_SNAPSHOT.VERDICT,
                        READINESS_SNAPSHOT.SCORE,
                        READINESS_SNAPSHOT.READY,
                        READINESS_SNAPSHOT.TAKEN_AT)
                .from(READINESS_SNAPSHOT)
                .where(READINESS_SNAPSHOT.PERSON_ID.eq(personId))
                .orderBy(READINESS_SNAPSHOT.TAKEN_AT.desc(), READINESS_SNAPSHOT.ID)
                .limit(Math.min(limit, MAX_HISTORY))
                .fetch(row -> new Snapshot(
                        row.value1(),
                        row.value2(),
                        Verdict.valueOf(row.value3()),
                        row.value4(),
                        row.value5(),
                        Map.of(),
                        row.value6()));
    }

    void insert(UUID tenantId, Readiness readiness) {
        db.insertInto(READINESS_SNAPSHOT)
                .set(READINESS_SNAPSHOT.TENANT_ID, tenantId)
                .set(READINESS_SNAPSHOT.ID, UUID.randomUUID())
                .set(READINESS_SNAPSHOT.PERSON_ID, readiness.personId())
                .set(READINESS_SNAPSHOT.LEVEL_ID, readiness.levelId())
                .set(READINESS_SNAPSHOT.VERDICT, readiness.verdict().name())
                .set(READINESS_SNAPSHOT.SCORE, readiness.score())
                .set(READINESS_SNAPSHOT.READY, readiness.readyToday())
                .set(READINESS_SNAPSHOT.CELLS, JSONB.valueOf(json.writeValueAsString(Snapshot.cellsOf(readiness))))
                .execute();
    }

    private Snapshot toSnapshot(Record row) {
        return new Snapshot(
                row.get(READINESS_SNAPSHOT.PERSON_ID),
                row.get(READINESS_SNAPSHOT.LEVEL_ID),
                Verdict.valueOf(row.get(READINESS_SNAPSHOT.VERDICT)),
                row.get(READINESS_SNAPSHOT.SCORE),
                row.get(READINESS_SNAPSHOT.READY),
                json.readValue(row.get(READINESS_SNAPSHOT.CELLS).data(), CELLS),
                row.get(READINESS_SNAPSHOT.TAKEN_AT));
    }
}

package org.trellis.api.readiness;

import static org.trellis.persistence.jooq.Tables.READINESS_SNAPSHOT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
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

    /**
     * {@code {12}} is a write sent along in the same statement. The cells go as text and become jsonb only in the
     * insert's projection, so a decision that moved nothing never has its evidence lists parsed.
     */
    private static final String TAKE_IF_MOVED = """
            WITH alongside AS ({12}),
            latest AS (
                SELECT level_id, verdict, score, ready, competency_keys, statuses FROM readiness_snapshot
                 WHERE tenant_id = {0} AND person_id = {1}
                 ORDER BY taken_at DESC, id LIMIT 1),
            now (tenant_id, person_id, cells, level_id, verdict, score, ready, id, competency_keys, statuses) AS (
                VALUES ({2}::uuid, {3}::uuid, {4}::text, {5}::uuid, {6}, {7}::int, {8}::boolean, {9}::uuid,
                        {10}::text[], {11}::text)),
            taken AS (
                INSERT INTO readiness_snapshot
                       (tenant_id, id, person_id, level_id, verdict, score, ready, cells, competency_keys, statuses)
                SELECT n.tenant_id, n.id, n.person_id, n.level_id, n.verdict, n.score, n.ready, n.cells::jsonb,
                       n.competency_keys, n.statuses
                  FROM now n
                 WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.level_id = n.level_id AND l.verdict = n.verdict
                                     AND l.score = n.score AND l.ready = n.ready
                                     AND l.competency_keys = n.competency_keys AND l.statuses = n.statuses)
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM taken) AS taken, l.verdict AS previous_verdict, l.score AS previous_score
              FROM now LEFT JOIN latest l ON true""";

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

    /**
     * What {@link #takeIfChanged} did: whether it took a snapshot, and the verdict and score of the latest one before
     * (null when the person had none).
     */
    record Taken(
            boolean taken,
            @Nullable Verdict previousVerdict,
            @Nullable Integer previousScore) {}

    /**
     * Takes a snapshot of {@code readiness} when it moved since the person's latest: its level, verdict, score,
     * readiness today or any competency's status (the evidence counted is recorded, but more of it alone is no move),
     * in one statement.
     */
    Taken takeIfMoved(UUID tenantId, Readiness readiness) {
        return takeIfMoved(tenantId, readiness, DSL.query("SELECT 1"));
    }

    /**
     * As above, sending {@code alongside} (a write that returns nothing, such as replacing the person's packed row)
     * in the same statement, so that recording readiness costs one round trip less.
     */
    Taken takeIfMoved(UUID tenantId, Readiness readiness, Query alongside) {
        ReadinessSummary packed = ReadinessSummary.of(readiness, ReadinessSummary.NO_ROW);
        Record row = db.fetchSingle(
                TAKE_IF_MOVED,
                DSL.val(tenantId),
                DSL.val(readiness.personId()),
                DSL.val(tenantId),
                DSL.val(readiness.personId()),
                DSL.val(json.writeValueAsString(Snapshot.cellsOf(readiness))),
                DSL.val(readiness.levelId()),
                DSL.val(readiness.verdict().name()),
                DSL.val(readiness.score()),
                DSL.val(readiness.readyToday()),
                DSL.val(UUID.randomUUID()),
                DSL.val(packed.keys().toArray(String[]::new)),
                DSL.val(packed.statuses()),
                alongside);
        String previous = row.get("previous_verdict", String.class);
        return new Taken(
                row.get("taken", Boolean.class),
                previous == null ? null : Verdict.valueOf(previous),
                row.get("previous_score", Integer.class));
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

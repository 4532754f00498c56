package org.trellis.api.readiness;

import static org.jooq.impl.DSL.excluded;
import static org.trellis.persistence.jooq.Tables.READINESS_SUMMARY;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.readiness.ReadinessEngine.Verdict;
import org.trellis.persistence.jooq.tables.records.ReadinessSummaryRecord;

/**
 * The packed readiness rows of the transaction's tenant. A write that changes a person's readiness replaces their row
 * and bumps its revision ({@link #replace}); a read that finds a row missing or out of date stores what it decided
 * only over the revision it read ({@link #fill}), so it never overwrites a newer decision.
 */
@Repository
class ReadinessSummaries {

    /**
     * A write's revision: above any the row had, even when it was removed and written again in between (a read that
     * saw the old row must not match the new one).
     */
    private static final Field<Long> WRITE_REVISION =
            DSL.field("(extract(epoch from clock_timestamp()) * 1000000)::bigint", Long.class);

    private final DSLContext db;

    ReadinessSummaries(DSLContext db) {
        this.db = db;
    }

    /** The columns {@link #toSummary} reads, for queries that join the rows to others. */
    static final List<SelectField<?>> COLUMNS = List.of(
            READINESS_SUMMARY.PERSON_ID,
            READINESS_SUMMARY.VERSION_ID,
            READINESS_SUMMARY.LEVEL_ID,
            READINESS_SUMMARY.VERDICT,
            READINESS_SUMMARY.SCORE,
            READINESS_SUMMARY.COMPETENCY_KEYS,
            READINESS_SUMMARY.STATUSES,
            READINESS_SUMMARY.VALID_UNTIL,
            READINESS_SUMMARY.REVISION);

    Map<UUID, ReadinessSummary> of(Collection<UUID> personIds) {
        Map<UUID, ReadinessSummary> result = new HashMap<>();
        db.select(COLUMNS)
                .from(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.in(personIds))
                .forEach(row -> result.put(row.get(READINESS_SUMMARY.PERSON_ID), toSummary(row)));
        return result;
    }

    /** The row's summary, or null where an outer join found none. */
    static @Nullable ReadinessSummary toSummary(Record row) {
        UUID personId = row.get(READINESS_SUMMARY.PERSON_ID);
        if (personId == null) {
            return null;
        }
        return new ReadinessSummary(
                personId,
                row.get(READINESS_SUMMARY.VERSION_ID),
                row.get(READINESS_SUMMARY.LEVEL_ID),
                Verdict.valueOf(row.get(READINESS_SUMMARY.VERDICT)),
                row.get(READINESS_SUMMARY.SCORE),
                List.of(row.get(READINESS_SUMMARY.COMPETENCY_KEYS)),
                row.get(READINESS_SUMMARY.STATUSES),
                row.get(READINESS_SUMMARY.VALID_UNTIL),
                row.get(READINESS_SUMMARY.REVISION));
    }

    /**
     * After a write changed the person's readiness: the statement that replaces their row, whatever was there, for
     * the caller to send (alongside its snapshot).
     */
    Query replacing(UUID tenantId, ReadinessSummary summary) {
        return values(tenantId, List.of(summary), WRITE_REVISION)
                .onConflict(READINESS_SUMMARY.TENANT_ID, READINESS_SUMMARY.PERSON_ID)
                .doUpdate()
                .set(updates())
                .set(
                        READINESS_SUMMARY.REVISION,
                        DSL.greatest(READINESS_SUMMARY.REVISION.plus(1), excluded(READINESS_SUMMARY.REVISION)));
    }

    /** After a write left the person without readiness (no framework assignment). */
    void remove(UUID personId) {
        db.deleteFrom(READINESS_SUMMARY)
                .where(READINESS_SUMMARY.PERSON_ID.eq(personId))
                .execute();
    }

    /**
     * Decisions a read made, in a transaction of their own: stored only where the row is still the revision that read
     * saw (or still absent). Rows go in person order, so that two fills never wait on each other crosswise. Answers
     * the rows stored.
     */
    @Transactional
    int fill(UUID tenantId, Collection<ReadinessSummary> summaries) {
        if (summaries.isEmpty()) {
            return 0;
        }
        return values(
                        tenantId,
                        summaries.stream()
                                .sorted(Comparator.comparing(ReadinessSummary::personId))
                                .toList(),
                        null)
                .onConflict(READINESS_SUMMARY.TENANT_ID, READINESS_SUMMARY.PERSON_ID)
                .doUpdate()
                .set(updates())
                .where(READINESS_SUMMARY.REVISION.eq(excluded(READINESS_SUMMARY.REVISION)))
                .execute();
    }

    /** Every row of the tenant, so that each is decided again from the (rebuilt) rollup when next read. */
    int clear() {
        return db.deleteFrom(READINESS_SUMMARY).execute();
    }

    private InsertValuesStepN<ReadinessSummaryRecord> values(
            UUID tenantId, Collection<ReadinessSummary> summaries, @Nullable Field<Long> revision) {
        InsertValuesStepN<ReadinessSummaryRecord> insert = db.insertInto(
                READINESS_SUMMARY,
                List.of(
                        READINESS_SUMMARY.TENANT_ID,
                        READINESS_SUMMARY.PERSON_ID,
                        READINESS_SUMMARY.VERSION_ID,
                        READINESS_SUMMARY.LEVEL_ID,
                        READINESS_SUMMARY.VERDICT,
                        READINESS_SUMMARY.SCORE,
                        READINESS_SUMMARY.COMPETENCY_KEYS,
                        READINESS_SUMMARY.STATUSES,
                        READINESS_SUMMARY.VALID_UNTIL,
                        READINESS_SUMMARY.REVISION));
        for (ReadinessSummary s : summaries) {
            insert = insert.values(
                    tenantId,
                    s.personId(),
                    s.versionId(),
                    s.levelId(),
                    s.verdict().name(),
                    s.score(),
                    s.keys().toArray(String[]::new),
                    s.statuses(),
                    s.validUntil(),
                    revision == null ? s.revision() : revision);
        }
        return insert;
    }

    private static Map<Field<?>, Field<?>> updates() {
        return Map.of(
                READINESS_SUMMARY.VERSION_ID, excluded(READINESS_SUMMARY.VERSION_ID),
                READINESS_SUMMARY.LEVEL_ID, excluded(READINESS_SUMMARY.LEVEL_ID),
                READINESS_SUMMARY.VERDICT, excluded(READINESS_SUMMARY.VERDICT),
                READINESS_SUMMARY.SCORE, excluded(READINESS_SUMMARY.SCORE),
                READINESS_SUMMARY.COMPETENCY_KEYS, excluded(READINESS_SUMMARY.COMPETENCY_KEYS),
                READINESS_SUMMARY.STATUSES, excluded(READINESS_SUMMARY.STATUSES),
                READINESS_SUMMARY.VALID_UNTIL, excluded(READINESS_SUMMARY.VALID_UNTIL),
                READINESS_SUMMARY.DECIDED_AT, DSL.currentTimestamp().cast(Instant.class));
    }
}

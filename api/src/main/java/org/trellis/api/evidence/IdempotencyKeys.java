package org.trellis.api.evidence;

import static org.trellis.persistence.jooq.Tables.IDEMPOTENCY_KEY;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of the transaction's tenant, kept 24 hours. Claiming a key inserts it; a concurrent claim of the
 * same key waits on the primary key until the first transaction ends, then sees its result.
 */
@Repository
class IdempotencyKeys {

    static final long KEEP_HOURS = 24;

    private final DSLContext db;

    IdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    /** True if this call claimed the key; false if it was already taken (then see {@link #find}). */
    boolean claim(UUID tenantId, String key, String operation, String requestHash) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .and(IDEMPOTENCY_KEY.CREATED_AT.lt(Instant.now().minus(KEEP_HOURS, ChronoUnit.HOURS)))
                .execute();
        return db.insertInto(IDEMPOTENCY_KEY)
                        .set(IDEMPOTENCY_KEY.TENANT_ID, tenantId)
                        .set(IDEMPOTENCY_KEY.KEY, key)
                        .set(IDEMPOTENCY_KEY.OPERATION, operation)
                        .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                        .onConflictDoNothing()
                        .execute()
                > 0;
    }

    Optional<Claimed> find(String key) {
        return db.select(IDEMPOTENCY_KEY.OPERATION, IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.RESULT_ID)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .fetchOptional(row -> new Claimed(row.value1(), row.value2(), row.value3()));
    }

    void complete(String key, UUID resultId) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.RESULT_ID, resultId)
                .where(IDEMPOTENCY_KEY.KEY.eq(key))
                .execute();
    }

    /** A key already used: for which request, with which result. */
    record Claimed(String operation, String requestHash, UUID resultId) {}
}

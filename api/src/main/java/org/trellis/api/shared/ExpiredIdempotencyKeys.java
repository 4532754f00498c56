package org.trellis.api.shared;

import static org.trellis.persistence.jooq.Tables.IDEMPOTENCY_KEY;

import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys past {@link IdempotencyKeys#KEPT}: they answer no retry any more (a returning key
 * replaces its expired row itself), so nothing reads them. Their retention is that guarantee, not a setting.
 */
@Component
class ExpiredIdempotencyKeys implements TenantPurge {

    private final DSLContext db;

    ExpiredIdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "idempotency-keys";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        return db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY.in(db.select(IDEMPOTENCY_KEY.KEY)
                        .from(IDEMPOTENCY_KEY)
                        .where(IDEMPOTENCY_KEY.CREATED_AT.lt(now.minus(IdempotencyKeys.KEPT)))
                        .limit(batchSize)))
                .and(IDEMPOTENCY_KEY.CREATED_AT.lt(now.minus(IdempotencyKeys.KEPT)))
                .execute();
    }
}

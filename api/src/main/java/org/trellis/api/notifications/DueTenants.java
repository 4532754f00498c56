package org.trellis.api.notifications;

import static org.trellis.persistence.jooq.Tables.OUTBOUND_DELIVERY;
import static org.trellis.persistence.jooq.Tables.OUTBOUND_DUE;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The platform table {@code outbound_due}: one row per tenant with pending deliveries (due time of its next
 * delivery, how many, since when the oldest waits). The fan-out trigger adds to it in the transaction of the change;
 * the relay recomputes a tenant's row after serving it. So finding work is one indexed statement whatever the number
 * of tenants, and the backlog gauges read only this table.
 */
@Repository
class DueTenants {

    private final DSLContext db;

    DueTenants(DSLContext db) {
        this.db = db;
    }

    /** Up to {@code limit} tenants with deliveries due now, the longest due first. */
    List<UUID> due(int limit) {
        return db.select(OUTBOUND_DUE.TENANT)
                .from(OUTBOUND_DUE)
                .where(OUTBOUND_DUE.DUE_AT.le(DSL.currentInstant()))
                .orderBy(OUTBOUND_DUE.DUE_AT)
                .limit(limit)
                .fetch(OUTBOUND_DUE.TENANT);
    }

    /**
     * Recomputes the row of the transaction's tenant from its pending deliveries. It locks the row first, so a
     * fan-out that marked the tenant before has committed (and its deliveries are counted), and one that marks it
     * after waits and then adds to (or re-creates) the row: no wake-up is lost.
     */
    void refresh(UUID tenantId) {
        db.select(OUTBOUND_DUE.TENANT)
                .from(OUTBOUND_DUE)
                .where(OUTBOUND_DUE.TENANT.eq(tenantId))
                .forUpdate()
                .fetch();
        Record3<Instant, Integer, Instant> pending = db.select(
                        DSL.min(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT), DSL.count(), DSL.min(OUTBOUND_DELIVERY.QUEUED_AT))
                .from(OUTBOUND_DELIVERY)
                .where(OUTBOUND_DELIVERY.STATUS.eq(WebhookDelivery.Status.PENDING.name()))
                .fetchSingle();
        if (pending.value2() == 0) {
            db.deleteFrom(OUTBOUND_DUE).where(OUTBOUND_DUE.TENANT.eq(tenantId)).execute();
            return;
        }
        db.insertInto(OUTBOUND_DUE)
                .set(OUTBOUND_DUE.TENANT, tenantId)
                .set(OUTBOUND_DUE.DUE_AT, pending.value1())
                .set(OUTBOUND_DUE.PENDING, (long) pending.value2())
                .set(OUTBOUND_DUE.OLDEST_AT, pending.value3())
                .onConflict(OUTBOUND_DUE.TENANT)
                .doUpdate()
                .set(OUTBOUND_DUE.DUE_AT, pending.value1())
                .set(OUTBOUND_DUE.PENDING, (long) pending.value2())
                .set(OUTBOUND_DUE.OLDEST_AT, pending.value3())
                .execute();
    }

    /** Pending deliveries across tenants, and when the oldest was queued (null when none). */
    Backlog backlog() {
        var row = db.select(
                        DSL.coalesce(DSL.sum(OUTBOUND_DUE.PENDING), DSL.inline(java.math.BigDecimal.ZERO)),
                        DSL.min(OUTBOUND_DUE.OLDEST_AT))
                .from(OUTBOUND_DUE)
                .fetchSingle();
        return new Backlog(row.value1().longValue(), row.value2());
    }

    record Backlog(
            long pending, @org.jspecify.annotations.Nullable Instant oldestAt) {}
}

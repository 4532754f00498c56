package org.trellis.api.notifications;

import static org.trellis.persistence.jooq.Tables.OUTBOUND_DELIVERY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The relay's side of the transaction's tenant's deliveries. A claim takes due deliveries with {@code FOR UPDATE
 * SKIP LOCKED}, counts the attempt and leases it by moving {@code next_attempt_at} to the end of the lease (all by
 * the database's clock), so concurrent relays never start the same attempt, and one that dies leaves the delivery
 * due again when the lease ends. An outcome is recorded only for the claim that is still current (same attempt
 * count, still pending): a relay whose lease ran out cannot record over the next claim.
 */
@Repository
class DeliveryQueue {

    private static final String PENDING = WebhookDelivery.Status.PENDING.name();

    private final DSLContext db;

    DeliveryQueue(DSLContext db) {
        this.db = db;
    }

    /** Claims up to {@code limit} due deliveries, oldest due first, for {@code lease}. */
    List<Claim> claim(int limit, Duration lease) {
        return db.update(OUTBOUND_DELIVERY)
                .set(OUTBOUND_DELIVERY.ATTEMPTS, OUTBOUND_DELIVERY.ATTEMPTS.plus(1))
                .set(OUTBOUND_DELIVERY.LAST_ATTEMPT_AT, DSL.currentInstant())
                .set(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT, inFuture(lease))
                .where(OUTBOUND_DELIVERY.ID.in(DSL.select(OUTBOUND_DELIVERY.ID)
                        .from(OUTBOUND_DELIVERY)
                        .where(OUTBOUND_DELIVERY.STATUS.eq(PENDING))
                        .and(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT.le(DSL.currentInstant()))
                        .orderBy(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT)
                        .limit(limit)
                        .forUpdate()
                        .skipLocked()))
                .returning(
                        OUTBOUND_DELIVERY.ID,
                        OUTBOUND_DELIVERY.SUBSCRIPTION_ID,
                        OUTBOUND_DELIVERY.EVENT_ID,
                        OUTBOUND_DELIVERY.PAYLOAD,
                        OUTBOUND_DELIVERY.ATTEMPTS,
                        OUTBOUND_DELIVERY.QUEUED_AT,
                        OUTBOUND_DELIVERY.LAST_ATTEMPT_AT)
                .fetch(row -> new Claim(
                        row.get(OUTBOUND_DELIVERY.ID),
                        row.get(OUTBOUND_DELIVERY.SUBSCRIPTION_ID),
                        row.get(OUTBOUND_DELIVERY.EVENT_ID),
                        row.get(OUTBOUND_DELIVERY.PAYLOAD),
                        row.get(OUTBOUND_DELIVERY.ATTEMPTS),
                        row.get(OUTBOUND_DELIVERY.QUEUED_AT),
                        row.get(OUTBOUND_DELIVERY.LAST_ATTEMPT_AT)));
    }

    /** The attempt succeeded; false if the claim is no longer current. */
    boolean delivered(Claim claim, int status) {
        return db.update(OUTBOUND_DELIVERY)
                        .set(OUTBOUND_DELIVERY.STATUS, WebhookDelivery.Status.DELIVERED.name())
                        .set(OUTBOUND_DELIVERY.FINISHED_AT, DSL.currentInstant())
                        .set(OUTBOUND_DELIVERY.LAST_STATUS_CODE, status)
                        .setNull(OUTBOUND_DELIVERY.LAST_ERROR)
                        .where(current(claim))
                        .execute()
                == 1;
    }

    /** The attempt failed; tried again after {@code wait}. False if the claim is no longer current. */
    boolean retry(Claim claim, @Nullable Integer status, String error, Duration wait) {
        return db.update(OUTBOUND_DELIVERY)
                        .set(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT, inFuture(wait))
                        .set(OUTBOUND_DELIVERY.LAST_STATUS_CODE, status)
                        .set(OUTBOUND_DELIVERY.LAST_ERROR, error)
                        .where(current(claim))
                        .execute()
                == 1;
    }

    /** The attempt failed and the delivery is given up. False if the claim is no longer current. */
    boolean failed(Claim claim, @Nullable Integer status, String error) {
        return db.update(OUTBOUND_DELIVERY)
                        .set(OUTBOUND_DELIVERY.STATUS, WebhookDelivery.Status.FAILED.name())
                        .set(OUTBOUND_DELIVERY.FINISHED_AT, DSL.currentInstant())
                        .set(OUTBOUND_DELIVERY.LAST_STATUS_CODE, status)
                        .set(OUTBOUND_DELIVERY.LAST_ERROR, error)
                        .where(current(claim))
                        .execute()
                == 1;
    }

    private static Condition current(Claim claim) {
        return OUTBOUND_DELIVERY
                .ID
                .eq(claim.id())
                .and(OUTBOUND_DELIVERY.ATTEMPTS.eq(claim.attempt()))
                .and(OUTBOUND_DELIVERY.STATUS.eq(PENDING));
    }

    private static Field<Instant> inFuture(Duration wait) {
        return DSL.field(
                "now() + make_interval(secs => {0})",
                SQLDataType.INSTANT, DSL.val(wait.toMillis() / 1000.0, SQLDataType.DOUBLE));
    }

    /**
     * A claimed attempt.
     *
     * @param attempt the attempt's number (1 for the first)
     * @param claimedAt when it was claimed, by the database's clock
     */
    record Claim(
            UUID id,
            UUID subscriptionId,
            UUID eventId,
            String payload,
            int attempt,
            Instant queuedAt,
            Instant claimedAt) {}
}

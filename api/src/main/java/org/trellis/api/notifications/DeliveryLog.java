package org.trellis.api.notifications;

import static org.trellis.persistence.jooq.Tables.OUTBOUND_DELIVERY;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/** The delivery log of the transaction's tenant: what admins read and replay, and what is purged. */
@Repository
class DeliveryLog {

    /** Newest first, then by id. */
    private static final KeysetOrder NEWEST = KeysetOrder.of(
            KeysetOrder.descending("createdAt", OUTBOUND_DELIVERY.CREATED_AT),
            KeysetOrder.ascending("id", OUTBOUND_DELIVERY.ID));

    private final DSLContext db;

    DeliveryLog(DSLContext db) {
        this.db = db;
    }

    /** A page of the log, newest first, of one subscription and in one status when given. */
    Paged<WebhookDelivery> page(
            @Nullable UUID subscriptionId, WebhookDelivery.@Nullable Status status, KeysetWindows.Page page) {
        Condition where = DSL.noCondition();
        if (subscriptionId != null) {
            where = where.and(OUTBOUND_DELIVERY.SUBSCRIPTION_ID.eq(subscriptionId));
        }
        if (status != null) {
            where = where.and(OUTBOUND_DELIVERY.STATUS.eq(status.name()));
        }
        Condition filter = where;
        return Paged.of(
                NEWEST.page(
                                sort -> db.selectFrom(OUTBOUND_DELIVERY)
                                        .where(filter)
                                        .orderBy(sort),
                                page)
                        .fetch(DeliveryLog::toDelivery),
                db,
                OUTBOUND_DELIVERY,
                filter);
    }

    static Map<String, String> keys(WebhookDelivery delivery) {
        return NEWEST.keys(delivery.createdAt(), delivery.id());
    }

    Optional<WebhookDelivery> findById(UUID id) {
        return db.selectFrom(OUTBOUND_DELIVERY)
                .where(OUTBOUND_DELIVERY.ID.eq(id))
                .fetchOptional(DeliveryLog::toDelivery);
    }

    /**
     * Queues the delivery again, due now, with a fresh retry period: same event, same body, same webhook-id. An
     * attempt in flight is not disturbed (its result still counts, and a pending delivery just becomes due now).
     */
    WebhookDelivery requeue(UUID id) {
        return db.update(OUTBOUND_DELIVERY)
                .set(OUTBOUND_DELIVERY.STATUS, WebhookDelivery.Status.PENDING.name())
                .set(OUTBOUND_DELIVERY.QUEUED_AT, DSL.currentInstant())
                .set(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT, DSL.currentInstant())
                .setNull(OUTBOUND_DELIVERY.FINISHED_AT)
                .where(OUTBOUND_DELIVERY.ID.eq(id))
                .returning()
                .fetchSingle(DeliveryLog::toDelivery);
    }

    /** Fails every pending delivery of a subscription that was just disabled; how many. */
    int failPending(UUID subscriptionId, String why) {
        return db.update(OUTBOUND_DELIVERY)
                .set(OUTBOUND_DELIVERY.STATUS, WebhookDelivery.Status.FAILED.name())
                .set(OUTBOUND_DELIVERY.FINISHED_AT, DSL.currentInstant())
                .set(OUTBOUND_DELIVERY.LAST_ERROR, why)
                .where(OUTBOUND_DELIVERY.SUBSCRIPTION_ID.eq(subscriptionId))
                .and(OUTBOUND_DELIVERY.STATUS.eq(WebhookDelivery.Status.PENDING.name()))
                .execute();
    }

    /** Deletes at most {@code batchSize} deliveries that finished before {@code cutoff}; how many. */
    int deleteFinishedBefore(Instant cutoff, int batchSize) {
        return db.deleteFrom(OUTBOUND_DELIVERY)
                .where(OUTBOUND_DELIVERY.ID.in(DSL.select(OUTBOUND_DELIVERY.ID)
                        .from(OUTBOUND_DELIVERY)
                        .where(OUTBOUND_DELIVERY.STATUS.ne(WebhookDelivery.Status.PENDING.name()))
                        .and(OUTBOUND_DELIVERY.FINISHED_AT.lt(cutoff))
                        .limit(batchSize)))
                .execute();
    }

    static WebhookDelivery toDelivery(Record row) {
        WebhookDelivery.Status status = WebhookDelivery.Status.valueOf(row.get(OUTBOUND_DELIVERY.STATUS));
        return new WebhookDelivery(
                row.get(OUTBOUND_DELIVERY.ID),
                row.get(OUTBOUND_DELIVERY.SUBSCRIPTION_ID),
                row.get(OUTBOUND_DELIVERY.EVENT_ID),
                row.get(OUTBOUND_DELIVERY.EVENT_TYPE),
                row.get(OUTBOUND_DELIVERY.PAYLOAD),
                status,
                row.get(OUTBOUND_DELIVERY.ATTEMPTS),
                row.get(OUTBOUND_DELIVERY.QUEUED_AT),
                status == WebhookDelivery.Status.PENDING ? row.get(OUTBOUND_DELIVERY.NEXT_ATTEMPT_AT) : null,
                row.get(OUTBOUND_DELIVERY.LAST_ATTEMPT_AT),
                row.get(OUTBOUND_DELIVERY.LAST_STATUS_CODE),
                row.get(OUTBOUND_DELIVERY.LAST_ERROR),
                row.get(OUTBOUND_DELIVERY.FINISHED_AT),
                row.get(OUTBOUND_DELIVERY.CREATED_AT));
    }
}

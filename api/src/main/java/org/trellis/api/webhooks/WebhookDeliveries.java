package org.trellis.api.webhooks;

import static org.trellis.persistence.jooq.Tables.INCIDENT_RESPONDER;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_DELIVERY;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The delivery log (one row per delivery id, which is what makes replays harmless) and incident responders. */
@Repository
class WebhookDeliveries {

    private final DSLContext db;

    WebhookDeliveries(DSLContext db) {
        this.db = db;
    }

    /**
     * Claims a delivery id; false when it was seen before. A concurrent replay waits on the row and then sees it.
     */
    boolean claim(UUID tenantId, UUID endpointId, String deliveryId, String event) {
        return db.insertInto(WEBHOOK_DELIVERY)
                        .set(WEBHOOK_DELIVERY.TENANT_ID, tenantId)
                        .set(WEBHOOK_DELIVERY.ENDPOINT_ID, endpointId)
                        .set(WEBHOOK_DELIVERY.DELIVERY_REF, deliveryId)
                        .set(WEBHOOK_DELIVERY.EVENT, event)
                        .set(WEBHOOK_DELIVERY.OUTCOME, "RECEIVED")
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    void finish(UUID endpointId, String deliveryId, String outcome, @Nullable String detail) {
        db.update(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.OUTCOME, outcome)
                .set(WEBHOOK_DELIVERY.DETAIL, detail)
                .where(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
                .and(WEBHOOK_DELIVERY.DELIVERY_REF.eq(deliveryId))
                .execute();
    }

    /** Deletes up to {@code limit} deliveries received before {@code cutoff}, oldest first; how many. */
    int deleteReceivedBefore(Instant cutoff, int limit) {
        return db.deleteFrom(WEBHOOK_DELIVERY)
                .where(DSL.row(WEBHOOK_DELIVERY.ENDPOINT_ID, WEBHOOK_DELIVERY.DELIVERY_REF)
                        .in(db.select(WEBHOOK_DELIVERY.ENDPOINT_ID, WEBHOOK_DELIVERY.DELIVERY_REF)
                                .from(WEBHOOK_DELIVERY)
                                .where(WEBHOOK_DELIVERY.RECEIVED_AT.lt(cutoff))
                                .orderBy(WEBHOOK_DELIVERY.RECEIVED_AT)
                                .limit(limit)))
                .execute();
    }

    /** Remembers who took part in an incident, once per person. */
    void addResponders(UUID tenantId, UUID endpointId, String incidentId, Collection<Account> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        var insert = db.insertInto(
                INCIDENT_RESPONDER,
                INCIDENT_RESPONDER.TENANT_ID,
                INCIDENT_RESPONDER.ENDPOINT_ID,
                INCIDENT_RESPONDER.INCIDENT_REF,
                INCIDENT_RESPONDER.ACCOUNT,
                INCIDENT_RESPONDER.NAME);
        for (Account account : accounts) {
            insert = insert.values(tenantId, endpointId, incidentId, account.id(), account.name());
        }
        insert.onConflictDoNothing().execute();
    }

    List<Account> responders(UUID endpointId, String incidentId) {
        return db.select(INCIDENT_RESPONDER.ACCOUNT, INCIDENT_RESPONDER.NAME)
                .from(INCIDENT_RESPONDER)
                .where(INCIDENT_RESPONDER.ENDPOINT_ID.eq(endpointId))
                .and(INCIDENT_RESPONDER.INCIDENT_REF.eq(incidentId))
                .orderBy(INCIDENT_RESPONDER.SEEN_AT, INCIDENT_RESPONDER.ACCOUNT)
                .fetch(row -> new Account(row.value1(), row.value2()));
    }
}

package org.trellis.api.notifications;

import static org.trellis.persistence.jooq.Tables.OUTBOUND_SUBSCRIPTION;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.trellis.api.shared.EventType;
import org.trellis.api.shared.KeysetOrder;
import org.trellis.api.shared.Paged;
import org.trellis.graphql.KeysetWindows;

/** Outbound webhook subscriptions of the transaction's tenant, with their encrypted secrets. */
@Repository
class WebhookSubscriptions {

    /** Oldest first, then by id. */
    private static final KeysetOrder OLDEST = KeysetOrder.of(
            KeysetOrder.ascending("createdAt", OUTBOUND_SUBSCRIPTION.CREATED_AT),
            KeysetOrder.ascending("id", OUTBOUND_SUBSCRIPTION.ID));

    private final DSLContext db;

    WebhookSubscriptions(DSLContext db) {
        this.db = db;
    }

    Paged<WebhookSubscription> page(KeysetWindows.Page page) {
        return Paged.of(
                OLDEST.page(sort -> db.selectFrom(OUTBOUND_SUBSCRIPTION).orderBy(sort), page)
                        .fetch(WebhookSubscriptions::toSubscription),
                db,
                OUTBOUND_SUBSCRIPTION,
                DSL.noCondition());
    }

    static Map<String, String> keys(WebhookSubscription subscription) {
        return OLDEST.keys(subscription.createdAt(), subscription.id());
    }

    Optional<WebhookSubscription> findById(UUID id) {
        return db.selectFrom(OUTBOUND_SUBSCRIPTION)
                .where(OUTBOUND_SUBSCRIPTION.ID.eq(id))
                .fetchOptional(WebhookSubscriptions::toSubscription);
    }

    List<WebhookSubscription> findAll(Collection<UUID> ids) {
        return db.selectFrom(OUTBOUND_SUBSCRIPTION)
                .where(OUTBOUND_SUBSCRIPTION.ID.in(ids))
                .fetch(WebhookSubscriptions::toSubscription);
    }

    /** The subscriptions with the ciphertexts of the secrets that sign now (the previous one while in its grace). */
    Map<UUID, Keyed> keyed(Collection<UUID> ids) {
        return db.selectFrom(OUTBOUND_SUBSCRIPTION)
                .where(OUTBOUND_SUBSCRIPTION.ID.in(ids))
                .fetchMap(OUTBOUND_SUBSCRIPTION.ID, row -> {
                    Instant until = row.get(OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_EXPIRES_AT);
                    boolean previousValid = until != null && until.isAfter(Instant.now());
                    return new Keyed(
                            toSubscription(row),
                            row.get(OUTBOUND_SUBSCRIPTION.SECRET_CIPHERTEXT),
                            previousValid ? row.get(OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_CIPHERTEXT) : null);
                });
    }

    WebhookSubscription insert(
            UUID tenantId,
            UUID id,
            String url,
            String description,
            List<EventType> types,
            String ciphertext,
            String hint) {
        return db.insertInto(OUTBOUND_SUBSCRIPTION)
                .set(OUTBOUND_SUBSCRIPTION.TENANT_ID, tenantId)
                .set(OUTBOUND_SUBSCRIPTION.ID, id)
                .set(OUTBOUND_SUBSCRIPTION.URL, url)
                .set(OUTBOUND_SUBSCRIPTION.DESCRIPTION, description)
                .set(OUTBOUND_SUBSCRIPTION.EVENT_TYPES, wireNames(types))
                .set(OUTBOUND_SUBSCRIPTION.SECRET_CIPHERTEXT, ciphertext)
                .set(OUTBOUND_SUBSCRIPTION.SECRET_HINT, hint)
                .returning()
                .fetchSingle(WebhookSubscriptions::toSubscription);
    }

    /** Replaces what an admin may edit; {@code disabledAt} null enables it. */
    WebhookSubscription update(
            UUID id,
            String url,
            String description,
            List<EventType> types,
            @Nullable Instant disabledAt,
            @Nullable String reason) {
        return db.update(OUTBOUND_SUBSCRIPTION)
                .set(OUTBOUND_SUBSCRIPTION.URL, url)
                .set(OUTBOUND_SUBSCRIPTION.DESCRIPTION, description)
                .set(OUTBOUND_SUBSCRIPTION.EVENT_TYPES, wireNames(types))
                .set(OUTBOUND_SUBSCRIPTION.DISABLED_AT, disabledAt)
                .set(OUTBOUND_SUBSCRIPTION.DISABLED_REASON, reason)
                .where(OUTBOUND_SUBSCRIPTION.ID.eq(id))
                .returning()
                .fetchSingle(WebhookSubscriptions::toSubscription);
    }

    /** Disables an enabled subscription; false if it was already disabled (or is gone). */
    boolean disable(UUID id, String reason) {
        return db.update(OUTBOUND_SUBSCRIPTION)
                        .set(OUTBOUND_SUBSCRIPTION.DISABLED_AT, Instant.now())
                        .set(OUTBOUND_SUBSCRIPTION.DISABLED_REASON, reason)
                        .where(OUTBOUND_SUBSCRIPTION.ID.eq(id))
                        .and(OUTBOUND_SUBSCRIPTION.DISABLED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Moves the current secret to previous (still signing until {@code previousUntil}) and stores the new one. */
    WebhookSubscription rotate(UUID id, String ciphertext, String hint, Instant previousUntil) {
        return db.update(OUTBOUND_SUBSCRIPTION)
                .set(OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_CIPHERTEXT, OUTBOUND_SUBSCRIPTION.SECRET_CIPHERTEXT)
                .set(OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_EXPIRES_AT, previousUntil)
                .set(OUTBOUND_SUBSCRIPTION.SECRET_CIPHERTEXT, ciphertext)
                .set(OUTBOUND_SUBSCRIPTION.SECRET_HINT, hint)
                .set(OUTBOUND_SUBSCRIPTION.ROTATED_AT, Instant.now())
                .where(OUTBOUND_SUBSCRIPTION.ID.eq(id))
                .returning()
                .fetchSingle(WebhookSubscriptions::toSubscription);
    }

    void delete(UUID id) {
        db.deleteFrom(OUTBOUND_SUBSCRIPTION)
                .where(OUTBOUND_SUBSCRIPTION.ID.eq(id))
                .execute();
    }

    /** A subscription and the ciphertexts of the secrets that sign its deliveries now. */
    record Keyed(
            WebhookSubscription subscription,
            String secret,
            @Nullable String previousSecret) {}

    private static String[] wireNames(List<EventType> types) {
        return types.stream().map(EventType::wireName).distinct().toArray(String[]::new);
    }

    private static WebhookSubscription toSubscription(Record row) {
        return new WebhookSubscription(
                row.get(OUTBOUND_SUBSCRIPTION.ID),
                row.get(OUTBOUND_SUBSCRIPTION.URL),
                row.get(OUTBOUND_SUBSCRIPTION.DESCRIPTION),
                Arrays.stream(row.get(OUTBOUND_SUBSCRIPTION.EVENT_TYPES))
                        .map(name -> EventType.fromWireName(name).orElseThrow())
                        .toList(),
                row.get(OUTBOUND_SUBSCRIPTION.SECRET_HINT),
                row.get(OUTBOUND_SUBSCRIPTION.CREATED_AT),
                row.get(OUTBOUND_SUBSCRIPTION.ROTATED_AT),
                row.get(OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_EXPIRES_AT),
                row.get(OUTBOUND_SUBSCRIPTION.DISABLED_AT),
                row.get(OUTBOUND_SUBSCRIPTION.DISABLED_REASON));
    }
}

package org.trellis.api.webhooks;

import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Webhook endpoints of the transaction's tenant, with their encrypted secrets. */
@Repository
class WebhookEndpoints {

    private final DSLContext db;

    WebhookEndpoints(DSLContext db) {
        this.db = db;
    }

    List<WebhookEndpoint> all() {
        return db.selectFrom(WEBHOOK_ENDPOINT)
                .orderBy(WEBHOOK_ENDPOINT.CREATED_AT, WEBHOOK_ENDPOINT.ID)
                .fetch(WebhookEndpoints::toEndpoint);
    }

    Optional<WebhookEndpoint> findById(UUID id) {
        return db.selectFrom(WEBHOOK_ENDPOINT)
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .fetchOptional(WebhookEndpoints::toEndpoint);
    }

    /** The endpoint with its current and (while still valid) previous secret ciphertexts. */
    Optional<Keyed> findKeyed(UUID id) {
        return db.selectFrom(WEBHOOK_ENDPOINT)
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .fetchOptional(row -> new Keyed(
                        toEndpoint(row),
                        row.get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT),
                        row.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT) != null
                                        && row.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT)
                                                .isAfter(Instant.now())
                                ? row.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT)
                                : null));
    }

    WebhookEndpoint insert(
            UUID tenantId, UUID id, WebhookProvider provider, String name, String ciphertext, String hint) {
        return db.insertInto(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.TENANT_ID, tenantId)
                .set(WEBHOOK_ENDPOINT.ID, id)
                .set(WEBHOOK_ENDPOINT.PROVIDER, provider.name())
                .set(WEBHOOK_ENDPOINT.NAME, name)
                .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, ciphertext)
                .set(WEBHOOK_ENDPOINT.SECRET_HINT, hint)
                .returning()
                .fetchSingle(WebhookEndpoints::toEndpoint);
    }

    /** Moves the current secret to previous (accepted until {@code previousUntil}) and stores the new one. */
    WebhookEndpoint rotate(UUID id, String ciphertext, String hint, Instant previousUntil) {
        return db.update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT, WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT)
                .set(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT, previousUntil)
                .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, ciphertext)
                .set(WEBHOOK_ENDPOINT.SECRET_HINT, hint)
                .set(WEBHOOK_ENDPOINT.ROTATED_AT, Instant.now())
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .returning()
                .fetchSingle(WebhookEndpoints::toEndpoint);
    }

    WebhookEndpoint disable(UUID id) {
        return db.update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.DISABLED_AT, Instant.now())
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .and(WEBHOOK_ENDPOINT.DISABLED_AT.isNull())
                .returning()
                .fetchOptional(WebhookEndpoints::toEndpoint)
                .orElseGet(() -> findById(id).orElseThrow());
    }

    void delivered(UUID id) {
        db.update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.LAST_DELIVERY_AT, Instant.now())
                .where(WEBHOOK_ENDPOINT.ID.eq(id))
                .execute();
    }

    /** An endpoint and the ciphertexts of the secrets that currently verify its deliveries. */
    record Keyed(
            WebhookEndpoint endpoint,
            String secret,
            @Nullable String previousSecret) {}

    private static WebhookEndpoint toEndpoint(Record row) {
        return new WebhookEndpoint(
                row.get(WEBHOOK_ENDPOINT.ID),
                row.get(WEBHOOK_ENDPOINT.TENANT_ID),
                WebhookProvider.valueOf(row.get(WEBHOOK_ENDPOINT.PROVIDER)),
                row.get(WEBHOOK_ENDPOINT.NAME),
                row.get(WEBHOOK_ENDPOINT.SECRET_HINT),
                row.get(WEBHOOK_ENDPOINT.CREATED_AT),
                row.get(WEBHOOK_ENDPOINT.ROTATED_AT),
                row.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT),
                row.get(WEBHOOK_ENDPOINT.DISABLED_AT),
                row.get(WEBHOOK_ENDPOINT.LAST_DELIVERY_AT));
    }
}

package org.trellis.api.webhooks;

import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.trellis.api.secrets.SealedSecrets;
import org.trellis.api.secrets.SecretVault;

/**
 * The inbound endpoints' sealed secrets (current and previous) for the re-encryption job. A row is rewritten only if
 * both ciphertexts are still the ones read, so a rotation that commits meanwhile wins and is re-sealed next time. An
 * expired previous secret is dropped rather than re-sealed (its expiry time stays, so nothing visible changes).
 */
@Component
class EndpointSecrets implements SealedSecrets {

    private final DSLContext db;

    EndpointSecrets(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "webhook-endpoints";
    }

    @Override
    public int reencrypt(SecretVault vault, int limit) {
        List<String> older = vault.olderKeyPrefixes();
        var rows = db.select(
                        WEBHOOK_ENDPOINT.TENANT_ID,
                        WEBHOOK_ENDPOINT.ID,
                        WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT,
                        WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT,
                        WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT)
                .from(WEBHOOK_ENDPOINT)
                .where(startsWithAny(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, older)
                        .or(startsWithAny(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT, older)))
                .orderBy(WEBHOOK_ENDPOINT.ID)
                .limit(limit)
                .fetch();
        int changed = 0;
        for (var row : rows) {
            UUID tenantId = row.value1();
            UUID id = row.value2();
            String secret = row.value3();
            String previous = row.value4();
            String newSecret = reseal(vault, older, tenantId, id, secret);
            // An expired previous secret verifies nothing any more (the receiver ignores it): dropped, not re-sealed.
            Instant expires = row.value5();
            String newPrevious = expires == null || !expires.isAfter(Instant.now())
                    ? null
                    : reseal(vault, older, tenantId, id, previous);
            changed += db.update(WEBHOOK_ENDPOINT)
                    .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, Objects.requireNonNull(newSecret))
                    .set(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT, newPrevious)
                    .where(WEBHOOK_ENDPOINT.ID.eq(id))
                    .and(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT.eq(secret))
                    .and(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT.isNotDistinctFrom(previous))
                    .execute();
        }
        return changed;
    }

    @Override
    public int pending(SecretVault vault) {
        String primary = vault.primaryPrefix();
        return db.fetchCount(WEBHOOK_ENDPOINT, DSL.not(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT.startsWith(primary)))
                + db.fetchCount(
                        WEBHOOK_ENDPOINT,
                        WEBHOOK_ENDPOINT
                                .PREVIOUS_SECRET_CIPHERTEXT
                                .isNotNull()
                                .and(DSL.not(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT.startsWith(primary))));
    }

    private static @Nullable String reseal(
            SecretVault vault, List<String> older, UUID tenantId, UUID id, @Nullable String ciphertext) {
        if (ciphertext == null || older.stream().noneMatch(ciphertext::startsWith)) {
            return ciphertext;
        }
        return vault.reencrypt(tenantId, id, ciphertext);
    }

    private static Condition startsWithAny(Field<String> column, List<String> prefixes) {
        return DSL.or(prefixes.stream().map(column::startsWith).toList());
    }
}

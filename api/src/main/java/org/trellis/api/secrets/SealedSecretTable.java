package org.trellis.api.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * {@link SealedSecrets} of a table that keeps a current and a previous sealed secret per row (inbound webhook
 * endpoints, outbound webhook subscriptions), each bound to its tenant and row id. A row is rewritten only if both
 * ciphertexts are still the ones read, so a rotation that commits meanwhile wins and is re-sealed next time. An
 * expired previous secret is dropped rather than re-sealed (its expiry time stays, so nothing visible changes).
 *
 * @param table the table
 * @param tenantId its tenant column
 * @param id its row id column, the owner the secrets are bound to
 * @param secret the current secret's ciphertext
 * @param previous the previous secret's ciphertext, kept until {@code previousExpiresAt}
 */
public record SealedSecretTable(
        DSLContext db,
        String name,
        Table<?> table,
        TableField<?, UUID> tenantId,
        TableField<?, UUID> id,
        TableField<?, String> secret,
        TableField<?, String> previous,
        TableField<?, Instant> previousExpiresAt)
        implements SealedSecrets {

    @Override
    public int reencrypt(SecretVault vault, int limit) {
        List<String> older = vault.olderKeyPrefixes();
        var rows = db.select(tenantId, id, secret, previous, previousExpiresAt)
                .from(table)
                .where(startsWithAny(secret, older).or(startsWithAny(previous, older)))
                .orderBy(id)
                .limit(limit)
                .fetch();
        int changed = 0;
        for (var row : rows) {
            UUID tenant = row.value1();
            UUID owner = row.value2();
            String current = row.value3();
            String before = row.value4();
            Instant expires = row.value5();
            // An expired previous secret verifies and signs nothing any more: dropped, not re-sealed.
            String newPrevious = expires == null || !expires.isAfter(Instant.now())
                    ? null
                    : reseal(vault, older, tenant, owner, before);
            changed += db.update(table)
                    .set(secret, Objects.requireNonNull(reseal(vault, older, tenant, owner, current)))
                    .set(previous, newPrevious)
                    .where(id.eq(owner))
                    .and(secret.eq(current))
                    .and(previous.isNotDistinctFrom(before))
                    .execute();
        }
        return changed;
    }

    @Override
    public int pending(SecretVault vault) {
        String primary = vault.primaryPrefix();
        return db.fetchCount(table, DSL.not(secret.startsWith(primary)))
                + db.fetchCount(table, previous.isNotNull().and(DSL.not(previous.startsWith(primary))));
    }

    private static @Nullable String reseal(
            SecretVault vault, List<String> older, UUID tenant, UUID owner, @Nullable String ciphertext) {
        if (ciphertext == null || older.stream().noneMatch(ciphertext::startsWith)) {
            return ciphertext;
        }
        return vault.reencrypt(tenant, owner, ciphertext);
    }

    private static Condition startsWithAny(Field<String> column, List<String> prefixes) {
        return DSL.or(prefixes.stream().map(column::startsWith).toList());
    }
}

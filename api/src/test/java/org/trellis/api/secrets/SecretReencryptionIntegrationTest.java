package org.trellis.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.WEBHOOK_ENDPOINT;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.Result;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.IntegrationTest;

/**
 * A key rotation end to end on stored inbound endpoint secrets: with a new primary and the old key kept, what the
 * old key sealed (v1 and v2) still opens; the job re-seals all of it under the new primary (an expired previous
 * secret is dropped instead); then the old key can go and everything still opens. Secrets under a key that is no
 * longer configured are left alone and reported as pending; one that cannot be opened fails its tenant's run
 * clearly, without touching other rows.
 */
class SecretReencryptionIntegrationTest extends IntegrationTest {

    @Autowired
    private SecretReencryption reencryption;

    @Autowired
    private MeterRegistry meters;

    @Test
    void rotationReencryptsEverySecretUnderTheNewPrimarySoTheOldKeyCanBeRemoved() throws Exception {
        UUID tenant = newTenant("rotate").uuid();
        String oldKey = SecretVaultUnitTest.key();
        String newKey = SecretVaultUnitTest.key();
        SecretVault old = SecretVaultUnitTest.vault(oldKey);
        UUID plain = UUID.randomUUID();
        UUID legacy = UUID.randomUUID();
        UUID rotated = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        SecretVaultUnitTest format = new SecretVaultUnitTest();
        endpoint(tenant, plain, old.encrypt(tenant, plain, "whsec_plain"), null, null);
        endpoint(tenant, legacy, v1(format, oldKey, tenant, legacy, "whsec_legacy"), null, null);
        endpoint(
                tenant,
                rotated,
                old.encrypt(tenant, rotated, "whsec_new"),
                old.encrypt(tenant, rotated, "whsec_previous"),
                Instant.now().plus(Duration.ofHours(1)));
        Instant expiredAt = Instant.now().minus(Duration.ofHours(1));
        endpoint(
                tenant,
                expired,
                old.encrypt(tenant, expired, "whsec_current"),
                old.encrypt(tenant, expired, "whsec_gone"),
                expiredAt);

        SecretVault rotation = SecretVaultUnitTest.vault(newKey, oldKey);
        for (Record row : endpoints(tenant)) {
            assertThat(rotation.decrypt(
                            tenant, row.get(WEBHOOK_ENDPOINT.ID), row.get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT)))
                    .isNotEmpty();
        }

        assertThat(reencryption.reencrypt(tenant, rotation)).isEqualTo(new SecretReencryption.Result(4, 0));
        assertThat(reencryption.reencrypt(tenant, rotation)).isEqualTo(new SecretReencryption.Result(0, 0));

        SecretVault newOnly = SecretVaultUnitTest.vault(newKey);
        assertThat(open(newOnly, tenant, plain, false)).isEqualTo("whsec_plain");
        assertThat(open(newOnly, tenant, legacy, false)).isEqualTo("whsec_legacy");
        assertThat(open(newOnly, tenant, rotated, false)).isEqualTo("whsec_new");
        assertThat(open(newOnly, tenant, rotated, true)).isEqualTo("whsec_previous");
        assertThat(open(newOnly, tenant, expired, false)).isEqualTo("whsec_current");
        Record dropped = endpoint(tenant, expired);
        assertThat(dropped.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT)).isNull();
        assertThat(dropped.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT)).isNotNull();
        for (Record row : endpoints(tenant)) {
            assertThat(newOnly.needsReencryption(row.get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT)))
                    .isFalse();
        }
    }

    @Test
    void secretsUnderAnUnknownKeyAreLeftAloneAndCountedAsPending() throws Exception {
        UUID tenant = newTenant("unknown-key").uuid();
        String lostKey = SecretVaultUnitTest.key();
        SecretVault current = SecretVaultUnitTest.vault(SecretVaultUnitTest.key());
        UUID sealedByLostKey = UUID.randomUUID();
        String ciphertext = SecretVaultUnitTest.vault(lostKey).encrypt(tenant, sealedByLostKey, "whsec_lost");
        endpoint(tenant, sealedByLostKey, ciphertext, null, null);
        UUID legacyOfLostKey = UUID.randomUUID();
        String legacy = v1(new SecretVaultUnitTest(), lostKey, tenant, legacyOfLostKey, "whsec_lost_v1");
        endpoint(tenant, legacyOfLostKey, legacy, null, null);
        double failuresBefore = failures();

        SecretReencryption.Result result = reencryption.reencrypt(tenant, current);

        assertThat(result.resealed()).isZero();
        assertThat(result.pending()).isEqualTo(2);
        assertThat(failures() - failuresBefore).isEqualTo(1);
        assertThat(endpoint(tenant, sealedByLostKey).get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT))
                .isEqualTo(ciphertext);
        assertThat(endpoint(tenant, legacyOfLostKey).get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT))
                .isEqualTo(legacy);
    }

    private void endpoint(
            UUID tenant, UUID id, String secret, @Nullable String previous, @Nullable Instant previousExpiresAt) {
        inTenant(
                tenant,
                db -> db.insertInto(WEBHOOK_ENDPOINT)
                        .set(WEBHOOK_ENDPOINT.TENANT_ID, tenant)
                        .set(WEBHOOK_ENDPOINT.ID, id)
                        .set(WEBHOOK_ENDPOINT.PROVIDER, "GITHUB")
                        .set(WEBHOOK_ENDPOINT.NAME, "rotation")
                        .set(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT, secret)
                        .set(WEBHOOK_ENDPOINT.SECRET_HINT, "whsec_…")
                        .set(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT, previous)
                        .set(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_EXPIRES_AT, previousExpiresAt)
                        .execute());
    }

    private Result<Record> endpoints(UUID tenant) {
        return inTenant(tenant, db -> db.select().from(WEBHOOK_ENDPOINT).fetch());
    }

    private Record endpoint(UUID tenant, UUID id) {
        return inTenant(
                tenant,
                db -> db.select()
                        .from(WEBHOOK_ENDPOINT)
                        .where(WEBHOOK_ENDPOINT.ID.eq(id))
                        .fetchSingle());
    }

    private String open(SecretVault vault, UUID tenant, UUID id, boolean previous) {
        Record row = endpoint(tenant, id);
        String ciphertext = previous
                ? row.get(WEBHOOK_ENDPOINT.PREVIOUS_SECRET_CIPHERTEXT)
                : row.get(WEBHOOK_ENDPOINT.SECRET_CIPHERTEXT);
        return new String(vault.decrypt(tenant, id, ciphertext), StandardCharsets.UTF_8);
    }

    private static String v1(SecretVaultUnitTest format, String key, UUID tenant, UUID owner, String secret)
            throws Exception {
        return format.v1(key, tenant, owner, secret);
    }

    private double failures() {
        var counter = meters.find("trellis.secrets.reencryption.failures")
                .tag("store", "webhook-endpoints")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}

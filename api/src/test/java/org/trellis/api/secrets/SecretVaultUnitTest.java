package org.trellis.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretVaultUnitTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final UUID tenant = UUID.randomUUID();
    private final UUID endpoint = UUID.randomUUID();

    @Test
    void bindsEncryptedSecretsToTheirOwner() {
        SecretVault secrets =
                new SecretVault(new SecretProperties(Base64.getEncoder().encodeToString(new byte[32]), false));
        String sealed = secrets.encrypt(tenant, endpoint, "whsec_abc");
        assertThat(sealed).doesNotContain("whsec_abc");
        assertThat(new String(secrets.decrypt(tenant, endpoint, sealed), StandardCharsets.UTF_8))
                .isEqualTo("whsec_abc");
        assertThatThrownBy(() -> secrets.decrypt(tenant, UUID.randomUUID(), sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.decrypt(UUID.randomUUID(), endpoint, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithoutAKeyOfThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretVault(new SecretProperties(null, false)))
                .hasMessageContaining("TRELLIS_WEBHOOK_SECRET_KEY");
        assertThatThrownBy(() -> new SecretVault(new SecretProperties("c2hvcnQ=", false)))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> vault(key(), "c2hvcnQ="))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> vault(key(), "not base64!")).hasMessageContaining("not base64");
    }

    @Test
    void sealsWithThePrimaryKeyAndNamesItsFingerprint() {
        String primary = key();
        SecretVault vault = vault(primary, key());
        String sealed = vault.encrypt(tenant, endpoint, "whsec_abc");
        String id = Keyset.id(Base64.getDecoder().decode(primary));
        assertThat(id).matches("[0-9a-f]{8}");
        assertThat(sealed).startsWith("v2." + id + ".").startsWith(vault.primaryPrefix());
        assertThat(vault.needsReencryption(sealed)).isFalse();
        assertThat(vault.olderKeyPrefixes()).hasSize(2).first().isEqualTo("v1.");
    }

    @Test
    void aKeyIdIsTheFingerprintTheRunbookComputes() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        // printf '%s' AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= | base64 -d
        //   | { printf 'trellis-secret-key:'; cat; } | sha256sum | cut -c1-8
        assertThat(Keyset.id(key)).isEqualTo("6910f66f");
    }

    @Test
    void olderKeysStillOpenWhatTheySealedAndReencryptionMovesItToThePrimary() {
        String oldKey = key();
        String newKey = key();
        String sealedByOld = vault(oldKey).encrypt(tenant, endpoint, "whsec_old");

        SecretVault rotated = vault(newKey, oldKey);
        assertThat(rotated.needsReencryption(sealedByOld)).isTrue();
        assertThat(rotated.olderKeyPrefixes()).anyMatch(sealedByOld::startsWith);
        assertThat(text(rotated.decrypt(tenant, endpoint, sealedByOld))).isEqualTo("whsec_old");

        String resealed = rotated.reencrypt(tenant, endpoint, sealedByOld);
        assertThat(rotated.needsReencryption(resealed)).isFalse();
        SecretVault newOnly = vault(newKey);
        assertThat(text(newOnly.decrypt(tenant, endpoint, resealed))).isEqualTo("whsec_old");
        assertThatThrownBy(() -> newOnly.decrypt(tenant, endpoint, sealedByOld))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "sealed with key " + Keyset.id(Base64.getDecoder().decode(oldKey)))
                .hasMessageContaining("not in the configured keyset");
    }

    @Test
    void legacyV1CiphertextsDecryptUnderWhicheverKeySealedThem() throws Exception {
        String oldKey = key();
        String legacy = v1(oldKey, "whsec_legacy");
        assertThat(text(vault(oldKey).decrypt(tenant, endpoint, legacy))).isEqualTo("whsec_legacy");
        SecretVault rotated = vault(key(), oldKey);
        assertThat(text(rotated.decrypt(tenant, endpoint, legacy))).isEqualTo("whsec_legacy");
        assertThat(rotated.needsReencryption(legacy)).isTrue();
        assertThat(rotated.reencrypt(tenant, endpoint, legacy)).startsWith(rotated.primaryPrefix());
        assertThatThrownBy(() -> vault(key()).decrypt(tenant, endpoint, legacy))
                .hasMessageContaining("does not decrypt with any configured key");
    }

    @Test
    void theSingleKeySettingJoinsTheKeysetAsAnOlderKey() {
        String single = key();
        String primary = key();
        String sealed = vault(single).encrypt(tenant, endpoint, "whsec_abc");
        SecretVault both = new SecretVault(new SecretProperties(single, List.of(primary), false));
        assertThat(both.primaryPrefix()).isEqualTo(vault(primary).primaryPrefix());
        assertThat(text(both.decrypt(tenant, endpoint, sealed))).isEqualTo("whsec_abc");
        assertThat(new SecretVault(new SecretProperties(single, List.of(single), false)).olderKeyPrefixes())
                .containsExactly("v1.");
    }

    @Test
    void refusesMalformedOrAlteredCiphertextsWithoutEchoingThem() {
        SecretVault vault = vault(key());
        String sealed = vault.encrypt(tenant, endpoint, "whsec_abc");
        String body = sealed.substring(vault.primaryPrefix().length());
        byte[] altered = Base64.getDecoder().decode(body);
        altered[altered.length - 1] ^= 1;
        for (String bad : List.of(
                "whsec_abc",
                "v3.abc",
                "v2.nodot",
                vault.primaryPrefix() + "%%%",
                vault.primaryPrefix() + "c2hvcnQ=",
                vault.primaryPrefix() + Base64.getEncoder().encodeToString(altered))) {
            assertThatThrownBy(() -> vault.decrypt(tenant, endpoint, bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining("whsec_abc");
        }
    }

    static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A keyset, primary first. */
    static SecretVault vault(String... keys) {
        return new SecretVault(new SecretProperties(null, List.of(keys), false));
    }

    /** A secret as the vault sealed it before keysets: {@code v1.} and base64(nonce | ciphertext and tag). */
    String v1(String key, String secret) throws Exception {
        return v1(key, tenant, endpoint, secret);
    }

    /** As {@link #v1(String, String)}, for any tenant and owner. */
    String v1(String key, UUID tenant, UUID owner, String secret) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(key), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD((tenant + "/" + owner).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return "v1."
                + Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

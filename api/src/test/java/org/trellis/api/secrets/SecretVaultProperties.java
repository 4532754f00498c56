package org.trellis.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ciphertext format over many keysets and secrets: whatever key of a keyset sealed a secret, the keyset opens it;
 * re-encryption always ends under the primary and names it; any change to a sealed value is refused, never answered
 * with other plaintext.
 */
class SecretVaultProperties {

    @Test
    void everyKeyOfAKeysetOpensWhatItSealedAndReencryptionEndsUnderThePrimary() {
        qt().withExamples(60)
                .forAll(
                        integers().between(1, 4),
                        integers().between(0, 3),
                        strings().allPossible().ofLengthBetween(0, 80))
                .checkAssert((size, sealer, secret) -> {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        keys.add(SecretVaultUnitTest.key());
                    }
                    UUID tenant = UUID.randomUUID();
                    UUID owner = UUID.randomUUID();
                    String sealerKey = keys.get(sealer % size);
                    String sealed = SecretVaultUnitTest.vault(sealerKey).encrypt(tenant, owner, secret);
                    SecretVault keyset = SecretVaultUnitTest.vault(keys.toArray(String[]::new));
                    assertThat(keyset.decrypt(tenant, owner, sealed))
                            .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
                    assertThat(keyset.needsReencryption(sealed)).isEqualTo(sealer % size != 0);
                    String moved = keyset.reencrypt(tenant, owner, sealed);
                    assertThat(moved).startsWith(keyset.primaryPrefix());
                    assertThat(keyset.needsReencryption(moved)).isFalse();
                    assertThat(SecretVaultUnitTest.vault(keys.getFirst()).decrypt(tenant, owner, moved))
                            .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void anyAlteredCharacterIsRefused() {
        SecretVault vault = SecretVaultUnitTest.vault(SecretVaultUnitTest.key(), SecretVaultUnitTest.key());
        UUID tenant = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        String sealed = vault.encrypt(tenant, owner, "whsec_property");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=.v";
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            int at = random.nextInt(sealed.length());
            char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            if (replacement == sealed.charAt(at)) {
                return;
            }
            String altered = sealed.substring(0, at) + replacement + sealed.substring(at + 1);
            try {
                byte[] opened = vault.decrypt(tenant, owner, altered);
                // Base64 may decode two texts to the same bytes (unused low bits of the last character).
                assertThat(opened).isEqualTo("whsec_property".getBytes(StandardCharsets.UTF_8));
            } catch (IllegalStateException refused) {
                assertThat(refused.getMessage()).doesNotContain("whsec_property");
            }
        });
    }
}

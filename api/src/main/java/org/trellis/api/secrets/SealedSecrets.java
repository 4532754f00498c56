package org.trellis.api.secrets;

/**
 * Secrets a feature stores sealed by {@link SecretVault} (inbound webhook endpoints, outbound webhook subscriptions):
 * each feature implements it once per table, and the re-encryption job calls it per tenant, inside a transaction of
 * that tenant, to move every secret to the primary key after a key rotation.
 */
public interface SealedSecrets {

    /** A short stable name for logs and metrics, e.g. {@code webhook-endpoints}. */
    String name();

    /**
     * Re-seals, in the transaction's tenant, up to {@code limit} stored secrets whose ciphertext starts with one of
     * {@link SecretVault#olderKeyPrefixes()}, each with {@link SecretVault#reencrypt}, writing a row only if its
     * ciphertext is still the one read (a secret rotated meanwhile is left as it is).
     *
     * @return how many rows it changed
     */
    int reencrypt(SecretVault vault, int limit);

    /** How many stored secrets of the transaction's tenant {@link SecretVault#needsReencryption} (any key but the primary). */
    int pending(SecretVault vault);
}

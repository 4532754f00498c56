package org.trellis.api.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps signing secrets (inbound and outbound webhooks) encrypted at rest (AES-256-GCM) under a keyset. Each
 * ciphertext is bound to its tenant and owner (the endpoint whose secret it is) as associated data, so a ciphertext
 * copied to another row does not decrypt.
 *
 * <p>Formats: {@code v2.<key id>.<base64(nonce | ciphertext and tag)>}, sealed by the primary key and naming it;
 * {@code v1.<base64(nonce | ciphertext and tag)>}, from before keysets, names no key and is opened by whichever
 * configured key opens it. {@link #needsReencryption} tells what is not under the primary key; stores move it with
 * {@link #reencrypt} (see {@link SealedSecrets}).
 */
@Component
public class SecretVault {

    private static final Logger log = LoggerFactory.getLogger(SecretVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String V1 = "v1.";
    private static final String V2 = "v2.";
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private final Keyset keys;

    SecretVault(SecretProperties properties) {
        this.keys = Keyset.of(properties);
        log.info(
                "Stored secrets are sealed with key {}; {} older key(s) still open them: {}",
                keys.primary().id(),
                keys.older().size(),
                keys.older().stream().map(Keyset.Key::id).toList());
    }

    /** A new random signing secret, {@code whsec_} and 32 random bytes. */
    public static String generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** {@code secret} sealed by the primary key for {@code ownerId} (e.g. an endpoint) of {@code tenantId}. */
    public String encrypt(UUID tenantId, UUID endpointId, String secret) {
        return seal(tenantId, endpointId, secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The secret {@link #encrypt} sealed for the same tenant and owner, under any key of the keyset.
     *
     * @throws IllegalStateException when the ciphertext is not of a known format, names a key that is not configured,
     *     or does not open (another owner, or altered)
     */
    public byte[] decrypt(UUID tenantId, UUID endpointId, String ciphertext) {
        if (ciphertext.startsWith(V2)) {
            int dot = ciphertext.indexOf('.', V2.length());
            if (dot < 0) {
                throw new IllegalStateException("Unknown stored secret format.");
            }
            String id = ciphertext.substring(V2.length(), dot);
            Keyset.Key key = keys.find(id)
                    .orElseThrow(() -> new IllegalStateException("A stored secret is sealed with key " + id
                            + ", which is not in the configured keyset (trellis.secrets.keys); add that key back."));
            try {
                return open(key, body(ciphertext.substring(dot + 1)), tenantId, endpointId);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A stored secret does not decrypt with key " + id + ".", e);
            }
        }
        if (ciphertext.startsWith(V1)) {
            byte[] body = body(ciphertext.substring(V1.length()));
            for (Keyset.Key key : keys.keys()) {
                try {
                    return open(key, body, tenantId, endpointId);
                } catch (GeneralSecurityException e) {
                    // Not this key (or not this owner): v1 ciphertexts name no key, so each is tried.
                }
            }
            throw new IllegalStateException("A stored v1 secret does not decrypt with any configured key.");
        }
        throw new IllegalStateException("Unknown stored secret format.");
    }

    /** Whether {@code ciphertext} is sealed otherwise than by the primary key (an older or unknown key, or v1). */
    public boolean needsReencryption(String ciphertext) {
        return !ciphertext.startsWith(primaryPrefix());
    }

    /** The same secret, sealed by the primary key for the same tenant and owner. Fails as {@link #decrypt} does. */
    public String reencrypt(UUID tenantId, UUID ownerId, String ciphertext) {
        byte[] secret = decrypt(tenantId, ownerId, ciphertext);
        try {
            return seal(tenantId, ownerId, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** What every ciphertext sealed by the primary key starts with (for stores that select in SQL). */
    public String primaryPrefix() {
        return V2 + keys.primary().id() + ".";
    }

    /**
     * What ciphertexts sealed by a configured key other than the primary start with, {@code v1.} included: the ones
     * {@link #reencrypt} can move. Ciphertexts of keys no longer configured start with none of them.
     */
    public List<String> olderKeyPrefixes() {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(V1);
        keys.older().forEach(key -> prefixes.add(V2 + key.id() + "."));
        return List.copyOf(prefixes);
    }

    private String seal(UUID tenantId, UUID ownerId, byte[] secret) {
        Keyset.Key key = keys.primary();
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, tenantId, ownerId);
            byte[] sealed = cipher.doFinal(secret);
            return V2 + key.id() + "."
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret.", e);
        }
    }

    private static byte[] body(String base64) {
        byte[] body;
        try {
            body = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown stored secret format.");
        }
        if (body.length < NONCE + TAG) {
            throw new IllegalStateException("Unknown stored secret format.");
        }
        return body;
    }

    private static byte[] open(Keyset.Key key, byte[] body, UUID tenantId, UUID ownerId)
            throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(body, NONCE), tenantId, ownerId);
        return cipher.doFinal(body, NONCE, body.length - NONCE);
    }

    private static Cipher cipher(int mode, Keyset.Key key, byte[] nonce, UUID tenantId, UUID ownerId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG * 8, nonce));
        cipher.updateAAD((tenantId + "/" + ownerId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

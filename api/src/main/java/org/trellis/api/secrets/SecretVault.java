package org.trellis.api.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps signing secrets (inbound and outbound webhooks) encrypted at rest (AES-256-GCM). Each ciphertext is bound
 * to its tenant and owner (the endpoint whose secret it is) as associated data, so a ciphertext copied to another
 * row does not decrypt.
 */
@Component
public class SecretVault {

    private static final Logger log = LoggerFactory.getLogger(SecretVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "v1.";

    private final SecretKeySpec key;

    SecretVault(SecretProperties properties) {
        byte[] bytes;
        if (properties.key() != null && !properties.key().isBlank()) {
            try {
                bytes = Base64.getDecoder().decode(properties.key().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("trellis.secrets.key is not base64.");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("trellis.secrets.key must be 32 bytes (base64).");
            }
        } else if (properties.ephemeralKey()) {
            log.warn("No trellis.secrets.key: using a key made up at startup; stored secrets will not "
                    + "survive a restart.");
            bytes = new byte[32];
            RANDOM.nextBytes(bytes);
        } else {
            throw new IllegalStateException(
                    "Set trellis.secrets.key (TRELLIS_WEBHOOK_SECRET_KEY): base64 of 32 random bytes.");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new random signing secret, {@code whsec_} and 32 random bytes. */
    public static String generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** {@code secret} sealed for {@code ownerId} (e.g. an endpoint) of {@code tenantId}. */
    public String encrypt(UUID tenantId, UUID endpointId, String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, tenantId, endpointId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a webhook secret.", e);
        }
    }

    /** The secret {@link #encrypt} sealed for the same tenant and owner. */
    public byte[] decrypt(UUID tenantId, UUID endpointId, String ciphertext) {
        if (!ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown webhook secret format.");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, 12), tenantId, endpointId);
            return cipher.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret does not decrypt with the configured key.", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, UUID tenantId, UUID endpointId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD((tenantId + "/" + endpointId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

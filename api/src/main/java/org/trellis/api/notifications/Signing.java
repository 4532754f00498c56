package org.trellis.api.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing. A secret is {@code whsec_} and the standard base64 of 32 random bytes; the HMAC key is
 * those bytes. A signature is {@code v1,} and the base64 HMAC-SHA256 of {@code {webhook-id}.{webhook-timestamp}.{body}};
 * the {@code webhook-signature} header carries one per active secret, separated by spaces.
 */
final class Signing {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signing() {}

    /** A new secret, shown to the admin once. */
    static String generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getEncoder().encodeToString(random);
    }

    /** The HMAC key of a secret. */
    static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an outbound webhook secret.");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** The {@code webhook-signature} header: a {@code v1} signature per key, current key first. */
    static String header(List<byte[]> keys, String messageId, long timestamp, String body) {
        String content = messageId + "." + timestamp + "." + body;
        return keys.stream().map(key -> "v1," + hmac(key, content)).collect(Collectors.joining(" "));
    }

    /** The last characters of a secret, for people to tell secrets apart. */
    static String hint(String secret) {
        return "…" + secret.substring(secret.length() - 4);
    }

    private static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable.", e);
        }
    }
}

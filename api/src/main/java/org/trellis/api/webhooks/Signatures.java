package org.trellis.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures of raw request bodies, as GitHub ({@code X-Hub-Signature-256: sha256=<hex>}) and PagerDuty
 * ({@code X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]}, several during a rotation) send them. Compared in constant
 * time.
 */
final class Signatures {

    private static final int MAX_HEADER = 2000;

    private Signatures() {}

    static boolean verify(WebhookProvider provider, @Nullable String header, byte[] body, List<byte[]> secrets) {
        if (header == null || header.length() > MAX_HEADER) {
            return false;
        }
        List<String> presented = switch (provider) {
            case GITHUB -> header.startsWith("sha256=") ? List.of(header.substring(7)) : List.of();
            case PAGERDUTY ->
                java.util.Arrays.stream(header.split(","))
                        .map(String::strip)
                        .filter(part -> part.startsWith("v1="))
                        .map(part -> part.substring(3))
                        .toList();
        };
        boolean valid = false;
        for (byte[] secret : secrets) {
            byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
            for (String signature : presented) {
                // No early exit: every comparison is made, in constant time.
                valid |= MessageDigest.isEqual(
                        expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return valid;
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.trellis.api.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 keys stored secrets are sealed with: the first is the primary (it seals), every key opens what it
 * sealed. A key's id is a fingerprint of the key itself (8 hex digits), so operators name nothing and an id can be
 * checked against a key with a one-line command (see the secret-rotation runbook).
 */
record Keyset(List<Key> keys) {

    private static final Logger log = LoggerFactory.getLogger(Keyset.class);

    /** A key and its id. */
    record Key(String id, SecretKeySpec spec) {}

    Keyset {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalStateException("The secret keyset is empty.");
        }
    }

    Key primary() {
        return keys.getFirst();
    }

    List<Key> older() {
        return keys.subList(1, keys.size());
    }

    Optional<Key> find(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** The keyset configured by {@code trellis.secrets.keys} and {@code trellis.secrets.key}. */
    static Keyset of(SecretProperties properties) {
        List<String> encoded = new ArrayList<>(properties.keys());
        String single = properties.key() == null ? "" : properties.key().strip();
        if (!single.isEmpty()) {
            encoded.add(single);
        }
        if (encoded.isEmpty()) {
            if (!properties.ephemeralKey()) {
                throw new IllegalStateException("Set trellis.secrets.keys (TRELLIS_WEBHOOK_SECRET_KEYS) or "
                        + "trellis.secrets.key (TRELLIS_WEBHOOK_SECRET_KEY): base64 of 32 random bytes.");
            }
            log.warn("No trellis.secrets.keys: using a key made up at startup; stored secrets will not "
                    + "survive a restart.");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new Keyset(List.of(key(random)));
        }
        Map<String, Key> byId = new LinkedHashMap<>();
        for (String text : encoded) {
            Key key = key(decode(text));
            Key same = byId.putIfAbsent(key.id(), key);
            if (same != null
                    && !MessageDigest.isEqual(
                            same.spec().getEncoded(), key.spec().getEncoded())) {
                throw new IllegalStateException("Two configured secret keys share the id " + key.id() + ".");
            }
        }
        return new Keyset(List.copyOf(byId.values()));
    }

    /** A key's id: the first 4 bytes of SHA-256 over a fixed label and the key, in hex. */
    static String id(byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("trellis-secret-key:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Key key(byte[] bytes) {
        return new Key(id(bytes), new SecretKeySpec(bytes, "AES"));
    }

    private static byte[] decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A configured secret key (trellis.secrets.keys/key) is not base64.");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Each secret key (trellis.secrets.keys/key) must be 32 bytes (base64).");
        }
        return bytes;
    }
}

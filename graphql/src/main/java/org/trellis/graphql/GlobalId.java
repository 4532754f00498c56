package org.trellis.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Opaque Relay ids: the type name and the UUID, base64url-encoded. Callers must not parse them. */
public record GlobalId(String type, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_ENCODED_LENGTH = 128;

    public String encode() {
        return ENCODER.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String type, UUID id) {
        return new GlobalId(type, id).encode();
    }

    /** Decodes any well-formed id; empty for anything else. */
    public static Optional<GlobalId> decode(String encoded) {
        if (encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            return Optional.empty();
        }
        try {
            String raw = new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String text = raw.substring(colon + 1);
            UUID id = UUID.fromString(text);
            // Only the canonical form Trellis writes: no aliases such as "1-1-1-1-1" for one object.
            return id.toString().equals(text)
                    ? Optional.of(new GlobalId(raw.substring(0, colon), id))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Decodes an id that must be of the given type; empty otherwise. */
    public static Optional<UUID> decode(String encoded, String expectedType) {
        return decode(encoded).filter(id -> id.type().equals(expectedType)).map(GlobalId::id);
    }
}

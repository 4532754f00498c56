package org.trellis.api.scim;

import org.jspecify.annotations.Nullable;

/** A SCIM protocol failure: an HTTP status, SCIM's error type and a safe message. */
final class ScimException extends RuntimeException {

    private final int status;
    private final @Nullable String scimType;

    ScimException(int status, @Nullable String scimType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException invalidValue(String message) {
        return new ScimException(400, "invalidValue", message);
    }

    static ScimException notFound(String message) {
        return new ScimException(404, null, message);
    }

    static ScimException invalidFilter(String message) {
        return new ScimException(400, "invalidFilter", message);
    }

    static ScimException invalidPath(String message) {
        return new ScimException(400, "invalidPath", message);
    }

    /** A PATCH path whose filter selects no value to change (RFC 7644 §3.5.2). */
    static ScimException noTarget(String message) {
        return new ScimException(400, "noTarget", message);
    }

    int status() {
        return status;
    }

    @Nullable
    String scimType() {
        return scimType;
    }
}

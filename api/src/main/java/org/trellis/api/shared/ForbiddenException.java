package org.trellis.api.shared;

/** The caller is known but not allowed to do this. */
public final class ForbiddenException extends TrellisException {

    public ForbiddenException(String message) {
        super(message);
    }
}

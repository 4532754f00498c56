package org.trellis.api.shared;

/** The request conflicts with the current state. */
public final class ConflictException extends TrellisException {

    public ConflictException(String message) {
        super(message);
    }
}

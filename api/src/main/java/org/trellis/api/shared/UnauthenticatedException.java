package org.trellis.api.shared;

/** No verified caller. */
public final class UnauthenticatedException extends TrellisException {

    public UnauthenticatedException() {
        super("Authentication is required.");
    }
}

package org.trellis.api.shared;

/** The object does not exist, or the caller may not know that it does: both look the same. */
public final class NotFoundException extends TrellisException {

    public NotFoundException(String what) {
        super(what + " not found.");
    }
}

package org.trellis.api.shared;

/**
 * A failure the caller can act on. Services throw the subclasses; the GraphQL edge maps each to one error class
 * with its message, so messages must be safe to show (no SQL, no internals).
 */
public abstract sealed class TrellisException extends RuntimeException
        permits NotFoundException,
                ForbiddenException,
                ConflictException,
                InvalidInputException,
                UnauthenticatedException {

    protected TrellisException(String message) {
        super(message, null, false, false);
    }
}

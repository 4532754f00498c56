package org.trellis.api.shared;

import java.util.List;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;
import org.trellis.graphql.UserErrorsCarrier;

/**
 * The request conflicts with the current state: the object's state forbids the change (CONFLICT), or it changed since
 * the caller read it (STALE). Thrown before anything is written, or inside the transaction, so nothing is changed. A
 * mutation reports it as its one {@code userErrors} entry, its object null; anywhere else (a query) it is a CONFLICT
 * error.
 */
public final class ConflictException extends TrellisException implements UserErrorsCarrier {

    private final UserError error;

    /** The current state forbids the change; {@code field} is the input that names the object, e.g. "input", "id". */
    public ConflictException(String message, String... field) {
        this(message, Code.CONFLICT, field);
    }

    private ConflictException(String message, Code code, String... field) {
        super(message);
        this.error = new UserError(field.length == 0 ? List.of("input") : List.of(field), message, code);
    }

    /** The object changed since the caller read it at {@code input.expectedVersion}: reload and try again. */
    public static ConflictException stale(String message) {
        return new ConflictException(message, Code.STALE, "input", "expectedVersion");
    }

    @Override
    public List<UserError> userErrors() {
        return List.of(error);
    }
}

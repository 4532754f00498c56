package org.trellis.graphql;

import java.util.List;

/**
 * Why a mutation changed nothing, as the schema's {@code UserError} type: its input is refused, or it conflicts with
 * the current state (a taken value, a stale version, a state that forbids the change).
 */
public record UserError(List<String> field, String message, Code code) {

    public UserError {
        field = List.copyOf(field);
    }

    /** As the schema's {@code UserErrorCode}. */
    public enum Code {
        /** The value is malformed or out of range (an empty text where null clears, too). */
        INVALID,
        /** A required value is missing or blank, or null where a field cannot be cleared. */
        REQUIRED,
        /** The value is longer than allowed. */
        TOO_LONG,
        /** A conflict: another object already uses this value (a name, a key, an account). */
        ALREADY_EXISTS,
        /** A conflict: the object changed since the caller read it ({@code expectedVersion}); reload and retry. */
        STALE,
        /** A conflict: the object's current state forbids the change (its status, a limit, one open at a time). */
        CONFLICT
    }
}

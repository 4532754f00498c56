package org.trellis.graphql;

import java.util.List;

/** A validation failure of a mutation's input, as the schema's {@code UserError} type. */
public record UserError(List<String> field, String message, Code code) {

    public UserError {
        field = List.copyOf(field);
    }

    /** As the schema's {@code UserErrorCode}. */
    public enum Code {
        INVALID,
        REQUIRED,
        TOO_LONG,
        ALREADY_EXISTS
    }
}

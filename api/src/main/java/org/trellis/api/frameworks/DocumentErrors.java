package org.trellis.api.frameworks;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.trellis.api.shared.InvalidInputException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;
import tools.jackson.databind.JsonNode;

/** Collects every problem of a framework document with its field path, so an import names them all at once. */
final class DocumentErrors {

    private final List<UserError> errors = new ArrayList<>();

    @Nullable
    String text(JsonNode node, String field, int max, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            add(path, "Required.");
            return null;
        }
        return bounded(value.asString(), max, path);
    }

    @Nullable
    String optional(JsonNode node, String field, int max, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            add(path, "Must be text.");
            return null;
        }
        return bounded(value.asString(), max, path);
    }

    int number(JsonNode node, String field, int min, int max, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            add(path, "A whole number from " + min + " to " + max + " is required.");
            return min;
        }
        return value.asInt();
    }

    boolean bool(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            add(path, "true or false is required.");
            return false;
        }
        return value.asBoolean();
    }

    @Nullable
    String bounded(String value, int max, String path) {
        if (value.length() > max) {
            add(path, "At most " + max + " characters.");
            return null;
        }
        if (!Validation.isProse(value)) {
            add(path, "Control characters are not allowed.");
            return null;
        }
        return value;
    }

    void add(String path, String message) {
        errors.add(new UserError(List.of("input", "content", path), message, Code.INVALID));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > 50 ? errors.subList(0, 50) : errors);
        }
    }
}

package org.trellis.api.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.trellis.graphql.UserError;
import org.trellis.graphql.UserError.Code;

/** Collects every input problem of one request, then throws them together. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");

    private final List<UserError> errors = new ArrayList<>();

    /** A required, trimmed text of at most {@code max} characters; null if invalid. */
    public @Nullable String text(@Nullable String value, int max, String... field) {
        if (value == null || value.isBlank()) {
            errors.add(new UserError(List.of(field), "Required.", Code.REQUIRED));
            return null;
        }
        return optionalText(value, max, field);
    }

    /** An optional trimmed text of at most {@code max} characters; blank becomes null. */
    public @Nullable String optionalText(@Nullable String value, int max, String... field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new UserError(List.of(field), "At most " + max + " characters.", Code.TOO_LONG));
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new UserError(List.of(field), "Control characters are not allowed.", Code.INVALID));
            return null;
        }
        return trimmed;
    }

    /**
     * An optional trimmed multi-line text (notes, comments, descriptions) of at most {@code max} characters: line
     * breaks and tabs are allowed, other control characters are not; blank becomes null.
     */
    public @Nullable String prose(@Nullable String value, int max, String... field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new UserError(List.of(field), "At most " + max + " characters.", Code.TOO_LONG));
            return null;
        }
        if (!isProse(trimmed)) {
            errors.add(new UserError(List.of(field), "Control characters are not allowed.", Code.INVALID));
            return null;
        }
        return trimmed;
    }

    /**
     * Whether {@code value} is acceptable prose: no control characters but line breaks and tabs (no NUL, no terminal
     * escape sequences, no bidirectional-override tricks through C1 controls).
     */
    public static boolean isProse(String value) {
        return value.chars().noneMatch(Validation::isForbiddenInProse);
    }

    /** {@code value} without the control characters prose may not hold: for text from machines, which is kept. */
    public static String withoutForbiddenControls(String value) {
        return isProse(value)
                ? value
                : value.codePoints()
                        .filter(c -> !isForbiddenInProse(c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
    }

    private static boolean isForbiddenInProse(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    /** As {@link #prose}, required. */
    public @Nullable String requiredProse(@Nullable String value, int max, String... field) {
        if (value == null || value.isBlank()) {
            errors.add(new UserError(List.of(field), "Required.", Code.REQUIRED));
            return null;
        }
        return prose(value, max, field);
    }

    /**
     * A required text of an update ({@link Change}): not given keeps {@code current}; null or blank is REQUIRED, since
     * the field cannot be cleared.
     */
    public @Nullable String text(Change<String> change, @Nullable String current, int max, String... field) {
        return !change.given() && current != null ? current : text(change.value(), max, field);
    }

    /**
     * An optional text of an update ({@link Change}): not given keeps {@code current}, null clears it, and an empty or
     * blank text is INVALID: null is the one way to clear.
     */
    public @Nullable String optionalText(Change<String> change, @Nullable String current, int max, String... field) {
        return notBlank(change, field) ? optionalText(change.or(current), max, field) : null;
    }

    /** As {@link #optionalText(Change, String, int, String...)}, for prose. */
    public @Nullable String prose(Change<String> change, @Nullable String current, int max, String... field) {
        return notBlank(change, field) ? prose(change.or(current), max, field) : null;
    }

    /** As {@link #text(Change, String, int, String...)}, for prose. */
    public @Nullable String requiredProse(Change<String> change, @Nullable String current, int max, String... field) {
        return !change.given() && current != null ? current : requiredProse(change.value(), max, field);
    }

    /** A field of an update that always has a value: not given keeps {@code current}; null is REQUIRED. */
    public <T> @Nullable T required(Change<T> change, @Nullable T current, String... field) {
        if (change.clears()) {
            errors.add(new UserError(List.of(field), "Required: this field cannot be cleared.", Code.REQUIRED));
            return null;
        }
        return change.or(current);
    }

    private boolean notBlank(Change<String> change, String... field) {
        String value = change.value();
        if (value != null && value.isBlank()) {
            errors.add(new UserError(List.of(field), "Empty text: pass null to clear the field.", Code.INVALID));
            return false;
        }
        return true;
    }

    public boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    public void reject(Code code, String message, String... field) {
        errors.add(new UserError(List.of(field), message, code));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInputException} if anything was rejected. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}

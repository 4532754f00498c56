package org.trellis.api.tenancy;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads claims by name, with dots reaching into nested objects (e.g. {@code realm_access.roles}). */
final class Claims {

    private Claims() {}

    static @Nullable Object value(Jwt jwt, String path) {
        Object current = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /**
     * A text claim, trimmed and at most {@code max} characters; null if absent, not text, blank, too long or holding
     * control characters (a name or email never has them).
     */
    static @Nullable String text(Jwt jwt, String path, int max) {
        if (value(jwt, path) instanceof String text
                && !text.isBlank()
                && text.strip().length() <= max
                && text.codePoints().noneMatch(Character::isISOControl)) {
            return text.strip();
        }
        return null;
    }

    /** A list claim, or a text claim split on spaces and commas. */
    static List<String> values(Jwt jwt, String path) {
        return switch (value(jwt, path)) {
            case Collection<?> items ->
                items.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .toList();
            case String text ->
                Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
            case null, default -> List.of();
        };
    }

    /**
     * OAuth scopes from {@code scope} (space-separated) or {@code scp} (list or text), or, for Entra ID
     * application tokens which carry their permissions there, {@code roles}.
     */
    static List<String> scopes(Jwt jwt) {
        for (String claim : List.of("scope", "scp", "roles")) {
            List<String> scopes = values(jwt, claim);
            if (!scopes.isEmpty()) {
                return scopes;
            }
        }
        return List.of();
    }
}

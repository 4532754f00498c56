package org.trellis.api.scim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SCIM filter subset identity providers use for provisioning: {@code attribute eq "value"} joined by
 * {@code and} (RFC 7644 §3.4.2.2), attribute names and operators case-insensitive. Anything else is refused with
 * {@code invalidFilter} rather than half-understood.
 */
final class ScimFilter {

    private ScimFilter() {}

    /** Attribute (canonical spelling) → value; empty for no filter. */
    static Map<String, String> parse(@Nullable String filter, Set<String> attributes) {
        Map<String, String> criteria = new LinkedHashMap<>();
        if (filter == null || filter.isBlank()) {
            return criteria;
        }
        if (filter.length() > 1000) {
            throw ScimException.invalidFilter("The filter is too long.");
        }
        int i = 0;
        String text = filter.strip();
        while (true) {
            int space = text.indexOf(' ', i);
            if (space < 0) {
                throw ScimException.invalidFilter("Expected: attribute eq \"value\".");
            }
            String attribute = canonical(text.substring(i, space), attributes);
            i = skipSpaces(text, space);
            if (!text.regionMatches(true, i, "eq ", 0, 3)) {
                throw ScimException.invalidFilter("Only the eq operator is supported.");
            }
            i = skipSpaces(text, i + 2);
            if (i >= text.length() || text.charAt(i) != '"') {
                throw ScimException.invalidFilter("Expected a quoted value.");
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i++);
                if (c == '\\' && i < text.length()) {
                    c = text.charAt(i++);
                }
                value.append(c);
            }
            if (i >= text.length()) {
                throw ScimException.invalidFilter("Unterminated value.");
            }
            criteria.put(attribute, value.toString());
            i = skipSpaces(text, i + 1);
            if (i >= text.length()) {
                return criteria;
            }
            if (!text.regionMatches(true, i, "and ", 0, 4)) {
                throw ScimException.invalidFilter("Only and may join conditions.");
            }
            i = skipSpaces(text, i + 3);
        }
    }

    private static String canonical(String attribute, Set<String> attributes) {
        return attributes.stream()
                .filter(known -> known.equalsIgnoreCase(attribute))
                .findFirst()
                .orElseThrow(() -> ScimException.invalidFilter("Cannot filter on " + truncate(attribute) + "."));
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String truncate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}

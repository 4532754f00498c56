package org.trellis.api.scim;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * PATCH paths (RFC 7644 §3.5.2), parsed by the UnboundID SCIM 2 SDK: {@code title}, {@code name.givenName},
 * {@code emails[type eq "work"].value}, {@code members[value eq "…"]}, schema-qualified ones such as the enterprise
 * extension's {@code …:User:manager}; and the value filters in them, applied to one value of a multi-valued attribute.
 */
final class ScimPaths {

    private ScimPaths() {}

    /** The path, or {@code invalidPath}. */
    static Path parse(String path) {
        Path parsed = parseOrNull(path);
        if (parsed == null) {
            throw ScimException.invalidPath("Malformed path " + ScimFilterConditions.truncate(path, 60) + ".");
        }
        return parsed;
    }

    /** The path, or null if it is none (as keys of an operation's value may be: they are attribute names). */
    static @Nullable Path parseOrNull(String path) {
        if (path.length() > ScimFilterConditions.MAX_LENGTH || !bracketsClosed(path)) {
            return null;
        }
        try {
            return Path.fromString(path);
        } catch (BadRequestException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether every {@code [} outside quoted values is closed: the SDK takes {@code emails[type eq "work"} for
     * {@code emails[type eq "work"]}, where RFC 7644 sees a malformed filter or path.
     */
    static boolean bracketsClosed(String text) {
        int open = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                open++;
            } else if (!quoted && c == ']' && --open < 0) {
                return false;
            }
        }
        return open == 0;
    }

    /** The attribute name, as {@code known} spells it, if it is one of them (names ignore case). */
    static @Nullable String known(String attribute, Iterable<String> known) {
        for (String name : known) {
            if (name.equalsIgnoreCase(attribute)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Whether one value of a multi-valued attribute (a JSON object) meets a path's value filter: {@code eq},
     * {@code ne}, {@code co}, {@code sw}, {@code ew} and {@code pr} on its sub-attributes, ignoring case, joined by
     * {@code and}, {@code or} and {@code not}. Other comparisons are {@code invalidFilter}.
     */
    static boolean matches(Filter filter, JsonNode value) {
        return switch (filter.getFilterType()) {
            case AND -> filter.getCombinedFilters().stream().allMatch(part -> matches(part, value));
            case OR -> filter.getCombinedFilters().stream().anyMatch(part -> matches(part, value));
            case NOT -> !matches(filter.getInvertedFilter(), value);
            case PRESENT -> {
                String actual = subAttribute(filter, value);
                yield actual != null && !actual.isEmpty();
            }
            case EQUAL, NOT_EQUAL, CONTAINS, STARTS_WITH, ENDS_WITH -> compare(filter, value);
            default -> throw ScimException.invalidFilter("Path filters compare with eq, ne, co, sw, ew and pr.");
        };
    }

    private static boolean compare(Filter filter, JsonNode value) {
        String actual = lower(subAttribute(filter, value));
        ValueNode compared = filter.getComparisonValue();
        String expected = compared == null || compared.isNull() ? null : lower(compared.asText());
        if (filter.getFilterType() == FilterType.EQUAL || filter.getFilterType() == FilterType.NOT_EQUAL) {
            boolean equal = actual == null ? expected == null : actual.equals(expected);
            return equal == (filter.getFilterType() == FilterType.EQUAL);
        }
        if (actual == null || expected == null) {
            return false;
        }
        return switch (filter.getFilterType()) {
            case CONTAINS -> actual.contains(expected);
            case STARTS_WITH -> actual.startsWith(expected);
            default -> actual.endsWith(expected);
        };
    }

    /** The sub-attribute a comparison names, as text (booleans as "true" and "false"); null if it has none. */
    private static @Nullable String subAttribute(Filter filter, JsonNode value) {
        Path path = filter.getAttributePath();
        if (path.size() != 1 || path.getSchemaUrn() != null) {
            throw ScimException.invalidFilter("A path filter names sub-attributes of the value, such as type.");
        }
        String name = path.getElement(0).getAttribute();
        for (var property : value.properties()) {
            JsonNode field = property.getValue();
            if (property.getKey().equalsIgnoreCase(name) && field.isValueNode() && !field.isNull()) {
                return field.asString();
            }
        }
        return null;
    }

    private static @Nullable String lower(@Nullable String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}

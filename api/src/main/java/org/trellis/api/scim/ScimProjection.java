package org.trellis.api.scim;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5, §3.9): comma-separated
 * attribute paths, case-insensitive, a top-level attribute or one of its sub-attributes ({@code members.value}),
 * optionally prefixed by the resource's schema URN; an extension's attributes by the extension's URN
 * ({@code urn:…:enterprise:2.0:User:department}). {@code id} and {@code schemas} are always returned. Unknown paths
 * are ignored.
 *
 * @param only attribute → sub-attributes returned (empty: all of it); null when {@code attributes} is not given
 * @param excluded attribute → sub-attributes left out (empty: all of it)
 */
record ScimProjection(@Nullable Map<String, Set<String>> only, Map<String, Set<String>> excluded) {

    private static final Set<String> ALWAYS = Set.of("id", "schemas");
    static final ScimProjection ALL = new ScimProjection(null, Map.of());

    /** The projection a request asks for, on resources of schema {@code core} with these extension schemas. */
    static ScimProjection of(
            @Nullable String attributes, @Nullable String excludedAttributes, String core, String... extensions) {
        boolean none = attributes == null || attributes.isBlank();
        return new ScimProjection(
                none ? null : paths(attributes, core, extensions), paths(excludedAttributes, core, extensions));
    }

    /** Whether a top-level attribute appears in the result at all (so whether it is worth loading). */
    boolean includes(String attribute) {
        String key = attribute.toLowerCase(Locale.ROOT);
        Set<String> left = excluded.get(key);
        return (only == null || only.containsKey(key)) && (left == null || !left.isEmpty());
    }

    /** The resource with only the attributes asked for. */
    ObjectNode apply(ObjectNode resource) {
        if (only == null && excluded.isEmpty()) {
            return resource;
        }
        ObjectNode result = resource.deepCopy();
        for (String field : List.copyOf(result.propertyNames())) {
            String key = field.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(key)) {
                continue;
            }
            if (only != null) {
                Set<String> kept = only.get(key);
                if (kept == null) {
                    result.remove(field);
                    continue;
                }
                if (!kept.isEmpty()) {
                    subAttributes(result.get(field), kept, true);
                }
            }
            Set<String> left = excluded.get(key);
            if (left != null && left.isEmpty()) {
                result.remove(field);
            } else if (left != null) {
                subAttributes(result.get(field), left, false);
            }
        }
        return result;
    }

    /** Keeps ({@code keep}) or removes the named sub-attributes of a complex value or of each of its values. */
    private static void subAttributes(JsonNode value, Set<String> names, boolean keep) {
        if (value.isArray()) {
            value.forEach(element -> subAttributes(element, names, keep));
        } else if (value instanceof ObjectNode object) {
            for (String sub : List.copyOf(object.propertyNames())) {
                if (names.contains(sub.toLowerCase(Locale.ROOT)) != keep) {
                    object.remove(sub);
                }
            }
        }
    }

    private static Map<String, Set<String>> paths(@Nullable String list, String core, String... extensions) {
        Map<String, Set<String>> paths = new LinkedHashMap<>();
        if (list == null) {
            return paths;
        }
        for (String raw : list.split(",")) {
            String path = raw.strip().toLowerCase(Locale.ROOT);
            String attribute = null;
            String sub = null;
            for (String extension : extensions) {
                String urn = extension.toLowerCase(Locale.ROOT);
                if (path.equals(urn)) {
                    attribute = urn;
                } else if (path.startsWith(urn + ":")) {
                    attribute = urn;
                    sub = before(path.substring(urn.length() + 1), '.');
                }
            }
            if (attribute == null) {
                String local =
                        path.startsWith(core.toLowerCase(Locale.ROOT) + ":") ? path.substring(core.length() + 1) : path;
                int dot = local.indexOf('.');
                attribute = dot < 0 ? local : local.substring(0, dot);
                sub = dot < 0 ? null : before(local.substring(dot + 1), '.');
            }
            if (attribute.isEmpty()) {
                continue;
            }
            Set<String> subs = paths.get(attribute);
            if (sub == null || sub.isEmpty()) {
                paths.put(attribute, Set.of()); // the whole attribute
            } else if (subs == null) {
                paths.put(attribute, new HashSet<>(Set.of(sub)));
            } else if (!subs.isEmpty()) {
                subs.add(sub);
            }
        }
        return paths;
    }

    private static String before(String text, char end) {
        int at = text.indexOf(end);
        return at < 0 ? text : text.substring(0, at);
    }
}

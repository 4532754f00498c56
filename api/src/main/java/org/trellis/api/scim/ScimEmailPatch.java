package org.trellis.api.scim;

import static org.trellis.api.scim.ScimUserMapping.array;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH of a User's {@code emails} (RFC 7644 §3.5.2): the whole attribute ({@code emails}, replaced: Trellis keeps one
 * address), the values a filter selects ({@code emails[value eq "x"]}), or a sub-attribute of them
 * ({@code emails[type eq "work"].value}, {@code emails.value}). Adding or replacing through a filter that selects
 * nothing is {@code noTarget}, except {@code [type eq "…"]}, which adds an address of that type, as Entra ID expects;
 * removing what is not there changes nothing.
 */
final class ScimEmailPatch {

    private static final List<String> FIELDS = List.of("value", "type", "primary", "display");

    private ScimEmailPatch() {}

    static void apply(
            ObjectNode user, @Nullable Filter filter, @Nullable String sub, @Nullable JsonNode value, boolean remove) {
        String field = sub == null ? null : ScimPaths.known(sub, FIELDS);
        if (sub != null && field == null) {
            throw ScimException.invalidPath("emails has no sub-attribute " + sub + ".");
        }
        if (filter == null && field == null) {
            whole(user, value, remove);
            return;
        }
        ArrayNode emails = array(user, "emails");
        List<ObjectNode> selected = new ArrayList<>();
        for (JsonNode email : emails) {
            if (email instanceof ObjectNode object && (filter == null || ScimPaths.matches(filter, object))) {
                selected.add(object);
            }
        }
        if (selected.isEmpty()) {
            if (remove) {
                return;
            }
            String type = filter == null ? null : typeSelected(filter);
            if (filter != null && type == null) {
                throw ScimException.noTarget("No email matches the path's filter.");
            }
            ObjectNode created = emails.addObject();
            if (type != null) {
                created.put("type", type.toLowerCase(Locale.ROOT));
            }
            selected.add(created);
        }
        Set<JsonNode> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectNode email : selected) {
            if (remove && (field == null || field.equals("value"))) {
                removed.add(email); // an address without its value is none
            } else if (remove) {
                email.remove(field);
            } else if (field != null) {
                email.set(field, value);
            } else if (value != null && value.isObject()) {
                email.setAll((ObjectNode) value);
            } else {
                throw ScimException.invalidValue("An email is an object.");
            }
        }
        if (!removed.isEmpty()) {
            ArrayNode kept = user.putArray("emails");
            emails.forEach(email -> {
                if (!removed.contains(email)) {
                    kept.add(email);
                }
            });
        }
    }

    private static void whole(ObjectNode user, @Nullable JsonNode value, boolean remove) {
        if (remove) {
            user.remove("emails");
            return;
        }
        ArrayNode emails = user.putArray("emails");
        if (value != null && value.isArray()) {
            value.forEach(emails::add);
        } else if (value != null && value.isObject()) {
            emails.add(value);
        } else {
            throw ScimException.invalidValue("emails takes an array of addresses.");
        }
    }

    /** The type {@code [type eq "work"]} selects; null for other filters. */
    private static @Nullable String typeSelected(Filter filter) {
        if (filter.getFilterType() != FilterType.EQUAL
                || filter.getAttributePath().size() != 1
                || !filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("type")
                || filter.getComparisonValue() == null
                || !filter.getComparisonValue().isTextual()) {
            return null;
        }
        return filter.getComparisonValue().textValue();
    }
}

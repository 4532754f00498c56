package org.trellis.api.scim;

import static org.trellis.api.scim.ScimUserMapping.ENTERPRISE;
import static org.trellis.api.scim.ScimUserMapping.USER;
import static org.trellis.api.scim.ScimUserMapping.object;
import static org.trellis.api.scim.ScimUserMapping.text;

import com.unboundid.scim2.common.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM PATCH (RFC 7644 §3.5.2) of a User resource, in the shapes Okta and Entra ID send: operations with or without
 * a path (without, the value's keys are paths too, such as {@code name.givenName}), capitalised ops, value paths such
 * as {@code emails[type eq "work"].value} ({@link ScimEmailPatch}), the enterprise extension's fields and manager.
 * Paths are parsed by the UnboundID SCIM 2 SDK; a malformed one, or one into an attribute Trellis keeps that the
 * attribute does not have (a sub-attribute of {@code title}, a filter on {@code name}), is {@code invalidPath}.
 * Attributes Trellis does not keep (phone numbers, addresses, other extensions…) are accepted and ignored, as in
 * POST and PUT.
 */
final class ScimUserPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SIMPLE =
            List.of("userName", "displayName", "title", "externalId", "active", "timezone");
    private static final List<String> NAME_FIELDS = names("formatted", ScimAttributes.NAME_PARTS);
    private static final List<String> ENTERPRISE_FIELDS = names("manager", ScimAttributes.ENTERPRISE_FIELDS);

    private ScimUserPatch() {}

    /** Applies a PatchOp request (RFC 7644 §3.5.2) to a copy of the resource. */
    static ObjectNode patch(ObjectNode resource, JsonNode request) {
        JsonNode operations = request.has("Operations") ? request.get("Operations") : request.path("operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw ScimException.invalidValue("Operations must be a non-empty array.");
        }
        ObjectNode user = resource.deepCopy();
        for (JsonNode operation : operations) {
            String op = text(operation, "op");
            if (op == null || !List.of("add", "replace", "remove").contains(op.toLowerCase(Locale.ROOT))) {
                throw ScimException.invalidValue("op must be add, replace or remove.");
            }
            boolean remove = op.equalsIgnoreCase("remove");
            String path = text(operation, "path");
            JsonNode value = operation.get("value");
            if (path == null) {
                if (remove || value == null || !value.isObject()) {
                    throw ScimException.noTarget("An operation without a path needs an object value.");
                }
                applyAll(user, value, false);
            } else {
                if (!remove && value == null) {
                    throw ScimException.invalidValue("The operation needs a value.");
                }
                apply(user, path, ScimPaths.parse(path), value, remove);
            }
        }
        return user;
    }

    /** An object value without a path: each key names an attribute (keys that are no paths name none of ours). */
    private static void applyAll(ObjectNode user, JsonNode value, boolean remove) {
        value.properties().forEach(entry -> {
            Path path = ScimPaths.parseOrNull(entry.getKey());
            if (path != null) {
                apply(user, entry.getKey(), path, entry.getValue(), remove);
            }
        });
    }

    private static void apply(ObjectNode user, String raw, Path path, @Nullable JsonNode value, boolean remove) {
        if (raw.equalsIgnoreCase(ENTERPRISE)) {
            if (value != null && value.isObject()) {
                ObjectNode extension = object(user, ENTERPRISE);
                value.properties().forEach(entry -> setEnterprise(extension, entry.getKey(), entry.getValue(), remove));
            } else if (remove) {
                user.remove(ENTERPRISE);
            }
            return;
        }
        if (raw.equalsIgnoreCase(USER) && value != null && value.isObject()) {
            applyAll(user, value, remove);
            return;
        }
        String schema = path.getSchemaUrn();
        if (schema != null && schema.equalsIgnoreCase(ENTERPRISE)) {
            enterprise(user, path, value, remove);
            return;
        }
        if ((schema != null && !schema.equalsIgnoreCase(USER)) || path.size() == 0) {
            return; // another extension's attribute: not kept
        }
        Path.Element first = path.getElement(0);
        String sub = path.size() > 1 ? path.getElement(1).getAttribute() : null;
        if (path.size() > 2) {
            throw ScimException.invalidPath("Paths name an attribute and at most one sub-attribute.");
        }
        if (first.getAttribute().equalsIgnoreCase("emails")) {
            ScimEmailPatch.apply(user, first.getValueFilter(), sub, value, remove);
            return;
        }
        boolean name = first.getAttribute().equalsIgnoreCase("name");
        String simple = ScimPaths.known(first.getAttribute(), SIMPLE);
        if ((name || simple != null) && first.getValueFilter() != null) {
            throw ScimException.invalidPath(first.getAttribute() + " is not multi-valued.");
        }
        if (name) {
            name(user, sub, value, remove);
        } else if (simple != null) {
            if (sub != null) {
                throw ScimException.invalidPath(simple + " has no sub-attributes.");
            }
            if (remove) {
                user.remove(simple);
            } else {
                user.set(simple, value);
            }
        }
    }

    /** {@code name} as a whole, or one of its parts; the display name then follows the name unless set too. */
    private static void name(ObjectNode user, @Nullable String sub, @Nullable JsonNode value, boolean remove) {
        if (sub == null) {
            if (remove) {
                user.remove("name");
            } else if (value != null && value.isObject()) {
                object(user, "name").setAll((ObjectNode) value);
            } else {
                throw ScimException.invalidValue("name takes an object.");
            }
        } else {
            String part = ScimPaths.known(sub, NAME_FIELDS);
            if (part == null) {
                throw ScimException.invalidPath("name has no sub-attribute " + sub + ".");
            }
            if (remove) {
                object(user, "name").remove(part);
            } else {
                object(user, "name").set(part, value);
            }
        }
        user.remove("displayName");
    }

    /** {@code …:User:department}, {@code …:User:manager}, {@code …:User:manager.value}. */
    private static void enterprise(ObjectNode user, Path path, @Nullable JsonNode value, boolean remove) {
        Path.Element first = path.getElement(0);
        String field = ScimPaths.known(first.getAttribute(), ENTERPRISE_FIELDS);
        if (field != null && (first.getValueFilter() != null || path.size() > 2)) {
            throw ScimException.invalidPath(field + " is not multi-valued.");
        }
        if (field != null && path.size() == 2) {
            if (!field.equals("manager")) {
                throw ScimException.invalidPath(field + " has no sub-attributes.");
            }
            if (!path.getElement(1).getAttribute().equalsIgnoreCase("value")) {
                return; // the manager's $ref and displayName follow from its value
            }
        }
        if (field != null) {
            setEnterprise(object(user, ENTERPRISE), field, value, remove);
        }
    }

    private static void setEnterprise(
            ObjectNode extension, String attribute, @Nullable JsonNode value, boolean remove) {
        String field = ScimPaths.known(attribute, ENTERPRISE_FIELDS);
        if (field == null) {
            return;
        }
        if (!field.equals("manager")) {
            if (remove || value == null || value.isNull()) {
                extension.remove(field);
            } else {
                extension.set(field, value);
            }
            return;
        }
        if (remove
                || value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            extension.remove("manager");
        } else {
            extension.set(
                    "manager", value.isObject() ? value : NODES.objectNode().put("value", value.asString()));
        }
    }

    private static List<String> names(String first, List<String> others) {
        List<String> names = new ArrayList<>(List.of(first));
        names.addAll(others);
        return List.copyOf(names);
    }
}

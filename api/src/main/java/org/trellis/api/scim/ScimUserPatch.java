package org.trellis.api.scim;

import static org.trellis.api.scim.ScimUserMapping.ENTERPRISE;
import static org.trellis.api.scim.ScimUserMapping.array;
import static org.trellis.api.scim.ScimUserMapping.object;
import static org.trellis.api.scim.ScimUserMapping.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM PATCH (RFC 7644 §3.5.2) of a User resource, in the shapes Okta and Entra ID send: operations with or without
 * a path, capitalised ops, {@code emails[type eq "work"].value}, the enterprise extension's manager.
 */
final class ScimUserPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TYPED_EMAIL =
            Pattern.compile("emails\\[type eq \"([^\"]+)\"]\\.value", Pattern.CASE_INSENSITIVE);

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
                    throw new ScimException(400, "noTarget", "An operation without a path needs an object value.");
                }
                value.properties().forEach(entry -> apply(user, entry.getKey(), entry.getValue(), false));
            } else {
                if (!remove && value == null) {
                    throw ScimException.invalidValue("The operation needs a value.");
                }
                apply(user, path, value, remove);
            }
        }
        return user;
    }

    private static void apply(ObjectNode user, String path, @Nullable JsonNode value, boolean remove) {
        if (path.regionMatches(true, 0, ENTERPRISE, 0, ENTERPRISE.length())) {
            String attribute = path.length() > ENTERPRISE.length() ? path.substring(ENTERPRISE.length() + 1) : "";
            ObjectNode extension = object(user, ENTERPRISE);
            if (attribute.isEmpty() && value != null && value.isObject()) {
                value.properties().forEach(entry -> setEnterprise(extension, entry.getKey(), entry.getValue(), remove));
            } else {
                setEnterprise(extension, attribute, value, remove);
            }
            return;
        }
        Matcher typedEmail = TYPED_EMAIL.matcher(path);
        if (typedEmail.matches()) {
            ArrayNode emails = array(user, "emails");
            ObjectNode email = null;
            for (JsonNode existing : emails) {
                if (typedEmail.group(1).equalsIgnoreCase(existing.path("type").asString(""))) {
                    email = (ObjectNode) existing;
                }
            }
            if (remove) {
                user.remove("emails");
            } else {
                if (email == null) {
                    email = emails.addObject().put("type", typedEmail.group(1).toLowerCase(Locale.ROOT));
                }
                email.put("value", value.asString());
            }
            return;
        }
        int dot = path.indexOf('.');
        if (dot > 0 && path.substring(0, dot).equalsIgnoreCase("name")) {
            ObjectNode name = object(user, "name");
            if (remove) {
                name.remove(path.substring(dot + 1));
            } else {
                name.set(path.substring(dot + 1), value);
            }
            user.remove("displayName");
            return;
        }
        String attribute = canonical(path);
        if (remove) {
            user.remove(attribute);
        } else if (attribute.equals("emails") && value.isArray() && user.has("emails")) {
            ArrayNode emails = array(user, "emails");
            emails.removeAll();
            value.forEach(emails::add);
        } else if (attribute.equals("name") && value.isObject()) {
            object(user, "name").setAll((ObjectNode) value);
            user.remove("displayName");
        } else {
            user.set(attribute, value);
        }
    }

    private static void setEnterprise(
            ObjectNode extension, String attribute, @Nullable JsonNode value, boolean remove) {
        if (!attribute.equalsIgnoreCase("manager")) {
            ScimAttributes.ENTERPRISE_FIELDS.stream()
                    .filter(attribute::equalsIgnoreCase)
                    .findFirst()
                    .ifPresent(field -> {
                        if (remove || value == null || value.isNull()) {
                            extension.remove(field);
                        } else {
                            extension.set(field, value);
                        }
                    });
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

    private static String canonical(String path) {
        for (String known :
                List.of("userName", "displayName", "title", "externalId", "active", "timezone", "emails", "name")) {
            if (known.equalsIgnoreCase(path)) {
                return known;
            }
        }
        return path;
    }
}

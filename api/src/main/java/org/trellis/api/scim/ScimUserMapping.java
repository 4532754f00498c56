package org.trellis.api.scim;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.trellis.api.people.Person;
import org.trellis.api.people.PersonInput;
import org.trellis.api.people.PersonStatus;
import org.trellis.api.people.Team;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Between SCIM User resources and people: rendering and reading (PATCH is {@link ScimUserPatch}).
 * Attributes Trellis does not keep (phone numbers, addresses…) are accepted and ignored.
 */
final class ScimUserMapping {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimUserMapping() {}

    static ObjectNode toResource(Person person, String baseUrl) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER).add(ENTERPRISE);
        user.put("id", person.id().toString());
        putIfPresent(user, "externalId", person.externalId());
        putIfPresent(user, "userName", person.userName());
        user.putObject("name").put("formatted", person.displayName());
        user.put("displayName", person.displayName());
        putIfPresent(user, "title", person.title());
        putIfPresent(user, "timezone", person.timeZone());
        if (person.email() != null) {
            user.putArray("emails")
                    .addObject()
                    .put("value", person.email())
                    .put("type", "work")
                    .put("primary", true);
        }
        user.put("active", person.status() == PersonStatus.ACTIVE);
        if (person.managerId() != null) {
            user.putObject(ENTERPRISE)
                    .putObject("manager")
                    .put("value", person.managerId().toString())
                    .put("$ref", baseUrl + "/Users/" + person.managerId());
        }
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", person.createdAt().toString());
        meta.put("location", baseUrl + "/Users/" + person.id());
        return user;
    }

    /** Adds the Groups a User is a member of (read-only: membership changes through the Group resource). */
    static void renderGroups(ObjectNode user, List<Team> groups, String baseUrl) {
        if (!groups.isEmpty()) {
            ArrayNode list = user.putArray("groups");
            groups.forEach(group -> list.addObject()
                    .put("value", group.id().toString())
                    .put("$ref", baseUrl + "/Groups/" + group.id())
                    .put("display", group.name())
                    .put("type", "direct"));
        }
    }

    /** What a User resource asks for: the profile, whether active, and the manager. */
    static Fields fromResource(JsonNode user) {
        if (!user.isObject()) {
            throw ScimException.invalidValue("A User resource must be a JSON object.");
        }
        String userName = text(user, "userName");
        if (userName == null) {
            throw ScimException.invalidValue("userName is required.");
        }
        JsonNode name = user.path("name");
        String displayName = firstNonBlank(
                text(user, "displayName"),
                text(name, "formatted"),
                joined(text(name, "givenName"), text(name, "familyName")),
                userName);
        JsonNode manager = user.path(ENTERPRISE).path("manager");
        String managerRef =
                manager.isObject() ? text(manager, "value") : manager.isString() ? manager.asString() : null;
        PersonInput input = new PersonInput(
                displayName,
                orEmpty(email(user.path("emails"))),
                orEmpty(text(user, "title")),
                orEmpty(text(user, "timezone")),
                userName,
                orEmpty(text(user, "externalId")),
                null,
                null);
        return new Fields(
                input,
                bool(user.get("active"), true),
                managerRef == null || managerRef.isBlank() ? null : uuid(managerRef, "manager"),
                ScimAttributes.from(user));
    }

    private static @Nullable String email(JsonNode emails) {
        if (!emails.isArray() || emails.isEmpty()) {
            return null;
        }
        for (JsonNode email : emails) {
            if (bool(email.get("primary"), false)) {
                return text(email, "value");
            }
        }
        for (JsonNode email : emails) {
            if ("work".equalsIgnoreCase(email.path("type").asString(""))) {
                return text(email, "value");
            }
        }
        return text(emails.get(0), "value");
    }

    /** SCIM booleans; Entra ID sends them as the strings "True" and "False". */
    static boolean bool(@Nullable JsonNode node, boolean otherwise) {
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isString() && List.of("true", "false").contains(node.asString().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(node.asString().toLowerCase(Locale.ROOT));
        }
        throw ScimException.invalidValue("Expected a boolean.");
    }

    /** A resource id from the request path: one that is not a Trellis id names nothing, so 404. */
    static UUID pathId(String value, String what) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id of ours
        }
        throw ScimException.notFound("No such " + what + ".");
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("Unknown " + what + ".");
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
    }

    static ArrayNode array(ObjectNode parent, String field) {
        return parent.get(field) instanceof ArrayNode existing ? existing : parent.putArray(field);
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String joined(@Nullable String given, @Nullable String family) {
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw ScimException.invalidValue("A name is required.");
    }

    /** A User resource's requested state. */
    record Fields(
            PersonInput profile, boolean active, @Nullable UUID managerId, ScimAttributes attributes) {}
}

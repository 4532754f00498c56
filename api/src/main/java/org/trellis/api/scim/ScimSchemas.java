package org.trellis.api.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas Trellis serves at {@code /Schemas} (RFC 7643 §7): the attributes of User, EnterpriseUser and Group it
 * keeps, each with all its characteristics, complex ones with their sub-attributes. Attributes not listed are
 * accepted and ignored.
 */
final class ScimSchemas {

    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /** Built once: the definitions never change. */
    private static final List<Map<String, Object>> ALL = List.of(
            schema(
                    ScimUserMapping.USER,
                    "User",
                    "A person of the tenant.",
                    List.of(
                            text("userName", "Unique identifier for the User, as the identity provider names it.")
                                    .required()
                                    .uniqueness("server"),
                            text("externalId", "The identity provider's id of the User.")
                                    .caseExact()
                                    .uniqueness("server"),
                            Attribute.complex(
                                    "name",
                                    "The components of the User's name.",
                                    text("formatted", "The full name; Trellis answers the display name."),
                                    text("familyName", "The family name."),
                                    text("givenName", "The given name."),
                                    text("middleName", "The middle name."),
                                    text("honorificPrefix", "The honorific prefix, such as Ms."),
                                    text("honorificSuffix", "The honorific suffix, such as III.")),
                            text("displayName", "The name Trellis shows for the User."),
                            text("title", "The User's title, such as Staff Engineer."),
                            text("timezone", "The User's IANA time zone, such as Europe/Berlin."),
                            Attribute.of("active", "boolean", "Whether the User may sign in."),
                            Attribute.complex(
                                            "emails",
                                            "Trellis keeps one address: the primary one, else the work one,"
                                                    + " else the first; it answers it as the primary work address.",
                                            text("value", "The email address."),
                                            text("type", "The address's kind.")
                                                    .canonicalValues("work", "home", "other"),
                                            Attribute.of("primary", "boolean", "Whether this is the primary address."))
                                    .multiValued(),
                            Attribute.complex(
                                            "groups",
                                            "The Groups the User is a member of, changed through the Group resource.",
                                            text("value", "The Group's id.").readOnly(),
                                            Attribute.of("$ref", "reference", "The Group's URI.")
                                                    .referenceTypes("Group")
                                                    .readOnly(),
                                            text("display", "The Group's display name.")
                                                    .readOnly(),
                                            text("type", "How the User belongs to the Group.")
                                                    .canonicalValues("direct")
                                                    .readOnly())
                                    .multiValued()
                                    .readOnly())),
            schema(
                    ScimUserMapping.ENTERPRISE,
                    "EnterpriseUser",
                    "The enterprise extension of a User.",
                    List.of(
                            text("employeeNumber", "The User's number in the organization."),
                            text("costCenter", "The User's cost center."),
                            text("organization", "The User's organization."),
                            text("division", "The User's division."),
                            text("department", "The User's department."),
                            Attribute.complex(
                                    "manager",
                                    "The User's manager, a User of the same tenant.",
                                    text("value", "The manager's id.").caseExact(),
                                    Attribute.of("$ref", "reference", "The manager's URI.")
                                            .referenceTypes("User")))),
            schema(
                    GROUP,
                    "Group",
                    "A team of the tenant.",
                    List.of(
                            text("displayName", "The team's name, unique in the tenant ignoring case.")
                                    .required()
                                    .uniqueness("server"),
                            text("externalId", "The identity provider's id of the Group.")
                                    .caseExact()
                                    .uniqueness("server"),
                            Attribute.complex(
                                            "members",
                                            "The Users who are members of the team.",
                                            text("value", "The member's id.")
                                                    .caseExact()
                                                    .mutability("immutable"),
                                            Attribute.of("$ref", "reference", "The member's URI.")
                                                    .referenceTypes("User")
                                                    .mutability("immutable"),
                                            text("display", "The member's display name.")
                                                    .readOnly(),
                                            text("type", "The member's resource type.")
                                                    .canonicalValues("User")
                                                    .mutability("immutable"))
                                    .multiValued())));

    private ScimSchemas() {}

    /** The User, EnterpriseUser and Group schemas. */
    static List<Map<String, Object>> all() {
        return ALL;
    }

    private static Attribute text(String name, String description) {
        return Attribute.of(name, "string", description);
    }

    private static Map<String, Object> schema(String id, String name, String description, List<Attribute> attributes) {
        return Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Schema"),
                "id", id,
                "name", name,
                "description", description,
                "attributes", attributes.stream().map(Attribute::toMap).toList());
    }

    /** One attribute definition being built, RFC 7643 §7's defaults unless changed. */
    private static final class Attribute {

        private final Map<String, Object> definition = new LinkedHashMap<>();

        private Attribute(String name, String type, String description, List<Attribute> subAttributes) {
            definition.put("name", name);
            definition.put("type", type);
            if (!subAttributes.isEmpty()) {
                definition.put(
                        "subAttributes",
                        subAttributes.stream().map(Attribute::toMap).toList());
            }
            definition.put("multiValued", false);
            definition.put("description", description);
            definition.put("required", false);
            definition.put("caseExact", false);
            definition.put("mutability", "readWrite");
            definition.put("returned", "default");
            definition.put("uniqueness", "none");
        }

        static Attribute of(String name, String type, String description) {
            return new Attribute(name, type, description, List.of());
        }

        static Attribute complex(String name, String description, Attribute... subAttributes) {
            return new Attribute(name, "complex", description, List.of(subAttributes));
        }

        Attribute multiValued() {
            return set("multiValued", true);
        }

        Attribute required() {
            return set("required", true);
        }

        Attribute caseExact() {
            return set("caseExact", true);
        }

        Attribute mutability(String mutability) {
            return set("mutability", mutability);
        }

        Attribute readOnly() {
            return mutability("readOnly");
        }

        Attribute uniqueness(String uniqueness) {
            return set("uniqueness", uniqueness);
        }

        Attribute canonicalValues(String... values) {
            return set("canonicalValues", List.of(values));
        }

        /** A reference's resource types; references are compared exactly. */
        Attribute referenceTypes(String... types) {
            return set("referenceTypes", List.of(types)).caseExact();
        }

        private Attribute set(String characteristic, Object value) {
            definition.put(characteristic, value);
            return this;
        }

        Map<String, Object> toMap() {
            return java.util.Collections.unmodifiableMap(definition);
        }
    }
}

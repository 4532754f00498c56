package org.trellis.api.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.shared.Validation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM attributes kept only to answer the identity provider with what it sent: the name's parts and the enterprise
 * extension's organisational fields (the manager is a person reference, kept as the person's manager). Text values of
 * at most {@value #MAX_LENGTH} characters; anything else is ignored, as other attributes Trellis does not keep are.
 */
record ScimAttributes(Map<String, String> name, Map<String, String> enterprise) {

    static final int MAX_LENGTH = 200;
    static final List<String> NAME_PARTS =
            List.of("givenName", "familyName", "middleName", "honorificPrefix", "honorificSuffix");
    static final List<String> ENTERPRISE_FIELDS =
            List.of("employeeNumber", "department", "costCenter", "organization", "division");
    static final ScimAttributes NONE = new ScimAttributes(Map.of(), Map.of());

    ScimAttributes {
        name = Map.copyOf(name);
        enterprise = Map.copyOf(enterprise);
    }

    /** What a User resource carries of them. */
    static ScimAttributes from(JsonNode user) {
        return new ScimAttributes(
                texts(user.path("name"), NAME_PARTS), texts(user.path(ScimUserMapping.ENTERPRISE), ENTERPRISE_FIELDS));
    }

    /** Adds them to a rendered User resource. */
    void render(ObjectNode user) {
        if (!name.isEmpty()) {
            ObjectNode names = ScimUserMapping.object(user, "name");
            NAME_PARTS.stream().filter(name::containsKey).forEach(part -> names.put(part, name.get(part)));
        }
        if (!enterprise.isEmpty()) {
            ObjectNode extension = ScimUserMapping.object(user, ScimUserMapping.ENTERPRISE);
            ENTERPRISE_FIELDS.stream()
                    .filter(enterprise::containsKey)
                    .forEach(field -> extension.put(field, enterprise.get(field)));
        }
    }

    private static Map<String, String> texts(JsonNode node, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!node.isObject()) {
            return values;
        }
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isString()) {
                String text =
                        Validation.withoutForbiddenControls(value.asString()).strip();
                if (!text.isEmpty()) {
                    values.put(field, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
                }
            }
        }
        return values;
    }
}

package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** {@code /Schemas} describes every attribute Trellis keeps with all of RFC 7643 §7's characteristics. */
class ScimSchemasIntegrationTest extends ScimHttpTest {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final List<String> CHARACTERISTICS = List.of(
            "name",
            "type",
            "multiValued",
            "description",
            "required",
            "caseExact",
            "mutability",
            "returned",
            "uniqueness");
    private static final List<String> TYPES =
            List.of("string", "boolean", "decimal", "integer", "dateTime", "reference", "complex", "binary");

    @Test
    void everyAttributeAndSubAttributeHasEveryCharacteristic() {
        JsonNode schemas = list("/Schemas");
        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        List<String> paths = new ArrayList<>();
        for (JsonNode schema : schemas.get("Resources")) {
            assertThat(schema.get("schemas").get(0).asString())
                    .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Schema");
            assertThat(list("/Schemas/" + schema.get("id").asString())).isEqualTo(schema);
            for (JsonNode attribute : schema.get("attributes")) {
                check(schema.get("id").asString() + ":", attribute, false, paths);
            }
        }
        assertThat(paths)
                .contains(
                        USER + ":userName",
                        USER + ":externalId",
                        USER + ":name.formatted",
                        USER + ":name.givenName",
                        USER + ":name.familyName",
                        USER + ":name.middleName",
                        USER + ":name.honorificPrefix",
                        USER + ":name.honorificSuffix",
                        USER + ":displayName",
                        USER + ":title",
                        USER + ":timezone",
                        USER + ":active",
                        USER + ":emails.value",
                        USER + ":emails.type",
                        USER + ":emails.primary",
                        USER + ":groups.value",
                        USER + ":groups.$ref",
                        USER + ":groups.display",
                        ENTERPRISE + ":employeeNumber",
                        ENTERPRISE + ":department",
                        ENTERPRISE + ":costCenter",
                        ENTERPRISE + ":organization",
                        ENTERPRISE + ":division",
                        ENTERPRISE + ":manager.value",
                        GROUP + ":displayName",
                        GROUP + ":externalId",
                        GROUP + ":members.value",
                        GROUP + ":members.display",
                        GROUP + ":members.$ref");
    }

    @Test
    void describesWhatTrellisDoesWithTheAttributes() {
        Map<String, JsonNode> user = attributes(USER);
        assertThat(user.get("userName").get("required").asBoolean()).isTrue();
        assertThat(user.get("userName").get("uniqueness").asString()).isEqualTo("server");
        assertThat(user.get("userName").get("caseExact").asBoolean()).isFalse();
        assertThat(user.get("emails").get("multiValued").asBoolean()).isTrue();
        assertThat(sub(user.get("emails"), "type")
                        .get("canonicalValues")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("work");
        assertThat(user.get("groups").get("mutability").asString()).isEqualTo("readOnly");
        assertThat(sub(user.get("groups"), "$ref").get("referenceTypes").get(0).asString())
                .isEqualTo("Group");
        Map<String, JsonNode> group = attributes(GROUP);
        assertThat(group.get("displayName").get("required").asBoolean()).isTrue();
        assertThat(sub(group.get("members"), "value").get("mutability").asString())
                .isEqualTo("immutable");
        assertThat(sub(group.get("members"), "$ref")
                        .get("referenceTypes")
                        .get(0)
                        .asString())
                .isEqualTo("User");
        assertThat(attributes(ENTERPRISE).get("manager").get("type").asString()).isEqualTo("complex");
        error(send(HttpMethod.GET, "/Schemas/urn:nope", null), 404, null);
    }

    /** Checks an attribute's characteristics, collecting its path and its sub-attributes'. */
    private static void check(String prefix, JsonNode attribute, boolean sub, List<String> paths) {
        String name = attribute.path("name").asString("");
        String path = prefix + name;
        CHARACTERISTICS.forEach(characteristic -> assertThat(attribute.has(characteristic))
                .as("%s has %s", path, characteristic)
                .isTrue());
        assertThat(attribute.get("type").asString()).as(path).isIn(TYPES);
        assertThat(attribute.get("description").asString()).as(path).isNotBlank();
        for (String flag : List.of("multiValued", "required", "caseExact")) {
            assertThat(attribute.get(flag).isBoolean()).as("%s %s", path, flag).isTrue();
        }
        assertThat(attribute.get("mutability").asString())
                .as(path)
                .isIn("readOnly", "readWrite", "immutable", "writeOnly");
        assertThat(attribute.get("returned").asString()).as(path).isIn("always", "never", "default", "request");
        assertThat(attribute.get("uniqueness").asString()).as(path).isIn("none", "server", "global");
        if (attribute.get("type").asString().equals("reference")) {
            assertThat(attribute.get("referenceTypes").isEmpty()).as(path).isFalse();
        }
        if (attribute.has("canonicalValues")) {
            assertThat(attribute.get("canonicalValues").isArray()).as(path).isTrue();
        }
        boolean complex = attribute.get("type").asString().equals("complex");
        assertThat(complex && sub)
                .as("%s: no complex sub-attributes (RFC 7643 §2.3.8)", path)
                .isFalse();
        assertThat(attribute.has("subAttributes")).as(path).isEqualTo(complex);
        paths.add(path);
        if (complex) {
            assertThat(attribute.get("subAttributes").isEmpty()).as(path).isFalse();
            for (JsonNode child : attribute.get("subAttributes")) {
                check(path + ".", child, true, paths);
            }
        }
    }

    private Map<String, JsonNode> attributes(String schema) {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        list("/Schemas/" + schema)
                .get("attributes")
                .forEach(a -> byName.put(a.get("name").asString(), a));
        return byName;
    }

    private static JsonNode sub(JsonNode attribute, String name) {
        return attribute
                .get("subAttributes")
                .valueStream()
                .filter(a -> a.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }
}

package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * PATCH paths as the UnboundID SDK parses them: value paths and sub-attributes change what they select, paths into
 * attributes Trellis does not keep are ignored, malformed or impossible ones are {@code invalidPath}, and filters that
 * select nothing to replace are {@code noTarget}; a refused request changes nothing.
 */
class ScimPatchPathsIntegrationTest extends ScimHttpTest {

    @Test
    void valuePathsAndSubAttributesChangeWhatTheySelect() {
        String id = create(Map.of(
                "userName",
                "zed@example.com",
                "emails",
                List.of(Map.of("value", "zed@example.com", "type", "work", "primary", true))));
        String user = "/Users/" + id;
        patch(
                        user,
                        List.of(
                                op("remove", "emails[value eq \"ZED@example.com\"]", null),
                                op("Add", "emails[type eq \"work\"].value", "zed@new.example.com"),
                                op("replace", "name.GIVENNAME", "Zed"),
                                op("replace", ENTERPRISE + ":manager.value", create(Map.of("userName", "m@x.com"))),
                                op("add", "urn:ietf:params:scim:schemas:core:2.0:User:title", "Lead"),
                                op("replace", "phoneNumbers[type eq \"work\"].value", "+1 555 0100"),
                                op("add", "urn:okta:custom:1.0:User:costCode", "X1")))
                .expectStatus()
                .isOk();
        JsonNode patched = list(user);
        assertThat(patched.get("emails").get(0).get("value").asString()).isEqualTo("zed@new.example.com");
        assertThat(patched.get("name").get("givenName").asString()).isEqualTo("Zed");
        assertThat(patched.get(ENTERPRISE).get("manager").get("value").asString())
                .isNotBlank();
        assertThat(patched.get("title").asString()).isEqualTo("Lead");
        assertThat(list("/Users?filter=" + encode("name.givenName eq \"zed\" and emails co \"new.example\""))
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);

        // Entra ID sends paths as the keys of a value without a path.
        patch(
                        user,
                        List.of(Map.of(
                                "op",
                                "Add",
                                "value",
                                Map.of(
                                        "name.familyName", "Quinn",
                                        "emails[type eq \"work\"].value", "zed@example.com",
                                        "addresses[type eq \"work\"].locality", "Berlin"))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name.familyName")
                .isEqualTo("Quinn")
                .jsonPath("$.emails[0].value")
                .isEqualTo("zed@example.com");
        patch(user, List.of(op("remove", ENTERPRISE + ":manager", null), op("remove", "emails", null)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.emails")
                .doesNotExist()
                .jsonPath("$['" + ENTERPRISE + "']")
                .doesNotExist();
    }

    @Test
    void refusesMalformedAndImpossiblePathsAndFiltersThatSelectNothing() {
        String user = "/Users/"
                + create(Map.of(
                        "userName", "yan@example.com",
                        "title", "Engineer",
                        "emails", List.of(Map.of("value", "yan@example.com", "type", "work"))));
        for (String path : List.of(
                "emails[type eq \"work\"",
                "title.short",
                "title[value eq \"x\"]",
                "name.nickName",
                "emails.foo",
                "emails[type eq \"work\"].value.x",
                ENTERPRISE + ":department.name")) {
            error(
                    patch(user, List.of(op("replace", "title", "Changed"), op("replace", path, "x"))),
                    400,
                    "invalidPath");
        }
        error(
                patch(
                        user,
                        List.of(
                                op("replace", "title", "Changed"),
                                op("replace", "emails[value eq \"no@x.com\"].value", "x"))),
                400,
                "noTarget");
        error(patch(user, List.of(op("replace", "emails[type gt \"a\"].value", "x"))), 400, "invalidFilter");
        assertThat(list(user).get("title").asString()).isEqualTo("Engineer");
    }

    @Test
    void groupPathsRenameAndRemoveMembersByFilter() {
        String ann = create(Map.of("userName", "ann@example.com"));
        String bob = create(Map.of("userName", "bob@example.com"));
        String cy = create(Map.of("userName", "cy@example.com"));
        String group = "/Groups/" + group("Platform", ann, bob, cy);
        patch(
                        group,
                        List.of(
                                op("remove", "members[value eq \"" + ann + "\" or value eq \"" + cy + "\"]", null),
                                op("replace", "urn:ietf:params:scim:schemas:core:2.0:Group:displayName", "Core")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Core")
                .jsonPath("$.members[*].value")
                .value(values -> assertThat(values.toString()).contains(bob).doesNotContain(ann, cy));

        error(patch(group, List.of(op("remove", "members[display eq \"x\"]", null))), 400, "invalidFilter");
        error(patch(group, List.of(op("replace", "members[value eq \"" + bob + "\"]", "x"))), 400, "invalidPath");
        error(patch(group, List.of(op("replace", "members[value eq", "x"))), 400, "invalidPath");
        error(patch(group, List.of(op("replace", "externalId", "x"))), 400, "invalidPath");
        assertThat(send(HttpMethod.GET, group, null)
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .get("members"))
                .hasSize(1);
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        return value == null ? Map.of("op", op, "path", path) : Map.of("op", op, "path", path, "value", value);
    }
}

package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** {@code GET /Groups?filter=}: names, external ids, ids, creation dates and members, checked by the Groups found. */
class ScimGroupFilterIntegrationTest extends ScimHttpTest {

    private String ann;
    private String dee;
    private String design;

    @BeforeEach
    void groups() {
        ann = create(Map.of("userName", "ann@example.com", "displayName", "Ann Lee"));
        String bob = create(Map.of("userName", "bob@example.com", "displayName", "Bob"));
        dee = create(Map.of("userName", "dee@example.com", "displayName", "Dee"));
        send(
                        HttpMethod.POST,
                        "/Groups",
                        Map.of("displayName", "Platform", "externalId", "grp-1", "members", members(ann, bob)))
                .expectStatus()
                .isCreated();
        send(
                        HttpMethod.POST,
                        "/Groups",
                        Map.of("displayName", "Payments", "externalId", "grp-2", "members", members(dee)))
                .expectStatus()
                .isCreated();
        design = group("Design");
    }

    @Test
    void filtersByNameExternalIdIdAndDate() {
        assertFinds("displayName eq \"platform\"", "Platform");
        assertFinds("displayName sw \"P\"", "Payments", "Platform");
        assertFinds("displayName co \"E\" and not (displayName ew \"ments\")", "Design");
        assertFinds("externalId eq \"grp-1\"", "Platform");
        assertFinds("externalId eq \"GRP-1\"");
        assertFinds("externalId pr", "Payments", "Platform");
        assertFinds("not (externalId pr)", "Design");
        assertFinds("id eq \"" + design + "\"", "Design");
        assertFinds("urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq \"Design\"", "Design");
        String created = list("/Groups/" + design).get("meta").get("created").asString();
        assertFinds("meta.created ge \"" + created + "\"", "Design");
        assertFinds("meta.created lt \"" + created + "\"", "Payments", "Platform");
    }

    @Test
    void filtersByMembersWithValuePaths() {
        assertFinds("members[value eq \"" + ann + "\"]", "Platform");
        assertFinds("members.value eq \"" + dee + "\"", "Payments");
        assertFinds("members pr", "Payments", "Platform");
        assertFinds("members[display co \"LEE\" and type eq \"User\"]", "Platform");
        assertFinds("members[value eq \"" + dee + "\"] or displayName eq \"Design\"", "Design", "Payments");
        assertFinds("not (members[value eq \"" + ann + "\"])", "Design", "Payments");

        // A User SCIM deleted is no member.
        send(HttpMethod.DELETE, "/Users/" + dee, null).expectStatus().isNoContent();
        assertFinds("members[value eq \"" + dee + "\"]");
        assertFinds("members pr", "Platform");
    }

    @Test
    void refusesWhatGroupsCannotBeFilteredOn() {
        for (String filter : List.of(
                "members[value gt \"a\"]",
                "members.foo eq \"x\"",
                "userName eq \"x\"",
                "displayName[value eq \"x\"]",
                "urn:ietf:params:scim:schemas:core:2.0:User:displayName eq \"Design\"")) {
            error(send(HttpMethod.GET, "/Groups?filter=" + encode(filter), null), 400, "invalidFilter");
        }
    }

    private void assertFinds(String filter, String... displayNames) {
        JsonNode page = list("/Groups?excludedAttributes=members&filter=" + encode(filter));
        assertThat(page.get("Resources")
                        .valueStream()
                        .map(group -> group.get("displayName").asString()))
                .as(filter)
                .containsExactly(displayNames);
        assertThat(page.get("totalResults").asInt()).as(filter).isEqualTo(displayNames.length);
    }

    private static List<Map<String, String>> members(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> Map.of("value", id)).toList();
    }
}

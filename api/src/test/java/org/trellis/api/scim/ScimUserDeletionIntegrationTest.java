package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.trellis.graphql.GlobalId;
import tools.jackson.databind.JsonNode;

/**
 * DELETE of a User as Okta and Entra ID send it: the person stays in Trellis, deactivated, but SCIM answers 404 for
 * them and no list or filter shows them; the identity provider may create the user again.
 */
class ScimUserDeletionIntegrationTest extends ScimHttpTest {

    @Test
    void aDeletedUserAnswers404AndLeavesEveryListAndFilter() {
        String ann = create(Map.of("userName", "ann@example.com", "externalId", "00u-ann", "displayName", "Ann"));
        String bob = create(Map.of("userName", "bob@example.com", "displayName", "Bob"));
        String group = group("Platform", ann, bob);
        assertThat(ids(list("/Users"))).contains(ann, bob);
        int before = list("/Users").get("totalResults").asInt();

        send(HttpMethod.DELETE, "/Users/" + ann, null).expectStatus().isNoContent();

        error(send(HttpMethod.GET, "/Users/" + ann, null), 404, null);
        assertThat(list("/Users?filter=" + encode("userName eq \"ann@example.com\""))
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(list("/Users?filter=" + encode("externalId eq \"00u-ann\"")).get("Resources"))
                .isEmpty();
        JsonNode all = list("/Users");
        assertThat(ids(all)).contains(bob).doesNotContain(ann);
        assertThat(all.get("totalResults").asInt()).isEqualTo(before - 1);
        error(send(HttpMethod.PUT, "/Users/" + ann, Map.of("userName", "ann@example.com")), 404, null);
        error(patch("/Users/" + ann, List.of(Map.of("op", "replace", "path", "title", "value", "CTO"))), 404, null);
        error(send(HttpMethod.DELETE, "/Users/" + ann, null), 404, null);

        JsonNode members = list("/Groups/" + group).get("members");
        assertThat(members.valueStream().map(member -> member.get("value").asString()))
                .containsExactly(bob);
        error(
                patch(
                        "/Groups/" + group,
                        List.of(Map.of("op", "add", "path", "members", "value", List.of(Map.of("value", ann))))),
                400,
                "invalidValue");
        error(
                patch("/Users/" + bob, List.of(Map.of("op", "replace", "path", ENTERPRISE + ":manager", "value", ann))),
                400,
                "invalidValue");
        assertThat(list("/Users/" + bob).has(ENTERPRISE)).isFalse();

        // Trellis keeps the person for history, deactivated, and only the identity provider can bring them back.
        String person = GlobalId.encode("Person", UUID.fromString(ann));
        graphQl(tenant.admin())
                .document("query($id: ID!) { person(id: $id) { displayName status } }")
                .variable("id", person)
                .execute()
                .path("person.displayName")
                .entity(String.class)
                .isEqualTo("Ann")
                .path("person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { reactivatePerson(input: {id: $id}) { person { status }"
                        + " userErrors { code } } }")
                .variable("id", person)
                .execute()
                .path("reactivatePerson.person")
                .valueIsNull()
                .path("reactivatePerson.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("CONFLICT");
        error(send(HttpMethod.GET, "/Users/" + ann, null), 404, null);
        assertThat(auditActions()).contains("person.scim-deleted", "person.deactivated");
    }

    @Test
    void aUserDeactivatedThroughPatchStaysVisibleAsInactive() {
        String cal = create(Map.of("userName", "cal@example.com", "externalId", "00u-cal"));

        patch("/Users/" + cal, List.of(Map.of("op", "replace", "value", Map.of("active", false))))
                .expectStatus()
                .isOk();

        assertThat(list("/Users/" + cal).get("active").asBoolean()).isFalse();
        JsonNode found = list("/Users?filter=" + encode("externalId eq \"00u-cal\""));
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("active").asBoolean()).isFalse();
        assertThat(ids(list("/Users"))).contains(cal);
        error(send(HttpMethod.POST, "/Users", Map.of("userName", "CAL@example.com")), 409, "uniqueness");
    }

    @Test
    void aUserDeletedThenCreatedAgainIsANewPersonWhoSignsIn() {
        // Never signed in: the same userName and externalId make a new person, whom that subject's sign-in claims.
        String dee = create(Map.of("userName", "dee@example.com", "externalId", "00u-dee", "displayName", "Dee"));
        send(HttpMethod.DELETE, "/Users/" + dee, null).expectStatus().isNoContent();
        String again =
                create(Map.of("userName", "DEE@example.com", "externalId", "00u-dee", "displayName", "Dee Again"));
        assertThat(again).isNotEqualTo(dee);
        JsonNode found = list("/Users?filter=" + encode("userName eq \"dee@example.com\""));
        assertThat(ids(found)).containsExactly(again);
        assertThat(list("/Users/" + again).get("externalId").asString()).isEqualTo("00u-dee");
        error(send(HttpMethod.GET, "/Users/" + dee, null), 404, null);
        assertThat(displayName(tenant.issuer().token(tenant.audience(), "00u-dee")))
                .isEqualTo("Dee Again");

        // Signed in before: that subject stays refused; the user created again signs in with their new subject.
        String eve = create(Map.of("userName", "eve@example.com", "externalId", "00u-eve", "displayName", "Eve"));
        String eveToken = tenant.issuer().token(tenant.audience(), "00u-eve");
        assertThat(displayName(eveToken)).isEqualTo("Eve");
        send(HttpMethod.DELETE, "/Users/" + eve, null).expectStatus().isNoContent();
        postQuery(eveToken, "{ me { kind } }").expectStatus().isUnauthorized();
        String eveAgain =
                create(Map.of("userName", "eve@example.com", "externalId", "00u-eve2", "displayName", "Eve Again"));
        assertThat(ids(list("/Users?filter=" + encode("userName eq \"eve@example.com\""))))
                .containsExactly(eveAgain);
        assertThat(displayName(tenant.issuer().token(tenant.audience(), "00u-eve2")))
                .isEqualTo("Eve Again");
        postQuery(tenant.issuer().token(tenant.audience(), "00u-eve"), "{ me { kind } }")
                .expectStatus()
                .isUnauthorized();
    }

    private String displayName(String token) {
        return graphQl(token)
                .document("{ me { person { displayName } } }")
                .execute()
                .path("me.person.displayName")
                .entity(String.class)
                .get();
    }

    private static List<String> ids(JsonNode list) {
        return list.get("Resources")
                .valueStream()
                .map(user -> user.get("id").asString())
                .toList();
    }
}

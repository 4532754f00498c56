package org.trellis.api.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** SCIM 2.0 provisioning as Okta and Entra ID drive it, end to end over HTTP. */
class ScimIntegrationTest extends ScimHttpTest {

    @Test
    void answersCreateUnknownIdsDiscoveryAndMissingCredentialsAsIdentityProvidersExpect() {
        JsonNode created = send(
                        HttpMethod.POST,
                        "/Users",
                        Map.of(
                                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                                "userName", "lou@example.com",
                                "displayName", "Lou"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, ".*/scim/v2/Users/[0-9a-f-]{36}$")
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String location = created.get("meta").get("location").asString();
        assertThat(list(location.substring(location.indexOf("/Users/")))
                        .get("userName")
                        .asString())
                .isEqualTo("lou@example.com");
        send(HttpMethod.POST, "/Groups", Map.of("displayName", "Lou's group"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, ".*/scim/v2/Groups/[0-9a-f-]{36}$");

        String louId = created.get("id").asString();
        for (String path : List.of(
                "/Users/not-a-uuid",
                "/Users/" + UUID.randomUUID(),
                "/Users/" + louId.toUpperCase(java.util.Locale.ROOT),
                "/Groups/nope")) {
            error(send(HttpMethod.GET, path, null), 404, null);
            error(send(HttpMethod.DELETE, path, null), 404, null);
        }
        error(send(HttpMethod.PUT, "/Users/not-a-uuid", Map.of("userName", "x@example.com")), 404, null);

        assertThat(list("/Schemas/" + ENTERPRISE).get("id").asString()).isEqualTo(ENTERPRISE);
        assertThat(list("/ResourceTypes/User").get("endpoint").asString()).isEqualTo("/Users");
        error(send(HttpMethod.GET, "/ResourceTypes/Nope", null), 404, null);

        http().get()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trellis-scim\"");
    }

    @Test
    void keepsNamePartsAndTheEnterpriseExtensionThroughCreateReplaceAndPatch() {
        JsonNode created = send(
                        HttpMethod.POST,
                        "/Users",
                        Map.of(
                                "userName",
                                "rae@example.com",
                                "name",
                                Map.of("givenName", "Rae", "familyName", "Lin", "middleName", "J"),
                                ENTERPRISE,
                                Map.of("employeeNumber", "E-7", "department", "Payments")))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String path = "/Users/" + created.get("id").asString();
        JsonNode read = list(path);
        assertThat(read.get("name").get("givenName").asString()).isEqualTo("Rae");
        assertThat(read.get("name").get("middleName").asString()).isEqualTo("J");
        assertThat(read.get(ENTERPRISE).get("department").asString()).isEqualTo("Payments");

        send(
                        HttpMethod.PUT,
                        path,
                        Map.of(
                                "userName",
                                "rae@example.com",
                                "name",
                                Map.of("givenName", "Rae", "familyName", "Lin-Ortiz"),
                                ENTERPRISE,
                                Map.of("employeeNumber", "E-7")))
                .expectStatus()
                .isOk();
        read = list(path);
        assertThat(read.get("name").get("familyName").asString()).isEqualTo("Lin-Ortiz");
        assertThat(read.get("name").has("middleName")).isFalse();
        assertThat(read.get(ENTERPRISE).has("department")).isFalse();

        patch(
                        path,
                        List.of(
                                Map.of("op", "replace", "path", "name.givenName", "value", "Raya"),
                                Map.of("op", "add", "path", ENTERPRISE + ":department", "value", "Platform")))
                .expectStatus()
                .isOk();
        JsonNode found = list("/Users?filter=" + encode("userName eq \"rae@example.com\""))
                .get("Resources")
                .get(0);
        assertThat(found.get("name").get("givenName").asString()).isEqualTo("Raya");
        assertThat(found.get(ENTERPRISE).get("department").asString()).isEqualTo("Platform");
        assertThat(found.get(ENTERPRISE).get("employeeNumber").asString()).isEqualTo("E-7");
    }

    @Test
    void oktaSequence() {
        assertThat(list("/Users?filter=" + encode("userName eq \"ann@example.com\""))
                        .get("totalResults")
                        .asInt())
                .isZero();
        JsonNode ann = send(
                        HttpMethod.POST,
                        "/Users",
                        Map.of(
                                "schemas",
                                List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                                "userName",
                                "ann@example.com",
                                "name",
                                Map.of("givenName", "Ann", "familyName", "Lee"),
                                "emails",
                                List.of(Map.of("primary", true, "value", "ann@example.com", "type", "work")),
                                "displayName",
                                "Ann Lee",
                                "locale",
                                "en-US",
                                "externalId",
                                "00u1okta",
                                "groups",
                                List.of(),
                                "active",
                                true))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String id = ann.get("id").asString();
        assertThat(ann.get("meta").get("location").asString()).endsWith("/scim/v2/Users/" + id);
        JsonNode found = list("/Users?filter=" + encode("userName eq \"ANN@example.com\"") + "&startIndex=1&count=100");
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(id);

        String annToken = tenant.issuer().token(tenant.audience(), "00u1okta");
        graphQl(annToken)
                .document("{ me { person { id displayName } } }")
                .execute()
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("Ann Lee");

        patch("/Users/" + id, List.of(Map.of("op", "replace", "value", Map.of("active", false))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
        postQuery(annToken, "{ me { kind } }").expectStatus().isUnauthorized();
        patch("/Users/" + id, List.of(Map.of("op", "replace", "value", Map.of("active", true))))
                .expectStatus()
                .isOk();
        postQuery(annToken, "{ me { kind } }").expectStatus().isOk();

        JsonNode replaced = send(
                        HttpMethod.PUT,
                        "/Users/" + id,
                        Map.of(
                                "userName", "ann@example.com",
                                "name", Map.of("givenName", "Ann", "familyName", "Lee"),
                                "displayName", "Ann Lee",
                                "title", "Staff Engineer",
                                "emails", List.of(Map.of("primary", true, "value", "ann@example.com")),
                                "externalId", "00u1okta",
                                "active", true))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(replaced.get("title").asString()).isEqualTo("Staff Engineer");

        String group = send(
                        HttpMethod.POST,
                        "/Groups",
                        Map.of(
                                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Group"),
                                "displayName", "Engineering",
                                "members", List.of()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        patch(
                        "/Groups/" + group,
                        List.of(Map.of(
                                "op",
                                "add",
                                "path",
                                "members",
                                "value",
                                List.of(Map.of("value", id, "display", "Ann Lee")))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.members[0].value")
                .isEqualTo(id);
        patch("/Groups/" + group, List.of(Map.of("op", "remove", "path", "members[value eq \"" + id + "\"]")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.members")
                .isEmpty();
        patch("/Groups/" + group, List.of(Map.of("op", "replace", "value", Map.of("id", group, "displayName", "Eng"))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Eng");
        assertThat(list("/Groups?filter=" + encode("displayName eq \"Eng\""))
                        .get("totalResults")
                        .asInt())
                .isEqualTo(1);

        assertThat(auditActions())
                .contains(
                        "person.created",
                        "person.deactivated",
                        "person.reactivated",
                        "person.updated",
                        "team.created",
                        "team.person-added",
                        "team.person-removed",
                        "team.updated");
    }

    @Test
    void entraSequence() {
        assertThat(list("/Users?filter=" + encode("externalId eq \"entra-obj-1\""))
                        .get("totalResults")
                        .asInt())
                .isZero();
        String carol = create(Map.of(
                "userName", "carol@contoso.com", "displayName", "Carol", "active", true, "externalId", "entra-obj-0"));
        String bob = create(Map.of(
                "schemas",
                List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE),
                "externalId",
                "entra-obj-1",
                "userName",
                "bob@contoso.com",
                "active",
                true,
                "displayName",
                "Bob",
                "emails",
                List.of(Map.of("primary", true, "type", "work", "value", "bob@contoso.com")),
                "name",
                Map.of("formatted", "Bob", "familyName", "Builder", "givenName", "Bob")));
        patch(
                        "/Users/" + bob,
                        List.of(
                                Map.of(
                                        "op",
                                        "Replace",
                                        "path",
                                        "emails[type eq \"work\"].value",
                                        "value",
                                        "robert@contoso.com"),
                                Map.of("op", "Add", "path", "title", "value", "Engineer"),
                                Map.of("op", "Replace", "path", "displayName", "value", "Robert"),
                                Map.of("op", "Replace", "path", ENTERPRISE + ":manager", "value", carol)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.emails[0].value")
                .isEqualTo("robert@contoso.com")
                .jsonPath("$.title")
                .isEqualTo("Engineer")
                .jsonPath("$.displayName")
                .isEqualTo("Robert")
                .jsonPath("$['" + ENTERPRISE + "'].manager.value")
                .isEqualTo(carol);
        patch("/Users/" + bob, List.of(Map.of("op", "Replace", "path", "active", "value", "False")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);
        String bobToken = tenant.issuer().token(tenant.audience(), "entra-obj-1");
        postQuery(bobToken, "{ me { kind } }").expectStatus().isUnauthorized();
        patch("/Users/" + bob, List.of(Map.of("op", "Replace", "path", "active", "value", "True")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(true);
        postQuery(bobToken, "{ me { kind } }").expectStatus().isOk();
        patch("/Users/" + bob, List.of(Map.of("op", "Remove", "path", ENTERPRISE + ":manager")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['" + ENTERPRISE + "']")
                .doesNotExist();

        String group = send(HttpMethod.POST, "/Groups", Map.of("displayName", "Contoso Eng", "externalId", "grp-1"))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        patch(
                        "/Groups/" + group,
                        List.of(Map.of("op", "Add", "path", "members", "value", List.of(Map.of("value", bob)))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.members[0].value")
                .isEqualTo(bob);
        JsonNode listed = list("/Groups?filter=" + encode("externalId eq \"grp-1\"") + "&excludedAttributes=members");
        assertThat(listed.get("Resources").get(0).has("members")).isFalse();
        patch(
                        "/Groups/" + group,
                        List.of(Map.of("op", "Remove", "path", "members", "value", List.of(Map.of("value", bob)))))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.members")
                .isEmpty();
        send(HttpMethod.DELETE, "/Groups/" + group, null).expectStatus().isNoContent();
        send(HttpMethod.GET, "/Groups/" + group, null).expectStatus().isNotFound();
    }

    @Test
    void answersErrorsInScimFormatAndChangesNothing() {
        int before = list("/Users").get("totalResults").asInt();
        create(Map.of("userName", "dup@example.com", "active", true));
        error(send(HttpMethod.POST, "/Users", Map.of("userName", "DUP@example.com")), 409, "uniqueness");
        error(
                send(
                        HttpMethod.POST,
                        "/Users",
                        Map.of("userName", "x@example.com", "emails", List.of(Map.of("value", "nope")))),
                400,
                "invalidValue");
        error(send(HttpMethod.POST, "/Users", Map.of("displayName", "No user name")), 400, "invalidValue");
        error(send(HttpMethod.GET, "/Users?filter=" + encode("userName xx \"dup\""), null), 400, "invalidFilter");
        error(send(HttpMethod.GET, "/Users?filter=" + encode("password eq \"x\""), null), 400, "invalidFilter");
        error(send(HttpMethod.GET, "/Users/00000000-0000-0000-0000-000000000000", null), 404, null);
        error(send(HttpMethod.GET, "/Users/not-a-uuid", null), 404, null);
        error(
                patch(
                        "/Users/00000000-0000-0000-0000-000000000000",
                        List.of(Map.of("op", "replace", "value", Map.of()))),
                404,
                null);
        http().post()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(SCIM)
                .bodyValue("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.scimType")
                .isEqualTo("invalidSyntax");
        assertThat(list("/Users").get("totalResults").asInt()).isEqualTo(before + 1);
    }

    @Test
    void acceptsOnlyActiveCredentialsOfTheTenant() {
        int before = list("/Users").get("totalResults").asInt();
        unauthorized(null);
        unauthorized(tenant.admin());
        unauthorized("scim_" + tenant.uuid().toString().replace("-", "") + "_" + "A".repeat(43));
        TestTenant other = newTenant("scim-other");
        String otherSecret = createCredential(other, "Other");
        String ours = create(Map.of("userName", "ours@example.com"));
        http().get()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users/" + ours))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + otherSecret)
                .exchange()
                .expectStatus()
                .isNotFound();

        String credentialId = graphQl(tenant.admin())
                .document("{ scimCredentials { id secretHint revokedAt } }")
                .execute()
                .path("scimCredentials[0].secretHint")
                .entity(String.class)
                .satisfies(hint -> assertThat(secret).endsWith(hint.substring(1)))
                .path("scimCredentials[0].id")
                .entity(String.class)
                .get();
        String rotated = graphQl(tenant.admin())
                .document("mutation($id: ID!) { rotateScimCredential(input: {id: $id}) { secret } }")
                .variable("id", credentialId)
                .execute()
                .path("rotateScimCredential.secret")
                .entity(String.class)
                .get();
        unauthorized(secret);
        String previous = secret;
        secret = rotated;
        assertThat(list("/Users").get("totalResults").asInt()).isEqualTo(before + 1);
        assertThat(previous).isNotEqualTo(rotated);
    }

    @Test
    void filtersWithAndAndPagesWithStartIndexAndCount() {
        for (int i = 1; i <= 5; i++) {
            create(Map.of(
                    "userName",
                    "page" + i + "@example.com",
                    "displayName",
                    "Pager",
                    "emails",
                    List.of(Map.of("value", "page" + i + "@example.com", "primary", true))));
        }
        JsonNode one =
                list("/Users?filter=" + encode("emails.value eq \"PAGE3@example.com\" and displayName eq \"Pager\""));
        assertThat(one.get("totalResults").asInt()).isEqualTo(1);
        assertThat(one.get("Resources").get(0).get("userName").asString()).isEqualTo("page3@example.com");
        JsonNode page = list("/Users?filter=" + encode("displayName eq \"Pager\"") + "&startIndex=2&count=2");
        assertThat(page.get("totalResults").asInt()).isEqualTo(5);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("Resources").get(0).get("userName").asString()).isEqualTo("page2@example.com");
    }

    @Test
    void refusesADuplicateExternalId() {
        create(Map.of("userName", "first@example.com", "externalId", "ext-1"));
        error(
                send(HttpMethod.POST, "/Users", Map.of("userName", "second@example.com", "externalId", "ext-1")),
                409,
                "uniqueness");
    }

    @Test
    void revokedCredentialsStopWorkingAtOnce() {
        String id = graphQl(tenant.admin())
                .document("{ scimCredentials { id } }")
                .execute()
                .path("scimCredentials[0].id")
                .entity(String.class)
                .get();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { revokeScimCredential(input: {id: $id}) { scimCredential { revokedAt } } }")
                .variable("id", id)
                .execute()
                .path("revokeScimCredential.scimCredential.revokedAt")
                .hasValue();
        unauthorized(secret);
    }

    @Test
    void describesItself() {
        send(HttpMethod.GET, "/ServiceProviderConfig", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.patch.supported")
                .isEqualTo(true)
                .jsonPath("$.bulk.supported")
                .isEqualTo(false);
        send(HttpMethod.GET, "/ResourceTypes", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.Resources[*].id")
                .value(ids -> assertThat(ids.toString()).contains("User", "Group"));
        send(HttpMethod.GET, "/Schemas", null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalResults")
                .isEqualTo(3);
    }
}

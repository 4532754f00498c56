package org.trellis.api.scim;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SCIM over HTTP as an identity provider calls it: a fresh tenant per test, with a credential bound to its IdP. */
abstract class ScimHttpTest extends IntegrationTest {

    static final MediaType SCIM = MediaType.parseMediaType("application/scim+json");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    TestTenant tenant;
    String secret;

    @BeforeEach
    void credential() {
        tenant = newTenant("scim");
        secret = createCredential(tenant, "Okta provisioning");
    }

    String create(Map<String, Object> user) {
        return send(HttpMethod.POST, "/Users", user)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    /** Creates a Group with these members; its id. */
    String group(String name, String... members) {
        List<Map<String, String>> values = new ArrayList<>();
        for (String member : members) {
            values.add(Map.of("value", member));
        }
        return send(HttpMethod.POST, "/Groups", Map.of("displayName", name, "members", values))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    JsonNode list(String path) {
        return send(HttpMethod.GET, path, null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(SCIM)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    ResponseSpec patch(String path, List<Map<String, Object>> operations) {
        return send(HttpMethod.PATCH, path, Map.of("schemas", List.of(PATCH_OP), "Operations", operations));
    }

    ResponseSpec send(HttpMethod method, String path, Object body) {
        var request = http().method(method)
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2" + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .accept(SCIM);
        return body == null
                ? request.exchange()
                : request.contentType(SCIM)
                        .bodyValue(JSON.writeValueAsString(body))
                        .exchange();
    }

    void error(ResponseSpec response, int status, String scimType) {
        var body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(SCIM)
                .expectBody()
                .jsonPath("$.schemas[0]")
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error")
                .jsonPath("$.status")
                .isEqualTo(Integer.toString(status));
        if (scimType != null) {
            body.jsonPath("$.scimType").isEqualTo(scimType);
        }
    }

    void unauthorized(String token) {
        var request = http().get().uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users"));
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.schemas[0]")
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    /** A credential bound to the owner's identity provider, so the people it provisions sign in through it. */
    String createCredential(TestTenant owner, String name) {
        return graphQl(owner.admin())
                .document("mutation($n: String!, $p: ID) { createScimCredential(input: {name: $n,"
                        + " identityProviderId: $p}) { secret scimCredential { id } } }")
                .variable("n", name)
                .variable("p", owner.providerId())
                .execute()
                .path("createScimCredential.secret")
                .entity(String.class)
                .get();
    }

    List<String> auditActions() {
        return graphQl(tenant.admin())
                .document("{ auditEvents(first: 100) { edges { node { action } } } }")
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** Each request limit refuses, with a BAD_REQUEST and nothing executed, what goes one step past it. */
class RequestLimitsIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private String engineer;
    private String admin;

    @BeforeEach
    void signIn() {
        TestTenant tenant = newTenant("limits");
        engineer = tenant.engineer();
        admin = tenant.admin();
    }

    @Test
    void refusesQueriesDeeperThanTwelveLevels() {
        String deep = "{ me { tenant { identityProviders { tenant { identityProviders { tenant { identityProviders {"
                + " tenant { identityProviders { tenant { identityProviders { tenant { id } } } } } } } } } } } } }";
        refused(engineer, deep)
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("levels deep"));
        accepted(admin, "{ me { tenant { identityProviders { tenant { identityProviders { tenant { id } } } } } } }");
    }

    @Test
    void everyAnswerReportsItsRequestedAndActualCost() {
        // Resolved: me, kind, tenant, identityProviders and the one provider's id; priced at the list's maximum.
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE)
                .bodyValue(body("{ me { kind tenant { identityProviders { id } } } }"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.extensions.cost.limit")
                .isEqualTo(100000)
                .jsonPath("$.extensions.cost.requested")
                .value(requested -> assertThat(((Number) requested).longValue()).isGreaterThan(4))
                .jsonPath("$.extensions.cost.actual")
                .isEqualTo(5);
    }

    @Test
    void refusesMoreThanThirtyAliases() {
        String aliases =
                IntStream.range(0, 31).mapToObj(i -> "a" + i + ": me { kind }").collect(Collectors.joining(" "));
        refused(engineer, "{ " + aliases + " }")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("aliases"));
        String thirty =
                IntStream.range(0, 30).mapToObj(i -> "a" + i + ": me { kind }").collect(Collectors.joining(" "));
        accepted(engineer, "{ " + thirty + " }");
    }

    @Test
    void refusesPagesLargerThanOneHundredOrNegative() {
        refused(platformToken(), "{ tenants(first: 101) { edges { cursor } } }");
        refused(platformToken(), "{ tenants(last: -1) { edges { cursor } } }");
        accepted(platformToken(), "{ tenants(first: 100) { edges { cursor } } }");
    }

    @Test
    void refusesQueriesTooCostlyToResolve() {
        String tenantFields = "id slug name status createdAt";
        String providerFields = "id issuer audience displayName status createdAt updatedAt jwkSetUri keysRotatedAt"
                + " claimMappings { subject email name roles } roleMappings { claimValue role }";
        String clientFields = "id subject name scopes status createdAt";
        String costly = "{ tenants(first: 100) { edges { cursor node { " + tenantFields + " identityProviders { "
                + providerFields + " tenant { " + tenantFields + " identityProviders { " + providerFields
                + " serviceClients { " + clientFields + " identityProvider { " + providerFields + " } } } } } } } } }";
        refused(platformToken(), costly)
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("could resolve").contains("the limit is 100000"))
                .jsonPath("$.errors[0].extensions.maxCost")
                .isEqualTo(100000);
        // 5 tenants × 10 providers × (15 fields + 100 role mappings × 2 fields): 10,791 fields
        accepted(
                platformToken(),
                "{ tenants(first: 5) { edges { cursor node { " + tenantFields + " identityProviders { " + providerFields
                        + " } } } } }");
    }

    @Test
    void pricesACachedDocumentAgainForEachRequestsVariables() {
        String providerFields = "id issuer audience displayName status createdAt updatedAt jwkSetUri keysRotatedAt"
                + " claimMappings { subject email name roles } roleMappings { claimValue role }";
        String query = "query($n: Int) { tenants(first: $n) { edges { cursor node { id identityProviders { "
                + providerFields + " } } } } }";
        accepted(platformToken(), query, java.util.Map.of("n", 5));
        accepted(platformToken(), query, java.util.Map.of("n", 5));
        // The same text, now parsed and validated from the cache, costs over the limit with these variables.
        refused(platformToken(), query, java.util.Map.of("n", 100))
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("could resolve").contains("the limit is 100000"))
                .jsonPath("$.errors[0].extensions.maxCost")
                .isEqualTo(100000);
        accepted(platformToken(), query, java.util.Map.of("n", 5));
    }

    @Test
    void refusesDocumentsWithTooManyTokens() {
        String manyTokens = "{ me { " + "kind ".repeat(5001) + "} }";
        assertThat(manyTokens.length()).isLessThan(30_000);
        refused(engineer, manyTokens);
    }

    @Test
    void refusesDocumentsWithTooManyCharacters() {
        String padded = "{ me { kind } }" + "#".repeat(40_000);
        refused(engineer, padded);
    }

    @Test
    void refusesRequestBodiesOver512KiB() {
        String huge = "{ me { kind } }" + " ".repeat(530_000);
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + engineer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(huge))
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void introspectionIsOffOutsideTheLocalProfile() {
        refused(engineer, "{ __schema { types { name } } }");
        refused(engineer, "{ __type(name: \"Tenant\") { name fields { name } } }");
        // Valid documents are cached after the first request; the switch still applies to every request.
        refused(engineer, "{ __schema { types { name } } }");
        refused(admin, "{ __type(name: \"Tenant\") { name fields { name } } }");
    }

    @Test
    void errorsGiveNoSchemaHints() {
        refused(engineer, "{ tenat { id } }")
                .jsonPath("$.errors[*].message")
                .value(messages -> assertThat(messages.toString())
                        .doesNotContainIgnoringCase("did you mean")
                        .doesNotContain("tenant"));
    }

    private BodyContentSpec refused(String token, String query) {
        return refused(token, query, java.util.Map.of());
    }

    private BodyContentSpec refused(String token, String query, java.util.Map<String, Object> variables) {
        return http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE)
                .bodyValue(body(query, variables))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST");
    }

    private void accepted(String token, String query) {
        accepted(token, query, java.util.Map.of());
    }

    private void accepted(String token, String query, java.util.Map<String, Object> variables) {
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(GRAPHQL_RESPONSE)
                .bodyValue(body(query, variables))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist();
    }

    private static String body(String query) {
        return body(query, java.util.Map.of());
    }

    private static String body(String query, java.util.Map<String, Object> variables) {
        return JSON.writeValueAsString(java.util.Map.of("query", query, "variables", variables));
    }
}

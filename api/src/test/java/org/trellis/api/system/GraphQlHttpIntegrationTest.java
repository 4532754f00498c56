package org.trellis.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.trellis.api.support.IntegrationTest;

/** GraphQL over HTTP as the specification describes it: media types, status codes, GET for queries only. */
class GraphQlHttpIntegrationTest extends IntegrationTest {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private String token;

    @BeforeEach
    void signIn() {
        token = newTenant("http").engineer();
    }

    @Test
    void answersGraphQlResponseJsonWhenAsked() {
        post("{\"query\":\"{ me { kind } }\"}", GRAPHQL_RESPONSE)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(GRAPHQL_RESPONSE)
                .expectBody()
                .jsonPath("$.data.me.kind")
                .isEqualTo("PERSON");
    }

    @Test
    void answersApplicationJsonWhenAsked() {
        post("{\"query\":\"{ me { kind } }\"}", MediaType.APPLICATION_JSON)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void invalidDocumentIs400ForGraphQlResponseJsonAnd200ForLegacyJson() {
        String invalid = "{\"query\":\"{ me { noSuchField } }\"}";
        post(invalid, GRAPHQL_RESPONSE)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST");
        post(invalid, MediaType.APPLICATION_JSON)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void unparseableDocumentIsABadRequest() {
        post("{\"query\":\"{ me { \"}", GRAPHQL_RESPONSE)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void refusesArrayBatching() {
        post("[{\"query\":\"{ me { kind } }\"},{\"query\":\"{ me { kind } }\"}]", GRAPHQL_RESPONSE)
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void refusesBodiesThatAreNotJson() {
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{ me { kind } }")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void servesQueriesOverGet() {
        get("query=" + encode("query Me($x: Boolean!) { me { kind @include(if: $x) } }") + "&variables="
                        + encode("{\"x\": true}"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.kind")
                .isEqualTo("PERSON");
    }

    @Test
    void refusesMutationsOverGet() {
        get("query=" + encode("mutation { createTenant(input: {slug: \"via-get\", name: \"x\"}) { tenant { id } } }"))
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST");
        get("query="
                        + encode(
                                "query A { me { kind } } mutation B { createTenant(input: {slug: \"b\", name: \"x\"}) { tenant { id } } }")
                        + "&operationName=B")
                .expectStatus()
                .isEqualTo(405);
    }

    @Test
    void refusesMalformedVariablesOverGet() {
        get("query=" + encode("{ me { kind } }") + "&variables=" + encode("{not json"))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void variablesCannotSmuggleAnotherQueryOverGet() {
        String smuggled =
                "{\"a\":1}, \"query\": \"mutation { createTenant(input: {slug: \\\"smuggled\\\", name: \\\"x\\\"}) { tenant { id } } }\"";
        get("query=" + encode("{ me { kind } }") + "&variables=" + encode(smuggled))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void echoesAWellFormedCorrelationIdAndPutsItInErrors() {
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "test-correlation-42")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ tenants(first: 1) { edges { cursor } } }\"}")
                .exchange()
                .expectHeader()
                .valueEquals("X-Correlation-Id", "test-correlation-42")
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.errors[0].extensions.correlationId")
                .isEqualTo("test-correlation-42");
    }

    @Test
    void replacesAMalformedCorrelationId() {
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "bad id\twith spaces")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { kind } }\"}")
                .exchange()
                .expectHeader()
                .value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void graphiqlAndTheDevelopmentIssuerDoNotExistOutsideTheLocalProfile() {
        for (String path : new String[] {"/graphiql", "/dev/tokens", "/dev/issuers/demo/jwks"}) {
            http().get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    private ResponseSpec post(String body, MediaType accept) {
        return http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue(body)
                .exchange();
    }

    private ResponseSpec get(String query) {
        return http().get()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/graphql?" + query))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(GRAPHQL_RESPONSE)
                .exchange();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.trellis.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The run command's profile, end to end: it creates its own database and roles, seeds the demo tenant, hands out
 * development tokens that the API accepts, and serves GraphiQL with introspection.
 */
class LocalProfileIntegrationTest extends LocalProfileTest {

    @Test
    void demoPeopleSignInWithDevelopmentTokens() {
        Map<String, String> tokens = tokens();
        assertThat(tokens)
                .containsKeys("demo-admin", "demo-manager", "demo-engineer-1", "demo-engineer-2", "platform-operator");
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("demo-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"query\":\"{ me { roles person { displayName } tenant { name identityProviders { issuer } } } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.person.displayName")
                .isEqualTo("Ada Admin")
                .jsonPath("$.data.me.roles")
                .value(roles -> assertThat(roles.toString()).contains("TENANT_ADMIN"))
                .jsonPath("$.data.me.tenant.name")
                .isEqualTo("Demo Company");
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("platform-operator"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { kind } tenants(first: 5) { edges { node { slug } } } }\"}")
                .exchange()
                .expectBody()
                .jsonPath("$.data.me.kind")
                .isEqualTo("PLATFORM_OPERATOR")
                .jsonPath("$.data.tenants.edges[0].node.slug")
                .isEqualTo("demo");
    }

    @Test
    void servesGraphiqlAndIntrospection() {
        client().get().uri("/graphiql").exchange().expectStatus().is3xxRedirection();
        String token = tokens().get("demo-engineer-1");
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __type(name: \\\"Tenant\\\") { name } }\"}")
                .exchange()
                .expectBody()
                .jsonPath("$.data.__type.name")
                .isEqualTo("Tenant");
    }

    @Test
    void answersNoDevelopmentTokenToARequestAddressedToAnotherHost() throws IOException {
        // What a DNS-rebinding page in the developer's browser sends: a loopback connection, a foreign Host.
        for (String path : List.of(
                "/dev/tokens",
                "/dev/issuers/platform/.well-known/openid-configuration",
                "/dev/issuers/platform/jwks")) {
            for (String host : List.of(
                    "evil.example", "evil.example:" + PORT, "127.0.0.1.evil.example", "localhost.evil.example")) {
                String response = rawGet(path, host);
                assertThat(response).as(host + path).startsWith("HTTP/1.1 403");
                assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
                assertThat(response)
                        .contains("\"status\":403")
                        .doesNotContain("eyJ")
                        .doesNotContain("\"keys\"");
            }
        }
        assertThat(rawGet("/dev/tokens", null))
                .as("no Host at all (Tomcat itself refuses it)")
                .startsWith("HTTP/1.1 4")
                .doesNotContain("eyJ");
    }

    @Test
    void answersDevelopmentTokensToRequestsAddressedToLoopback() throws IOException {
        for (String host :
                List.of("localhost:" + PORT, "LOCALHOST", "127.0.0.1:" + PORT, "127.1.2.3", "[::1]:" + PORT)) {
            String response = rawGet("/dev/tokens", host);
            assertThat(response).as(host).startsWith("HTTP/1.1 200");
            assertThat(response).contains("\"platform-operator\":\"eyJ");
        }
    }

    @Test
    void recognisesOnlyLoopbackHosts() {
        assertThat(List.of("localhost", "localhost:8080", "127.0.0.1", "127.255.0.1:1", "[::1]", "[::1]:8080"))
                .allMatch(LoopbackHostFilter::isLoopbackHost);
        assertThat(List.of(
                        "evil.example",
                        "localhost.evil.example",
                        "127.0.0.1.nip.io",
                        "127.0.0.256",
                        "10.0.0.1",
                        "[fd00::1]",
                        "[::1]x",
                        "localhost:80:80",
                        "localhost:http",
                        ""))
                .noneMatch(LoopbackHostFilter::isLoopbackHost);
    }

    @Test
    void theDevelopmentIssuerRefusesToRunOffLoopback() {
        assertThatThrownBy(() -> new DevTokenIssuer("0.0.0.0", "http://example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> new DevTokenIssuer("10.1.2.3", "http://example.com"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A GET over a raw socket, so the Host header is exactly what a browser under attack would send. */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

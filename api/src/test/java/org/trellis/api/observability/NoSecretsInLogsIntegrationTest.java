package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;

/**
 * No token, secret or private note reaches a log line: real requests carry bearer tokens, SCIM credentials, webhook
 * signing secrets and private notes, through successes, failed sign-ins and malformed requests, with Trellis's, Spring
 * Security's, Spring MVC's and Spring GraphQL's loggers at DEBUG; then every captured line is searched for each secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsIntegrationTest extends IntegrationTest {

    /** The server's loggers (not the test's own HTTP client, which logs what it sends on the test's threads). */
    private static final List<String> NOISY = List.of(
            "org.trellis",
            // Configured on its own (off by default), so org.trellis's level does not reach it.
            "org.trellis.api.audit.AuditTrail",
            "org.springframework.security",
            "org.springframework.web.servlet",
            "org.springframework.web.method",
            "org.springframework.web.filter",
            "org.springframework.graphql");

    @Autowired
    private LoggingSystem logging;

    private final List<String> secrets = new ArrayList<>();

    @AfterEach
    void quieten() {
        NOISY.forEach(logger -> logging.setLogLevel(logger, null));
        logging.setLogLevel("org.trellis", LogLevel.INFO);
    }

    @Test
    void noSecretAppearsInAnyLogLine(CapturedOutput output) {
        NOISY.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        TestTenant tenant = newTenant("secrets");
        String admin = secret(tenant.admin());
        String engineer = secret(tenant.engineer());
        String correlation = "secrets-" + UUID.randomUUID();

        // Bearer tokens that work, and sign-ins that fail.
        postQuery(engineer, "{ me { kind } }").expectStatus().isOk();
        postQuery(secret("garbage-token-" + UUID.randomUUID()), "{ me { kind } }")
                .expectStatus()
                .isUnauthorized();
        String unregistered = secret(
                TestIssuers.INSTANCE.issuer("unregistered-" + UUID.randomUUID()).token("trellis", "intruder"));
        postQuery(unregistered, "{ me { kind } }").expectStatus().isUnauthorized();
        postQuery(secret(tenant.issuer().token("another-audience", "someone")), "{ me { kind } }")
                .expectStatus()
                .isUnauthorized();
        String inQuery = secret("query-string-token-" + UUID.randomUUID());
        http().get()
                .uri("/graphql?query={me{kind}}&access_token=" + inQuery)
                .header("X-Correlation-Id", correlation)
                .exchange()
                .expectStatus()
                .is4xxClientError();

        // A SCIM credential, used, and a wrong one.
        String scim = secret(graphQl(admin)
                .document("mutation { createScimCredential(input: {name: \"logs\"}) { secret } }")
                .execute()
                .path("createScimCredential.secret")
                .entity(String.class)
                .get());
        scim(scim).expectStatus().isOk();
        scim(secret("scim_" + UUID.randomUUID().toString().replace("-", "") + "_wrongwrongwrongwrong"))
                .expectStatus()
                .isUnauthorized();
        http().post()
                .uri("/scim/v2/Users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + scim)
                .contentType(MediaType.parseMediaType("application/scim+json"))
                .bodyValue("{\"userName\": \"" + secret("scim-body-" + UUID.randomUUID()) + "\", \"schemas\": [")
                .exchange()
                .expectStatus()
                .isBadRequest();

        // A webhook signing secret the admin supplies, and deliveries signed right and wrong.
        String webhookSecret = secret("webhook-signing-secret-" + UUID.randomUUID());
        String path = graphQl(admin)
                .document("mutation($s: String) { createWebhookEndpoint(input: {provider: GITHUB, name: \"logs\","
                        + " secret: $s}) { webhookEndpoint { path } } }")
                .variable("s", webhookSecret)
                .execute()
                .path("createWebhookEndpoint.webhookEndpoint.path")
                .entity(String.class)
                .get();
        byte[] ping = "{\"zen\": \"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
        deliver(path, ping, webhookSecret);
        deliver(path, ping, secret("wrong-webhook-secret-" + UUID.randomUUID()));

        // Private notes, in variables and inline, to sessions that do not exist.
        graphQl(engineer)
                .document("mutation($p: String) { logMentoringSession(input: {mentorshipId: \"TWVudG9yc2hpcDpub25l\","
                        + " heldOn: \"2026-01-01\", durationMinutes: 30, privateNote: $p}) { session { id } } }")
                .variable("p", secret("private-note-in-variables-" + UUID.randomUUID()))
                .execute();
        graphQl(engineer)
                .document("mutation { setSessionPrivateNote(input: {sessionId: \"TWVudG9yaW5nU2Vzc2lvbjpub25l\","
                        + " body: \"" + secret("private-note-inline-" + UUID.randomUUID())
                        + "\"}) { session { id } } }")
                .execute();

        // Malformed requests that carry secrets.
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + engineer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ me { kind } }\", \"variables\": {\"x\": \""
                        + secret("in-broken-json-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isBadRequest();
        postQuery(
                        engineer,
                        "{ me { "
                                + secret("InBrokenDocument"
                                        + UUID.randomUUID().toString().replace("-", "")))
                .expectStatus()
                .is2xxSuccessful();

        List<String> lines = output.getOut()
                .lines()
                .filter(line -> !line.contains("\"thread\":{\"name\":\"main\"}"))
                .toList();
        assertThat(lines).as("the capture saw the requests").anyMatch(line -> line.contains(correlation));
        for (String secret : secrets) {
            assertThat(lines.stream().filter(line -> line.contains(secret)))
                    .as("log lines containing %s", secret)
                    .isEmpty();
        }
    }

    /** Notes a secret (and, for a signed token, its signature on its own) to look for in the logs. */
    private String secret(String value) {
        secrets.add(value);
        if (value.chars().filter(c -> c == '.').count() == 2) {
            secrets.add(value.substring(value.lastIndexOf('.') + 1));
        }
        return value;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec scim(String credential) {
        return http().get()
                .uri("/scim/v2/Users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + credential)
                .exchange();
    }

    private void deliver(String path, byte[] body, String signingSecret) {
        http().post()
                .uri(path)
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(signingSecret, body))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}

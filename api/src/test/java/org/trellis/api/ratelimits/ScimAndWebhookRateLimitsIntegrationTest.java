package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** SCIM and inbound webhooks have limits of their own, and refuse in their own error formats. */
class ScimAndWebhookRateLimitsIntegrationTest extends IntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aScimCredentialOverItsLimitGets429InScimsErrorFormat() {
        TestTenant tenant = newTenant("scim-limited");
        String secret = graphQl(tenant.admin())
                .document("mutation($p: ID) { createScimCredential(input: {name: \"okta\", identityProviderId: $p})"
                        + " { secret } }")
                .variable("p", tenant.providerId())
                .execute()
                .path("createScimCredential.secret")
                .entity(String.class)
                .get();
        double refusals = refusals("scim");
        TenantLimits.set(tenant.uuid(), LimitKind.SCIM, 2, 1);

        assertThat(users(secret).getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(users(secret).getStatus()).isEqualTo(HttpStatus.OK);
        EntityExchangeResult<JsonNode> refused = users(secret);

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).hasToString("application/scim+json");
        JsonNode body = refused.getResponseBody();
        assertThat(body.path("schemas").path(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(body.path("status").asString()).isEqualTo("429");
        assertThat(body.path("detail").asString()).contains("SCIM requests");
        assertThat(refusals("scim")).isEqualTo(refusals + 1);
    }

    @Test
    void aWebhookEndpointOverItsLimitGets429AsProblemDetails() throws InterruptedException {
        TestTenant tenant = newTenant("webhook-limited");
        var created = graphQl(tenant.admin())
                .document("mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"gh\"})"
                        + " { secret webhookEndpoint { path } } }")
                .execute();
        String path = created.path("createWebhookEndpoint.webhookEndpoint.path")
                .entity(String.class)
                .get();
        String secret = created.path("createWebhookEndpoint.secret")
                .entity(String.class)
                .get();
        double refusals = refusals("webhooks");
        TenantLimits.set(tenant.uuid(), LimitKind.WEBHOOKS, 1, 1);

        assertThat(ping(path, secret, "1").getStatus()).isEqualTo(HttpStatus.OK);
        EntityExchangeResult<JsonNode> refused = ping(path, secret, "2");

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = refused.getResponseBody();
        assertThat(body.path("status").asInt()).isEqualTo(429);
        assertThat(body.path("classification").asString()).isEqualTo("RATE_LIMITED");
        assertThat(body.path("detail").asString()).contains("deliveries to this webhook endpoint");
        assertThat(body.path("correlationId").asString()).isNotBlank();
        assertThat(refusals("webhooks")).isEqualTo(refusals + 1);

        Thread.sleep(1_100);
        assertThat(ping(path, secret, "3").getStatus()).isEqualTo(HttpStatus.OK);
    }

    private EntityExchangeResult<JsonNode> users(String secret) {
        return http().get()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private EntityExchangeResult<JsonNode> ping(String path, String secret, String delivery) {
        byte[] body = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
        return http().post()
                .uri(path)
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", delivery + "-" + path.hashCode())
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private double refusals(String limit) {
        var counter =
                meters.find("trellis.ratelimit.refusals").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }
}

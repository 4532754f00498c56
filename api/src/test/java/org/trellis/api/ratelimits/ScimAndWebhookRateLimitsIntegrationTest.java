package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * SCIM and inbound webhooks have limits of their own, and refuse in their own error formats. Only deliveries whose
 * signature verified spend an endpoint's budget; forgeries spend their tenant's bucket of unverified deliveries, and
 * a key that names no endpoint spends nothing and leaves no row.
 */
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

        assertThat(ping(path, signed(secret), "1").getStatus()).isEqualTo(HttpStatus.OK);
        EntityExchangeResult<JsonNode> refused = ping(path, signed(secret), "2");

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
        assertThat(ping(path, signed(secret), "3").getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void requestsToKeysNamingNoEndpointAreAnswered404AndCreateNoBucket() throws SQLException {
        TestTenant tenant = newTenant("no-endpoint");
        String tenantHex = tenant.uuid().toString().replace("-", "");
        long before = buckets(tenant.uuid());

        for (int i = 0; i < 50; i++) {
            String endpointHex = UUID.randomUUID().toString().replace("-", "");
            http().post()
                    .uri(URI.create("http://127.0.0.1:" + port + "/webhooks/" + tenantHex + endpointHex))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        assertThat(buckets(tenant.uuid())).isEqualTo(before);
    }

    @Test
    void forgedDeliveriesDoNotSpendTheEndpointsBudget() {
        TestTenant tenant = newTenant("forged");
        String[] endpoint = githubEndpoint(tenant);
        TenantLimits.set(tenant.uuid(), LimitKind.WEBHOOKS, 3, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(ping(endpoint[0], FORGED, "forged-" + i).getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(ping(endpoint[0], signed(endpoint[1]), "genuine").getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aFloodOfForgedDeliveriesIsRefusedWith429OnTheTenantsUnverifiedBucketWhileGenuineOnesPass() {
        TestTenant tenant = newTenant("forged-flood");
        String[] endpoint = githubEndpoint(tenant);
        TenantLimits.set(tenant.uuid(), LimitKind.WEBHOOKS, 2, 1);
        double refusals = refusals("webhooks");

        assertThat(ping(endpoint[0], FORGED, "f1").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ping(endpoint[0], FORGED, "f2").getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        EntityExchangeResult<JsonNode> flooded = ping(endpoint[0], FORGED, "f3");

        assertThat(flooded.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(flooded.getResponseBody().path("detail").asString()).contains("bad signature");
        assertThat(refusals("webhooks")).isEqualTo(refusals + 1);
        assertThat(ping(endpoint[0], signed(endpoint[1]), "genuine").getStatus())
                .isEqualTo(HttpStatus.OK);
    }

    private static final String FORGED = "sha256=" + "0".repeat(64);

    private static final byte[] PING =
            "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);

    private static String signed(String secret) {
        return "sha256=" + hmacSha256(secret, PING);
    }

    /** A new GitHub endpoint of the tenant: its path and its signing secret. */
    private String[] githubEndpoint(TestTenant tenant) {
        var created = graphQl(tenant.admin())
                .document("mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"gh\"})"
                        + " { secret webhookEndpoint { path } } }")
                .execute();
        return new String[] {
            created.path("createWebhookEndpoint.webhookEndpoint.path")
                    .entity(String.class)
                    .get(),
            created.path("createWebhookEndpoint.secret").entity(String.class).get()
        };
    }

    private static long buckets(UUID tenant) throws SQLException {
        try (Connection connection = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM rate_limit_bucket WHERE tenant_id = ?")) {
            statement.setObject(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private EntityExchangeResult<JsonNode> users(String secret) {
        return http().get()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private EntityExchangeResult<JsonNode> ping(String path, String signature, String delivery) {
        return http().post()
                .uri(path)
                .header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", delivery + "-" + path.hashCode())
                .header("X-Hub-Signature-256", signature)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(PING)
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

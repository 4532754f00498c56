package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * A delivery the database cannot take in time (here: the delivery log locked past the statement timeout) is answered
 * 503 UNAVAILABLE as problem details, which the provider retries, not 500.
 */
class WebhookDatabaseUnavailableIntegrationTest extends IntegrationTest {

    @Test
    void aDeliveryTheDatabaseCannotTakeInTimeIsAnswered503Unavailable() throws SQLException {
        TestTenant tenant = newTenant("webhook-db-down");
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
        byte[] body = "{\"zen\":\"Design for failure.\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);

        EntityExchangeResult<JsonNode> answer;
        try (Connection holder = TestDatabase.INSTANCE.connectAsAdministrator()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE webhook_delivery IN SHARE MODE");
            answer = http().post()
                    .uri(path)
                    .header("X-GitHub-Event", "ping")
                    .header("X-GitHub-Delivery", "outage-" + path.hashCode())
                    .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectBody(JsonNode.class)
                    .returnResult();
            holder.rollback();
        }

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getResponseBody().path("classification").asString()).isEqualTo("UNAVAILABLE");
    }
}

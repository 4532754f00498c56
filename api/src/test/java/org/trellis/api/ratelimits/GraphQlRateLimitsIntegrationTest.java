package org.trellis.api.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.trellis.api.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL rate limits over real HTTP with real tokens, each test on a tenant of its own with small buckets (set in
 * the database, so the shared application context is used as it is).
 */
class GraphQlRateLimitsIntegrationTest extends IntegrationTest {

    private static final String CHEAP = "{ me { kind } }";
    private static final String CREATE_ENDPOINT =
            "mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"throttled\"}) { secret } }";
    private static final String ENDPOINTS = "{ webhookEndpoints { id } }";

    @Autowired
    private MeterRegistry meters;

    @Test
    void aCallerOverItsBudgetGets429WithRetryAfterAndARateLimitedErrorAndNothingChanges() {
        TestTenant tenant = newTenant("throttled");
        String admin = tenant.admin();
        send(admin, ENDPOINTS); // signs the admin in
        int auditEvents = auditEventCount(tenant.uuid());
        double refusals = refusals("graphql_actor");
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 10, 10);

        EntityExchangeResult<JsonNode> refused = exhaust(admin);

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        JsonNode error = refused.getResponseBody().path("errors").path(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("RATE_LIMITED");
        assertThat(error.path("extensions").path("retryAfter").asLong()).isBetween(1L, 2L);
        assertThat(error.path("extensions").path("correlationId").asString()).isNotBlank();
        assertThat(error.path("message").asString()).contains("Retry after");
        assertThat(refused.getResponseBody().has("data")).isFalse();
        JsonNode status = error.path("extensions").path("cost").path("throttleStatus");
        assertThat(status.path("bucket").asString()).isEqualTo("actor");
        assertThat(status.path("maximumAvailable").asLong()).isEqualTo(10);
        assertThat(status.path("currentlyAvailable").asLong()).isLessThan(2);
        assertThat(status.path("restoreRate").asLong()).isEqualTo(10);

        EntityExchangeResult<JsonNode> mutation = send(admin, CREATE_ENDPOINT);
        assertThat(mutation.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(mutation.getResponseBody()
                        .path("errors")
                        .path(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("RATE_LIMITED");
        assertThat(auditEventCount(tenant.uuid())).isEqualTo(auditEvents);
        assertThat(refusals("graphql_actor")).isGreaterThanOrEqualTo(refusals + 2);

        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 1_000, 100);
        assertThat(send(admin, ENDPOINTS)
                        .getResponseBody()
                        .path("data")
                        .path("webhookEndpoints")
                        .size())
                .isZero();
    }

    @Test
    void theGraphQlResponseMediaTypeIsRefusedWith429Too() {
        TestTenant tenant = newTenant("throttled-media");
        String engineer = tenant.engineer();
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 1, 1);
        send(engineer, CHEAP);
        var refused = http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + engineer)
                .header(HttpHeaders.ACCEPT, "application/graphql-response+json")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", CHEAP))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType("application/graphql-response+json")
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused.path("errors")
                        .path(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void theBudgetRefillsWithTime() throws InterruptedException {
        TestTenant tenant = newTenant("refill");
        String engineer = tenant.engineer();
        send(engineer, CHEAP);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 10, 10);

        long wait = Long.parseLong(exhaust(engineer).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));

        assertThat(wait).isEqualTo(1);
        Thread.sleep(wait * 1000 + 100);
        assertThat(send(engineer, CHEAP).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void throttleStatusReportsTheTighterBucketAndDecreasesAsTheCallerSpends() {
        TestTenant tenant = newTenant("status");
        String engineer = tenant.engineer();
        send(engineer, CHEAP);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 1_000, 1);

        JsonNode first =
                send(engineer, CHEAP).getResponseBody().path("extensions").path("cost");
        JsonNode second =
                send(engineer, CHEAP).getResponseBody().path("extensions").path("cost");

        assertThat(first.path("requested").asLong()).isEqualTo(2);
        assertThat(first.path("actual").asLong()).isEqualTo(2);
        JsonNode status = first.path("throttleStatus");
        assertThat(status.path("bucket").asString()).isEqualTo("actor");
        assertThat(status.path("maximumAvailable").asLong()).isEqualTo(1_000);
        assertThat(status.path("restoreRate").asLong()).isEqualTo(1);
        assertThat(status.path("currentlyAvailable").asLong()).isEqualTo(990); // the minimum cost, not 2
        assertThat(second.path("throttleStatus").path("currentlyAvailable").asLong())
                .isLessThan(status.path("currentlyAvailable").asLong());
    }

    @Test
    void aRequestThatResolvesNoListStillCostsTheMinimumOfTenPoints() {
        TestTenant tenant = newTenant("typename");
        String engineer = tenant.engineer();
        send(engineer, CHEAP);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 1_000, 1);

        JsonNode cost = send(engineer, "{ __typename }")
                .getResponseBody()
                .path("extensions")
                .path("cost");

        assertThat(cost.path("requested").asLong()).isZero();
        assertThat(cost.path("throttleStatus").path("currentlyAvailable").asLong())
                .isEqualTo(990);
    }

    @Test
    void documentsRefusedAsUnparsableOrInvalidStillCostTheMinimum() {
        TestTenant tenant = newTenant("refused-documents");
        String engineer = tenant.engineer();
        send(engineer, CHEAP);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 1_000, 1);

        send(engineer, "{ me { kind ");
        send(engineer, "{ noSuchField }");
        JsonNode cost =
                send(engineer, CHEAP).getResponseBody().path("extensions").path("cost");

        assertThat(cost.path("throttleStatus").path("currentlyAvailable").asLong())
                .isEqualTo(970);
    }

    @Test
    void oneCallersExhaustionDoesNotThrottleAnotherUntilTheTenantBucketEmpties() {
        TestTenant tenant = newTenant("actors");
        String engineer = tenant.engineer();
        String manager = tenant.manager();
        send(engineer, CHEAP);
        send(manager, CHEAP);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_TENANT, 20, 1);
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 12, 1);

        JsonNode engineerRefused = exhaust(engineer).getResponseBody();
        assertThat(throttleStatus(engineerRefused).path("bucket").asString()).isEqualTo("actor");

        assertThat(send(manager, CHEAP).getStatus()).isEqualTo(HttpStatus.OK);
        JsonNode managerRefused = exhaust(manager).getResponseBody();
        assertThat(throttleStatus(managerRefused).path("bucket").asString()).isEqualTo("tenant");
        assertThat(managerRefused.path("errors").path(0).path("message").asString())
                .contains("organisation's budget");
    }

    @Test
    void oneTenantsExhaustionLeavesAnotherTenantUnaffected() {
        TestTenant exhausted = newTenant("exhausted");
        TestTenant other = newTenant("unaffected");
        String engineer = exhausted.engineer();
        send(engineer, CHEAP);
        TenantLimits.set(exhausted.uuid(), LimitKind.GRAPHQL_TENANT, 10, 1);
        exhaust(engineer);

        var answer = send(other.engineer(), CHEAP);
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getResponseBody().path("data").path("me").path("kind").asString())
                .isEqualTo("PERSON");
    }

    @Test
    void aCallerFarFromItsLimitIsChargedInTheDatabaseOncePerLeaseAndStillSeesItsBudgetFall() {
        TestTenant tenant = newTenant("leases");
        String engineer = tenant.engineer();
        send(engineer, CHEAP);
        // 1 % of 10,000 is a lease of 100 points: ten requests at the minimum cost.
        TenantLimits.set(tenant.uuid(), LimitKind.GRAPHQL_ACTOR, 10_000, 1);
        sqlStatements.reset();

        long last = Long.MAX_VALUE;
        for (int i = 0; i < 22; i++) {
            long available = send(engineer, CHEAP)
                    .getResponseBody()
                    .path("extensions")
                    .path("cost")
                    .path("throttleStatus")
                    .path("currentlyAvailable")
                    .asLong();
            assertThat(available).isLessThan(last);
            last = available;
        }

        assertThat(sqlStatements.rateLimitCharges())
                .as("one charge, and one more each time a lease of ten requests is spent (or ended: it lasts 250 ms"
                        + " here)")
                .isBetween(2, 8);
        assertThat(last).isBetween(10_000L - 22 * 10 - 100, 10_000L - 22 * 10);
    }

    @Test
    void platformOperatorsAreNotLimited() {
        JsonNode cost = send(platformToken(), "{ me { kind } }")
                .getResponseBody()
                .path("extensions")
                .path("cost");
        assertThat(cost.path("requested").asLong()).isEqualTo(2);
        assertThat(cost.has("throttleStatus")).isFalse();
    }

    /** Sends the cheap query until it is refused (within the budget's size), and returns the refusal. */
    private EntityExchangeResult<JsonNode> exhaust(String token) {
        for (int i = 0; i < 20; i++) {
            EntityExchangeResult<JsonNode> answer = send(token, CHEAP);
            if (answer.getStatus() == HttpStatus.TOO_MANY_REQUESTS) {
                assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                        .matches("[1-9][0-9]*");
                return answer;
            }
            assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
        }
        throw new AssertionError("never refused");
    }

    private EntityExchangeResult<JsonNode> send(String token, String query) {
        return postQuery(token, query).expectBody(JsonNode.class).returnResult();
    }

    private static JsonNode throttleStatus(JsonNode refused) {
        return refused.path("errors").path(0).path("extensions").path("cost").path("throttleStatus");
    }

    private double refusals(String limit) {
        var counter =
                meters.find("trellis.ratelimit.refusals").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }
}

package org.trellis.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every webhook-administration operation as every kind of caller: tenant admins only, and only their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        ENGINEER,
        CLIENT,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** A fresh endpoint, a fresh pending unmatched event, and a person to map it to. */
    record Targets(String endpoint, String event, String person) {}

    private static final Operation<Targets> LIST = op("webhookEndpoints", "{ webhookEndpoints { id } }", t -> Map.of());
    private static final Operation<Targets> NODE =
            op("node(WebhookEndpoint)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.endpoint()));
    private static final Operation<Targets> CREATE = op(
            "createWebhookEndpoint",
            "mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"n\"}) { secret } }",
            t -> Map.of());
    private static final Operation<Targets> ROTATE = op(
            "rotateWebhookSecret",
            "mutation($id: ID!) { rotateWebhookSecret(input: {id: $id}) { secret } }",
            t -> Map.of("id", t.endpoint()));
    private static final Operation<Targets> DISABLE = op(
            "disableWebhookEndpoint",
            "mutation($id: ID!) { disableWebhookEndpoint(input: {id: $id}) { webhookEndpoint { id } } }",
            t -> Map.of("id", t.endpoint()));
    private static final Operation<Targets> QUEUE =
            op("unmatchedEvents", "{ unmatchedEvents(first: 5) { edges { cursor } } }", t -> Map.of());
    private static final Operation<Targets> EVENT =
            op("node(UnmatchedEvent)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.event()));
    private static final Operation<Targets> MAP = op(
            "mapUnmatchedEvent",
            "mutation($id: ID!, $p: ID!) { mapUnmatchedEvent(input: {id: $id, personId: $p}) { unmatchedEvent { id } } }",
            t -> Map.of("id", t.event(), "p", t.person()));
    private static final Operation<Targets> DISMISS = op(
            "dismissUnmatchedEvent",
            "mutation($id: ID!) { dismissUnmatchedEvent(input: {id: $id}) { unmatchedEvent { id } } }",
            t -> Map.of("id", t.event()));

    private final AtomicInteger sequence = new AtomicInteger();
    private Map<Caller, String> tokens;
    private String admin;

    @BeforeAll
    void organisation() {
        TestTenant tenant = newTenant("webhook-matrix");
        admin = tenant.admin();
        registerServiceClient(
                admin, tenant.providerId(), "wh-client", List.of("evidence:write", "people:write", "people:read"));
        tokens = Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, tenant.token("boss", "managers"),
                Caller.ENGINEER, tenant.engineer(),
                Caller.CLIENT,
                        tenant.issuer()
                                .token(
                                        tenant.audience(),
                                        "wh-client",
                                        c -> c.claim("scope", "evidence:write people:write people:read")),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("webhook-matrix-other").admin());
    }

    //                            ADMIN MANAGER ENGINEER CLIENT PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(LIST, "A F F F F A"),
                        row(NODE, "A F F F F N"),
                        row(CREATE, "A F F F F A"),
                        row(ROTATE, "A F F F F N"),
                        row(DISABLE, "A F F F F N"),
                        row(QUEUE, "A F F F F A"),
                        row(EVENT, "A F F F F N"),
                        row(MAP, "A F F F F N"),
                        row(DISMISS, "A F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        assertThat(operation.run(graphQl(tokens.get(caller)), freshTargets()))
                .as(operation + " as " + caller)
                .isEqualTo(expected);
    }

    private Targets freshTargets() {
        var created = graphQl(admin)
                .document("mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"m\"})"
                        + " { secret webhookEndpoint { id path } } }")
                .execute();
        String endpoint = created.path("createWebhookEndpoint.webhookEndpoint.id")
                .entity(String.class)
                .get();
        String path = created.path("createWebhookEndpoint.webhookEndpoint.path")
                .entity(String.class)
                .get();
        String secret = created.path("createWebhookEndpoint.secret")
                .entity(String.class)
                .get();
        int n = sequence.incrementAndGet();
        String login = "unknown-" + n + "-" + UUID.randomUUID().toString().substring(0, 4);
        byte[] body = ("{\"action\":\"submitted\",\"review\":{\"id\":" + (800000 + n) + ",\"user\":{\"login\":\""
                        + login
                        + "\"},\"state\":\"approved\",\"submitted_at\":\"2026-01-02T03:04:05Z\"},"
                        + "\"pull_request\":{\"number\":1,\"title\":\"t\",\"user\":{\"login\":\"someone\"}},"
                        + "\"repository\":{\"full_name\":\"acme/app\"}}")
                .getBytes(StandardCharsets.UTF_8);
        http().post()
                .uri(path)
                .header("X-GitHub-Event", "pull_request_review")
                .header("X-GitHub-Delivery", "matrix-" + n)
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .jsonPath("$.unmatched")
                .isEqualTo(1);
        String event = graphQl(admin)
                .document("{ unmatchedEvents(first: 100) { edges { node { id account } } } }")
                .execute()
                .path("unmatchedEvents.edges[*].node")
                .entityList(Map.class)
                .get()
                .stream()
                .filter(node -> login.equals(node.get("account")))
                .map(node -> (String) node.get("id"))
                .findFirst()
                .orElseThrow();
        String person = personOf(tokens.get(Caller.ENGINEER));
        return new Targets(endpoint, event, person);
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}

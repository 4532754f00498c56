package org.trellis.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
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
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every webhook-administration operation as every kind of caller: tenant admins only, and only their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        ADMIN,
        MANAGER,
        OWNER,
        COLLEAGUE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** A fresh endpoint, a fresh pending unmatched event, and the person (the owner) to map it to. */
    record Targets(String endpoint, String event, String person) {}

    private static final Operation<Targets> LIST = op("webhookEndpoints", "{ webhookEndpoints { id } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes("webhookEndpoints.id", answer.targets().endpoint());
                } else {
                    answer.includes("webhookEndpoints.id", answer.targets().endpoint());
                }
            });
    private static final Operation<Targets> NODE = op(
                    "node(WebhookEndpoint)",
                    "query($id: ID!) { node(id: $id) { id } }",
                    t -> Map.of("id", t.endpoint()))
            .returning("node.id", Targets::endpoint);
    private static final Operation<Targets> CREATE = op(
                    "createWebhookEndpoint",
                    "mutation { createWebhookEndpoint(input: {provider: GITHUB, name: \"n\"}) { secret webhookEndpoint"
                            + " { id provider } userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> {
                answer.present("createWebhookEndpoint.secret");
                answer.has("createWebhookEndpoint.webhookEndpoint.provider", "GITHUB");
            });
    private static final Operation<Targets> ROTATE = op(
                    "rotateWebhookSecret",
                    "mutation($id: ID!) { rotateWebhookSecret(input: {id: $id}) { secret webhookEndpoint { id rotatedAt"
                            + " } userErrors { code } } }",
                    t -> Map.of("id", t.endpoint()))
            .returning("rotateWebhookSecret.webhookEndpoint.id", Targets::endpoint)
            .expecting(answer -> {
                answer.present("rotateWebhookSecret.secret");
                answer.present("rotateWebhookSecret.webhookEndpoint.rotatedAt");
            });
    private static final Operation<Targets> DISABLE = op(
                    "disableWebhookEndpoint",
                    "mutation($id: ID!) { disableWebhookEndpoint(input: {id: $id}) { webhookEndpoint { id disabledAt }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.endpoint()))
            .returning("disableWebhookEndpoint.webhookEndpoint.id", Targets::endpoint)
            .expecting(answer -> answer.present("disableWebhookEndpoint.webhookEndpoint.disabledAt"));
    private static final Operation<Targets> QUEUE = op(
                    "unmatchedEvents", "{ unmatchedEvents(first: 100) { edges { node { id } } } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes(
                            "unmatchedEvents.edges.node.id", answer.targets().event());
                } else {
                    answer.includes(
                            "unmatchedEvents.edges.node.id", answer.targets().event());
                }
            });
    private static final Operation<Targets> EVENT = op(
                    "node(UnmatchedEvent)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.event()))
            .returning("node.id", Targets::event);
    private static final Operation<Targets> MAP = op(
                    "mapUnmatchedEvent",
                    "mutation($id: ID!, $p: ID!) { mapUnmatchedEvent(input: {id: $id, personId: $p}) { unmatchedEvent"
                            + " { id status person { id } evidence { id } } userErrors { code } } }",
                    t -> Map.of("id", t.event(), "p", t.person()))
            .returning("mapUnmatchedEvent.unmatchedEvent.id", Targets::event)
            .returning("mapUnmatchedEvent.unmatchedEvent.person.id", Targets::person)
            .expecting(answer -> {
                answer.has("mapUnmatchedEvent.unmatchedEvent.status", "MAPPED");
                answer.present("mapUnmatchedEvent.unmatchedEvent.evidence.id");
            });
    private static final Operation<Targets> DISMISS = op(
                    "dismissUnmatchedEvent",
                    "mutation($id: ID!) { dismissUnmatchedEvent(input: {id: $id}) { unmatchedEvent { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.event()))
            .returning("dismissUnmatchedEvent.unmatchedEvent.id", Targets::event)
            .expecting(answer -> answer.has("dismissUnmatchedEvent.unmatchedEvent.status", "DISMISSED"));

    private final AtomicInteger sequence = new AtomicInteger();
    private Map<Caller, String> tokens;
    private TestTenant tenant;
    private String admin;
    private Judge<Targets> judge;

    @BeforeAll
    void organisation() {
        tenant = newTenant("webhook-matrix");
        admin = tenant.admin();
        List<String> clients = matrixClients(tenant, "wh");
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, tenant.token("boss", "managers"),
                Caller.OWNER, tenant.token("owner"),
                Caller.COLLEAGUE, tenant.engineer(),
                Caller.CLIENT_READ, clients.get(0),
                Caller.CLIENT_WRITE, clients.get(1),
                Caller.CLIENT_OTHER_SCOPE, clients.get(2),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, newTenant("webhook-matrix-other").admin()));
        signIn(tokens.values());
        String owner = personOf(tokens.get(Caller.OWNER));
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\"}) { assignment { assignedAt } } }")
                .variable("p", owner)
                .variable("v", seniorRoleTemplate(admin))
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        graphQl(admin)
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", owner)
                .variable("m", personOf(tokens.get(Caller.MANAGER)))
                .execute()
                .path("setManager.person.id")
                .hasValue();
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                            ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(LIST, "A F F F F F F F A"),
                        row(NODE, "A F F F F F F F N"),
                        row(CREATE, "A F F F F F F F A"),
                        row(ROTATE, "A F F F F F F F N"),
                        row(DISABLE, "A F F F F F F F N"),
                        row(QUEUE, "A F F F F F F F A"),
                        row(EVENT, "A F F F F F F F N"),
                        row(MAP, "A F F F F F F F N"),
                        row(DISMISS, "A F F F F F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        judge.judge(operation, caller, expected, graphQl(tokens.get(caller)), freshTargets());
    }

    /** What the matrix's operations could change, re-read as the admin. */
    private Object state(Targets t) {
        return graphQl(admin)
                .document("query($e: ID!, $u: ID!, $p: ID!) {"
                        + " endpoint: node(id: $e) { ... on WebhookEndpoint { secretHint rotatedAt disabledAt } }"
                        + " event: node(id: $u) { ... on UnmatchedEvent { status person { id } evidence { id } } }"
                        + " person(id: $p) { externalAccounts { provider account } } }")
                .variable("e", t.endpoint())
                .variable("u", t.event())
                .variable("p", t.person())
                .execute()
                .returnResponse()
                .getData();
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
        String person = personOf(tokens.get(Caller.OWNER));
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

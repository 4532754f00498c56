package org.trellis.api.notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every outbound-webhook operation as every kind of caller: tenant admins only, and only their own tenant's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationRoleMatrixIntegrationTest extends IntegrationTest {

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

    /** A fresh subscription and one delivery of it. */
    record Targets(String subscription, String delivery) {}

    private static final String URL = "http://127.0.0.1:9/hook";

    private static final Operation<Targets> LIST = op(
                    "webhookSubscriptions",
                    "{ webhookSubscriptions(first: 100) { edges { node { id } } } }",
                    t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes(
                            "webhookSubscriptions.edges.node.id",
                            answer.targets().subscription());
                } else {
                    answer.includes(
                            "webhookSubscriptions.edges.node.id",
                            answer.targets().subscription());
                }
            });
    private static final Operation<Targets> LOG = op(
                    "webhookDeliveries", "{ webhookDeliveries(first: 100) { edges { node { id } } } }", t -> Map.of())
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes(
                            "webhookDeliveries.edges.node.id", answer.targets().delivery());
                } else {
                    answer.includes(
                            "webhookDeliveries.edges.node.id", answer.targets().delivery());
                }
            });
    private static final Operation<Targets> NODE = op(
                    "node(WebhookSubscription)",
                    "query($id: ID!) { node(id: $id) { id } }",
                    t -> Map.of("id", t.subscription()))
            .returning("node.id", Targets::subscription);
    private static final Operation<Targets> DELIVERY = op(
                    "node(WebhookDelivery)",
                    "query($id: ID!) { node(id: $id) { id } }",
                    t -> Map.of("id", t.delivery()))
            .returning("node.id", Targets::delivery);
    private static final Operation<Targets> CREATE = op(
                    "createWebhookSubscription",
                    "mutation { createWebhookSubscription(input: {url: \"" + URL + "\", eventTypes:"
                            + " [PROMOTION_CASE_DECIDED]}) { secret webhookSubscription { id } userErrors { code } } }",
                    t -> Map.of())
            .expecting(answer -> answer.present("createWebhookSubscription.secret"));
    private static final Operation<Targets> UPDATE = op(
                    "updateWebhookSubscription",
                    "mutation($id: ID!) { updateWebhookSubscription(input: {id: $id, enabled: false}) {"
                            + " webhookSubscription { id enabled } userErrors { code } } }",
                    t -> Map.of("id", t.subscription()))
            .returning("updateWebhookSubscription.webhookSubscription.id", Targets::subscription)
            .expecting(answer -> answer.has("updateWebhookSubscription.webhookSubscription.enabled", false));
    private static final Operation<Targets> ROTATE = op(
                    "rotateWebhookSubscriptionSecret",
                    "mutation($id: ID!) { rotateWebhookSubscriptionSecret(input: {id: $id}) { secret"
                            + " webhookSubscription { id rotatedAt } userErrors { code } } }",
                    t -> Map.of("id", t.subscription()))
            .returning("rotateWebhookSubscriptionSecret.webhookSubscription.id", Targets::subscription)
            .expecting(answer -> answer.present("rotateWebhookSubscriptionSecret.secret"));
    private static final Operation<Targets> DELETE = op(
                    "deleteWebhookSubscription",
                    "mutation($id: ID!) { deleteWebhookSubscription(input: {id: $id}) { deletedId userErrors { code } } }",
                    t -> Map.of("id", t.subscription()))
            .returning("deleteWebhookSubscription.deletedId", Targets::subscription);
    private static final Operation<Targets> REPLAY = op(
                    "replayWebhookDelivery",
                    "mutation($id: ID!) { replayWebhookDelivery(input: {id: $id}) { webhookDelivery { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.delivery()))
            .returning("replayWebhookDelivery.webhookDelivery.id", Targets::delivery)
            .expecting(answer -> answer.has("replayWebhookDelivery.webhookDelivery.status", "PENDING"));

    private Map<Caller, String> tokens;
    private TestTenant tenant;
    private String admin;
    private Judge<Targets> judge;
    private int newcomers;

    @BeforeAll
    void organisation() {
        tenant = newTenant("notification-matrix");
        admin = tenant.admin();
        List<String> clients = matrixClients(tenant, "nm");
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, tenant.token("boss", "managers"),
                Caller.OWNER, tenant.token("owner"),
                Caller.COLLEAGUE, tenant.engineer(),
                Caller.CLIENT_READ, clients.get(0),
                Caller.CLIENT_WRITE, clients.get(1),
                Caller.CLIENT_OTHER_SCOPE, clients.get(2),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN,
                        newTenant("notification-matrix-other").admin()));
        signIn(tokens.values());
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                            ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(LIST, "A F F F F F F F A"),
                        row(LOG, "A F F F F F F F A"),
                        row(NODE, "A F F F F F F F N"),
                        row(DELIVERY, "A F F F F F F F N"),
                        row(CREATE, "A F F F F F F F A"),
                        row(UPDATE, "A F F F F F F F N"),
                        row(ROTATE, "A F F F F F F F N"),
                        row(DELETE, "A F F F F F F F N"),
                        row(REPLAY, "A F F F F F F F N"))
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
                .document("query($s: ID!, $d: ID!) {"
                        + " s: node(id: $s) { ... on WebhookSubscription { secretHint enabled rotatedAt } }"
                        + " d: node(id: $d) { ... on WebhookDelivery { status nextAttemptAt } } }")
                .variable("s", t.subscription())
                .variable("d", t.delivery())
                .execute()
                .returnResponse()
                .getData();
    }

    /** A subscription to person.provisioned, and its delivery of a newcomer's sign-in. */
    private Targets freshTargets() {
        String subscription = graphQl(admin)
                .document("mutation { createWebhookSubscription(input: {url: \"" + URL + "\", eventTypes:"
                        + " [PERSON_PROVISIONED]}) { webhookSubscription { id } } }")
                .execute()
                .path("createWebhookSubscription.webhookSubscription.id")
                .entity(String.class)
                .get();
        graphQl(tenant.token("matrix-newcomer-" + (++newcomers)))
                .document("{ me { kind } }")
                .execute();
        String delivery = graphQl(admin)
                .document(
                        "query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 1) { edges { node { id } } } }")
                .variable("s", subscription)
                .execute()
                .path("webhookDeliveries.edges[0].node.id")
                .entity(String.class)
                .get();
        return new Targets(subscription, delivery);
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}

package org.trellis.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.graphql.GlobalId;

/**
 * Every subscription as every kind of caller, over a real WebSocket: refused at subscribe time (FORBIDDEN or
 * NOT_FOUND, as the matching query would answer), or accepted; an accepted subscription then receives an event of
 * the owner only if the caller may read it (D), else nothing (S). Events are committed straight into the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRoleMatrixIntegrationTest extends IntegrationTest {

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

    /** D delivered, S subscribed but silent, F refused FORBIDDEN, N refused NOT_FOUND. */
    enum Seen {
        D,
        S,
        F,
        N
    }

    /** The owner and a submitted item of theirs. */
    record Targets(UUID tenant, String owner, String item) {}

    private static final Operation<Targets> EVIDENCE = RoleMatrix.op(
            "evidenceChanged",
            "subscription($p: ID) { evidenceChanged(personId: $p) { evidenceId evidence { id } } }",
            t -> Map.of("p", t.owner()));
    private static final Operation<Targets> READINESS = RoleMatrix.op(
            "readinessChanged",
            "subscription($p: ID) { readinessChanged(personId: $p) { personId person { id } } }",
            t -> Map.of("p", t.owner()));
    private static final Operation<Targets> QUEUE = RoleMatrix.op(
            "reviewQueueChanged", "subscription { reviewQueueChanged { evidenceId change } }", t -> Map.of());

    private static final Map<Caller, String> SUBJECTS = Map.of(
            Caller.ADMIN, "admin",
            Caller.MANAGER, "boss",
            Caller.OWNER, "owner",
            Caller.COLLEAGUE, "colleague",
            Caller.CLIENT_READ, "live-reader",
            Caller.CLIENT_WRITE, "live-writer",
            Caller.CLIENT_OTHER_SCOPE, "live-other",
            Caller.PLATFORM, "operator-1",
            Caller.OTHER_TENANT_ADMIN, "admin");

    @Autowired
    private LiveSessions sessions;

    private UUID other;

    private TestTenant tenant;
    private Map<Caller, String> tokens;
    private Targets targets;

    @BeforeAll
    void organisation() {
        tenant = newTenant("live-matrix");
        String admin = tenant.admin();
        String version = seniorRoleTemplate(admin);
        String competency = competencies(admin, version).values().iterator().next();
        String manager = tenant.token("boss", "managers");
        String ownerToken = tenant.token("owner");
        String owner = personOf(ownerToken);
        graphQl(admin)
                .document("mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person {"
                        + " id } } }")
                .variable("p", owner)
                .variable("m", personOf(manager))
                .execute()
                .path("setManager.person.id")
                .hasValue();
        graphQl(admin)
                .document("mutation($p: ID!, $v: ID!) { assignFramework(input: {personId: $p, versionId: $v,"
                        + " currentLevel: \"L3\"}) { assignment { assignedAt } } }")
                .variable("p", owner)
                .variable("v", version)
                .execute()
                .path("assignFramework.assignment.assignedAt")
                .hasValue();
        String item = graphQl(ownerToken)
                .documentName("readiness/logEvidence")
                .variable("competency", competency)
                .variable("occurredOn", LocalDate.now().toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
        registerServiceClient(admin, tenant.providerId(), "live-reader", List.of("evidence:read"));
        registerServiceClient(admin, tenant.providerId(), "live-writer", List.of("evidence:write"));
        registerServiceClient(admin, tenant.providerId(), "live-other", List.of("people:read"));
        tokens = Map.of(
                Caller.ADMIN, admin,
                Caller.MANAGER, manager,
                Caller.OWNER, ownerToken,
                Caller.COLLEAGUE, tenant.token("colleague"),
                Caller.CLIENT_READ, client("live-reader", "evidence:read"),
                Caller.CLIENT_WRITE, client("live-writer", "evidence:write"),
                Caller.CLIENT_OTHER_SCOPE, client("live-other", "people:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, otherTenantAdmin());
        signIn(tokens.values());
        targets = new Targets(tenant.uuid(), owner, item);
    }

    //                               ADMIN MANAGER OWNER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(EVIDENCE, "D D D F D F F F N"),
                        row(READINESS, "D D D N F F F F N"),
                        row(QUEUE, "S D S S F F F F S"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void deliversOnlyWhatTheCallerMayRead(Operation<Targets> operation, Caller caller, Seen expected) throws Exception {
        try (LiveClient client = LiveClient.connect(port)) {
            assertThat(client.init(tokens.get(caller))).containsEntry("type", "connection_ack");
            client.subscribe("s", operation.document(), operation.variables().apply(targets));
            if (expected == Seen.F || expected == Seen.N) {
                Map<String, Object> refused = client.next(Duration.ofSeconds(10));
                assertThat(refused).as("refusal").containsEntry("type", "error");
                String classification = expected == Seen.F ? "FORBIDDEN" : "NOT_FOUND";
                assertThat(refused.get("payload").toString()).contains("classification=" + classification);
                return;
            }
            awaitSubscription(caller);
            commitEventFor(operation);
            if (expected == Seen.D) {
                Map<String, Object> data = client.data("s");
                assertThat(data.toString()).contains(operation == READINESS ? targets.owner() : targets.item());
            } else {
                assertThat(client.drain(Duration.ofMillis(700)))
                        .as("nothing delivered")
                        .isEmpty();
            }
        }
    }

    private void commitEventFor(Operation<Targets> operation) throws Exception {
        UUID owner = GlobalId.decode(targets.owner(), "Person").orElseThrow();
        if (operation == READINESS) {
            OutboxRows.write(
                    targets.tenant(),
                    "readiness.changed",
                    owner,
                    owner,
                    "{\"verdict\": \"NOT_YET\", \"score\": \"10\", \"ready\": \"false\"}");
            return;
        }
        OutboxRows.write(
                targets.tenant(),
                "evidence.changed",
                GlobalId.decode(targets.item(), "Evidence").orElseThrow(),
                owner,
                "{\"change\": \"TRANSITIONED\", \"status\": \"SUBMITTED\", \"previousStatus\": \"DRAFT\","
                        + " \"version\": \"2\"}");
    }

    /** Waits until the caller's one subscription is open and listening to the feed. */
    private void awaitSubscription(Caller caller) throws InterruptedException {
        UUID tenantId = caller == Caller.PLATFORM ? null : caller == Caller.OTHER_TENANT_ADMIN ? other : tenant.uuid();
        String subject = SUBJECTS.get(caller);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sessions.active(tenantId, subject) < 1 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(sessions.active(tenantId, subject)).as("subscription open").isEqualTo(1);
        Thread.sleep(200); // the stream subscribes to the feed right after it is counted
    }

    private String otherTenantAdmin() {
        TestTenant otherTenant = newTenant("live-matrix-other");
        other = otherTenant.uuid();
        return otherTenant.admin();
    }

    private String client(String subject, String scope) {
        return tenant.issuer().token(tenant.audience(), subject, c -> c.claim("scope", scope));
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        String[] codes = outcomes.trim().split("\\s+");
        return Stream.of(Caller.values())
                .map(caller -> Arguments.of(operation, caller, Seen.valueOf(codes[caller.ordinal()])));
    }
}

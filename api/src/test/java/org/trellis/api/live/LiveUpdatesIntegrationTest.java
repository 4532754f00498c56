package org.trellis.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.readiness.ReadinessTestBase;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * Subscriptions over a real WebSocket, spoken by hand ({@link LiveClient}): who receives which events, sign-in at
 * connection_init, token expiry, shutdown, limits, and that events come through the outbox's NOTIFY channel.
 */
class LiveUpdatesIntegrationTest extends ReadinessTestBase {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Autowired
    private LiveSessions sessions;

    private String boss;
    private String engineer;

    @BeforeEach
    void organisation() {
        organisation("live");
        boss = person("boss", null, "L4");
        engineer = person("eng", boss, "L3");
    }

    @Test
    void managerSeesAReportsNewEvidenceAndItsEndorsementWhileAnotherTenantSeesNothing() throws Exception {
        TestTenant other = newTenant("elsewhere");
        try (LiveClient manager = LiveClient.connect(port);
                LiveClient stranger = LiveClient.connect(port)) {
            assertThat(manager.init(token("boss"))).containsEntry("type", "connection_ack");
            assertThat(stranger.init(other.engineer())).containsEntry("type", "connection_ack");
            manager.subscribe("evidence", document("evidenceChanged"), Map.of("personId", engineer));
            manager.subscribe("queue", document("reviewQueueChanged"), Map.of());
            stranger.subscribe("evidence", document("evidenceChanged"), Map.of());
            stranger.subscribe("queue", document("reviewQueueChanged"), Map.of());
            awaitSubscriptions(tenant.uuid(), "boss", 2);
            awaitSubscriptions(other.uuid(), "engineer", 2);
            String metrics = prometheusScrape();
            assertThat(metrics).containsPattern("(?m)^trellis_subscriptions_active(\\{[^}]*})? [1-9]");

            String item = logAndSubmit(token("eng"));
            endorse(item);

            List<Map<String, Object>> evidence = new ArrayList<>();
            List<Map<String, Object>> queue = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Map<String, Object> message = manager.next(Duration.ofSeconds(15));
                assertThat(message).as("message %s", i).containsEntry("type", "next");
                (message.get("id").equals("evidence") ? evidence : queue).add(payload(message));
            }
            assertThat(evidence)
                    .extracting(e -> e.get("evidenceChanged"))
                    .extracting(e -> field(e, "change") + " " + field(e, "status"))
                    .containsExactly("CREATED DRAFT", "TRANSITIONED SUBMITTED", "TRANSITIONED ENDORSED");
            Map<String, Object> endorsed = map(evidence.getLast().get("evidenceChanged"));
            assertThat(endorsed).containsEntry("evidenceId", item).containsEntry("previousStatus", "SUBMITTED");
            assertThat(map(endorsed.get("evidence")))
                    .containsEntry("id", item)
                    .containsEntry("title", "Shipped the API")
                    .containsEntry("status", "ENDORSED");
            assertThat(map(map(endorsed.get("evidence")).get("person"))).containsEntry("id", engineer);
            assertThat(queue)
                    .extracting(e -> field(e.get("reviewQueueChanged"), "change"))
                    .containsExactly("ADDED", "REMOVED");
            assertThat(stranger.drain(QUIET)).as("another tenant's subscriber").isEmpty();
        }
    }

    @Test
    void engineerCannotSubscribeToAnotherPersonsReadinessButTheirManagerFollowsIt() {
        person("peer", boss, "L3");
        try (LiveClient peer = LiveClient.connect(port);
                LiveClient manager = LiveClient.connect(port)) {
            peer.init(token("peer"));
            peer.subscribe("r", document("readinessChanged"), Map.of("personId", engineer));
            Map<String, Object> refused = peer.next(Duration.ofSeconds(10));
            assertThat(refused).containsEntry("type", "error").containsEntry("id", "r");
            @SuppressWarnings("unchecked")
            Map<String, Object> error = ((List<Map<String, Object>>) refused.get("payload")).getFirst();
            assertThat(map(error.get("extensions"))).containsEntry("classification", "NOT_FOUND");

            manager.init(token("boss"));
            manager.subscribe("r", document("readinessChanged"), Map.of("personId", engineer));
            awaitSubscriptions(tenant.uuid(), "boss", 1);
            endorse(logAndSubmit(token("eng")));
            Map<String, Object> changed = map(manager.data("r").get("readinessChanged"));
            assertThat(changed).containsEntry("personId", engineer);
            assertThat(map(changed.get("person"))).containsEntry("displayName", "eng");
        }
    }

    @Test
    void connectionsWithoutAValidTokenAreClosedWith4401() throws Exception {
        try (LiveClient none = LiveClient.connect(port);
                LiveClient junk = LiveClient.connect(port);
                LiveClient basic = LiveClient.connect(port)) {
            none.init(Map.of());
            junk.init("not.a.token");
            basic.init(Map.of("Authorization", "Basic " + token("eng")));
            for (LiveClient client : List.of(none, junk, basic)) {
                assertThat(client.closed(Duration.ofSeconds(10)).code()).isEqualTo(4401);
            }
        }
        assertThatThrownBy(() -> LiveClient.connect(port, Map.of("Authorization", "Bearer not.a.token")))
                .as("a bad token on the upgrade request is refused before the upgrade")
                .isNotNull();
    }

    @Test
    void theUpgradeRequestsBearerTokenSignsTheConnectionIn() {
        try (LiveClient client = LiveClient.connect(port, Map.of("Authorization", "Bearer " + token("eng")))) {
            assertThat(client.init(Map.of())).containsEntry("type", "connection_ack");
        }
    }

    @Test
    void theConnectionIsClosedWhenItsTokenExpires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS); // exp has whole seconds
        String shortLived = tenant.issuer()
                .token(
                        tenant.audience(),
                        "eng",
                        claims -> claims.claim("name", "eng")
                                .claim("email", "eng@example.com")
                                .expirationTime(Date.from(expiry)));
        try (LiveClient client = LiveClient.connect(port)) {
            assertThat(client.init(shortLived)).containsEntry("type", "connection_ack");
            client.subscribe("e", document("evidenceChanged"), Map.of());
            LiveClient.Closed closed = client.closed(Duration.ofSeconds(15));
            assertThat(closed).isEqualTo(new LiveClient.Closed(4401, "Token expired"));
            assertThat(Instant.now()).isAfterOrEqualTo(expiry.minusMillis(50));
        }
    }

    @Test
    void deactivatingAPersonClosesTheirConnectionWhileOthersOfTheTenantStay() throws Exception {
        try (LiveClient deactivated = LiveClient.connect(port);
                LiveClient manager = LiveClient.connect(port)) {
            assertThat(deactivated.init(token("eng"))).containsEntry("type", "connection_ack");
            assertThat(manager.init(token("boss"))).containsEntry("type", "connection_ack");
            deactivated.subscribe("e", document("evidenceChanged"), Map.of());
            manager.subscribe("e", document("evidenceChanged"), Map.of("personId", engineer));
            awaitSubscriptions(tenant.uuid(), "eng", 1);
            awaitSubscriptions(tenant.uuid(), "boss", 1);
            graphQl(admin)
                    .document("mutation($p: ID!) { deactivatePerson(input: {id: $p}) { person { status } } }")
                    .variable("p", engineer)
                    .execute()
                    .path("deactivatePerson.person.status")
                    .entity(String.class)
                    .isEqualTo("DEACTIVATED");
            assertThat(deactivated.closed(Duration.ofSeconds(10)))
                    .isEqualTo(new LiveClient.Closed(4403, "Sign-in changed"));
            assertThat(sessions.active(tenant.uuid(), "boss")).isEqualTo(1);
        }
    }

    @Test
    void eventsCommittedByAnotherConnectionArriveThroughTheOutboxChannelAndAreCaughtUpAfterAReconnect()
            throws Exception {
        String item = logAndSubmit(token("eng"));
        UUID itemId = GlobalId.decode(item, "Evidence").orElseThrow();
        UUID engineerId = GlobalId.decode(engineer, "Person").orElseThrow();
        try (LiveClient manager = LiveClient.connect(port)) {
            manager.init(token("boss"));
            manager.subscribe("e", document("evidenceChanged"), Map.of("personId", engineer));
            awaitSubscriptions(tenant.uuid(), "boss", 1);
            // The item's own events (logged, submitted) committed just before the subscription began and may still be
            // relayed to it (announcements linger 20 ms); let them pass first, and only them.
            assertThat(manager.drain(QUIET))
                    .as("only the item's events from before the subscription")
                    .allSatisfy(message -> assertThat(message.toString()).contains(item));

            UUID written = writeOutboxRow(itemId, engineerId, "7");
            Map<String, Object> delivered = map(manager.data("e").get("evidenceChanged"));
            assertThat(delivered).containsEntry("eventId", written.toString()).containsEntry("version", 7);

            terminateListener();
            UUID missed = writeOutboxRow(itemId, engineerId, "8");
            Map<String, Object> caughtUp = map(manager.data("e").get("evidenceChanged"));
            assertThat(caughtUp).containsEntry("eventId", missed.toString()).containsEntry("version", 8);
            assertThat(manager.drain(QUIET)).as("each event once").isEmpty();
        }
    }

    @Test
    void stoppingTheApplicationClosesConnectionsAsGoingAway() throws Exception {
        try (LiveClient client = LiveClient.connect(port)) {
            client.init(token("eng"));
            sessions.stop();
            try {
                assertThat(client.closed(Duration.ofSeconds(10)).code()).isEqualTo(1001);
            } finally {
                sessions.start();
            }
        }
    }

    @Test
    void connectionsAndSubscriptionsAreLimitedAndSubscriptionsArePriced() throws Exception {
        String eng = token("eng");
        List<LiveClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                LiveClient client = LiveClient.connect(port);
                open.add(client);
                assertThat(client.init(eng)).containsEntry("type", "connection_ack");
            }
            LiveClient sixth = LiveClient.connect(port);
            open.add(sixth);
            sixth.init(eng);
            assertThat(sixth.closed(Duration.ofSeconds(10)).code()).isEqualTo(4429);

            LiveClient first = open.getFirst();
            for (int i = 0; i < 11; i++) {
                first.subscribe("s" + i, document("evidenceChanged"), Map.of());
            }
            Map<String, Object> refused = first.next(Duration.ofSeconds(10));
            assertThat(refused).containsEntry("type", "error").containsEntry("id", "s10");

            StringBuilder aliases = new StringBuilder();
            for (int i = 0; i < 31; i++) {
                aliases.append(" a").append(i).append(": eventId");
            }
            open.get(1).subscribe("priced", "subscription { evidenceChanged {" + aliases + " } }", Map.of());
            Map<String, Object> priced = open.get(1).next(Duration.ofSeconds(10));
            assertThat(priced).containsEntry("type", "next").containsEntry("id", "priced");
            assertThat(priced.get("payload").toString()).contains("maxAliases").doesNotContain("data=");
            assertThat(open.get(1).next(Duration.ofSeconds(5))).containsEntry("type", "complete");
        } finally {
            open.forEach(LiveClient::close);
        }
    }

    @Test
    void operationsOverTheConnectionRunAsItsCallerAndAreChargedToTheirRateLimitBudget() {
        try (LiveClient client = LiveClient.connect(port)) {
            client.init(token("eng"));
            client.subscribe("q", "{ me { kind } }", Map.of());
            Map<String, Object> answer = map(client.next(Duration.ofSeconds(10)).get("payload"));
            assertThat(map(answer.get("data"))).isEqualTo(Map.of("me", Map.of("kind", "PERSON")));
            assertThat(map(map(answer.get("extensions")).get("cost"))).containsKey("throttleStatus");
        }
    }

    @Test
    void aSubscriptionOverPlainHttpIsRefusedWithAClassifiedError() {
        String body = new String(
                postQuery(token("eng"), "subscription { reviewQueueChanged { change } }")
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                StandardCharsets.UTF_8);
        assertThat(body).contains("BAD_REQUEST", "served over WebSocket").doesNotContain("upstreamPublisher");
    }

    private String logAndSubmit(String authorToken) {
        String item = graphQl(authorToken)
                .documentName("readiness/logEvidence")
                .variable("competency", competencyIds.values().iterator().next())
                .variable("occurredOn", LocalDate.now().minusDays(3).toString())
                .execute()
                .path("logEvidence.evidence.id")
                .entity(String.class)
                .get();
        graphQl(authorToken)
                .documentName("readiness/submitEvidence")
                .variable("id", item)
                .execute()
                .path("submitEvidence.evidence.id")
                .hasValue();
        return item;
    }

    private void endorse(String item) {
        graphQl(token("boss"))
                .documentName("readiness/endorseEvidence")
                .variable("id", item)
                .execute()
                .path("endorseEvidence.evidence.status")
                .entity(String.class)
                .isEqualTo("ENDORSED");
    }

    private UUID writeOutboxRow(UUID evidence, UUID person, String version) throws Exception {
        return OutboxRows.write(
                tenant.uuid(),
                "evidence.changed",
                evidence,
                person,
                "{\"change\": \"UPDATED\", \"status\": \"SUBMITTED\", \"version\": \"" + version + "\"}");
    }

    /** Ends the listening connection from the server's side, as a database restart would. */
    private static void terminateListener() throws Exception {
        try (Connection admin = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement terminate = admin.prepareStatement("select count(pg_terminate_backend(pid)) from"
                        + " pg_stat_activity where datname = current_database() and application_name = ?")) {
            terminate.setString(1, org.trellis.api.outbox.OutboxListener.APPLICATION_NAME);
            try (var rows = terminate.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("listening connections ended").isPositive();
            }
        }
    }

    /** Waits until the caller's subscriptions are open and listening to the feed. */
    private void awaitSubscriptions(UUID tenantId, String subject, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sessions.active(tenantId, subject) < count && System.nanoTime() < end) {
            sleep(20);
        }
        assertThat(sessions.active(tenantId, subject)).as("subscriptions open").isEqualTo(count);
        sleep(200); // the stream subscribes to the feed right after it is counted
    }

    private static String document(String name) {
        try (InputStream in =
                LiveUpdatesIntegrationTest.class.getResourceAsStream("/graphql-test/live/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> message) {
        return (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Object field(Object map, String key) {
        return map(map).get(key);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.trellis.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;
import static org.trellis.persistence.jooq.Tables.OUTBOUND_DELIVERY;
import static org.trellis.persistence.jooq.Tables.OUTBOUND_SUBSCRIPTION;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trellis.api.outbound.NameResolver;
import org.trellis.api.outbound.OutboundHttp;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.support.IntegrationTest;

/**
 * Outbound webhooks end to end: a change's event reaches a real receiver on loopback, signed per Standard Webhooks
 * (checked by the receiver's own verifier); a relay killed mid-batch loses nothing and its successor repeats the
 * same webhook-ids; concurrent relays never send one attempt twice; failures are retried, a 410 disables the
 * subscription and announces it; rotation signs with both secrets.
 */
class OutboundWebhooksIntegrationTest extends IntegrationTest {

    @Autowired
    private Relay.Parts parts;

    @Autowired
    private SecretVault vault;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private org.springframework.context.ConfigurableApplicationContext context;

    private final List<Relay> relays = new java.util.ArrayList<>();
    private Receiver receiver;
    private TestTenant tenant;
    private String admin;
    private int people;
    private String secret;

    @BeforeEach
    void receiverAndTenant() throws Exception {
        receiver = new Receiver();
        tenant = newTenant("outbound");
        admin = tenant.admin();
        graphQl(admin).document("{ me { kind } }").execute();
    }

    @AfterEach
    void stop() {
        relays.forEach(Relay::close);
        receiver.close();
    }

    @Test
    void aChangesEventIsDeliveredSignedWithAStableWebhookId() {
        String subscription = subscribe(receiver.url(), "PERSON_PROVISIONED");
        provisionPeople(1);
        double delivered = counter("delivered");

        relay(Duration.ofMinutes(1)).pass();

        assertThat(receiver.received()).singleElement().satisfies(request -> {
            assertThat(request.verifiedBy()).hasSize(1);
            assertThat(request.webhookId()).startsWith("msg_");
            assertThat(request.body()).contains("\"type\" : \"person.provisioned\"", "\"subjectId\"", "\"timestamp\"");
            assertThat(request.body()).doesNotContain("@example.com");
            assertThat(Long.parseLong(request.timestamp()))
                    .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        });
        var log = graphQl(admin)
                .document("query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 10) { edges { node {"
                        + " webhookId status attempts lastResponseCode nextAttemptAt subscription { id } } } } }")
                .variable("s", subscription)
                .execute();
        log.path("webhookDeliveries.edges[0].node.status").entity(String.class).isEqualTo("DELIVERED");
        log.path("webhookDeliveries.edges[0].node.webhookId")
                .entity(String.class)
                .isEqualTo(receiver.received().getFirst().webhookId());
        log.path("webhookDeliveries.edges[0].node.lastResponseCode")
                .entity(Integer.class)
                .isEqualTo(200);
        log.path("webhookDeliveries.edges[0].node.subscription.id")
                .entity(String.class)
                .isEqualTo(subscription);
        assertThat(counter("delivered")).isGreaterThanOrEqualTo(delivered + 1);
        assertThat(meters.find("trellis.outbox.backlog").gauge()).isNotNull();
        assertThat(meters.find("trellis.outbox.oldest.age").gauge()).isNotNull();
    }

    @Test
    void anEventAnnouncedOnTheOutboxChannelWakesTheRelayWithoutWaitingForItsPoll() throws Exception {
        subscribe(receiver.url(), "PERSON_PROVISIONED");
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        // The schedule's poll never fires here (it is not a bean): only the channel's announcement can start a pass.
        try (NotificationConfiguration.RelaySchedule schedule = new NotificationConfiguration.RelaySchedule(
                relay(Duration.ofMinutes(1)), properties(Duration.ofMinutes(1)))) {
            context.addApplicationListener(org.springframework.context.ApplicationListener.forPayload(
                    (org.trellis.api.outbox.OutboxAnnounced announced) -> {
                        if (open.get() && announced.tenantId().equals(tenant.uuid())) {
                            schedule.announced();
                        }
                    }));
            provisionPeople(1);
            await(() -> receiver.received().size() == 1);
        } finally {
            open.set(false);
        }
    }

    @Test
    void aRelayKilledMidBatchLosesNothingAndItsSuccessorRepeatsTheSameWebhookIds() throws Exception {
        subscribe(receiver.url(), "PERSON_PROVISIONED");
        provisionPeople(5);
        receiver.holdRequests();
        Relay first = relay(Duration.ofSeconds(2));
        CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(first::pass);
        await(() -> receiver.received().size() == 5);

        first.close(); // dies with every attempt in flight: nothing recorded
        receiver.release();
        pass.get();
        assertThat(statuses()).containsOnlyKeys("PENDING");

        Thread.sleep(2_100); // the dead relay's leases end
        int recorded = relay(Duration.ofMinutes(1)).pass();

        assertThat(recorded).isGreaterThanOrEqualTo(5);
        assertThat(statuses()).isEqualTo(Map.of("DELIVERED", 5L));
        List<Receiver.Received> all = receiver.received();
        assertThat(all).hasSize(10).allSatisfy(r -> assertThat(r.verifiedBy()).hasSize(1));
        Map<String, Long> byId =
                all.stream().collect(Collectors.groupingBy(Receiver.Received::webhookId, Collectors.counting()));
        assertThat(byId).hasSize(5).allSatisfy((id, times) -> assertThat(times).isEqualTo(2L));
    }

    @Test
    void concurrentRelaysNeverSendTheSameAttemptTwice() throws Exception {
        subscribe(receiver.url(), "PERSON_PROVISIONED");
        provisionPeople(8);
        Relay one = relay(Duration.ofMinutes(1));
        Relay two = relay(Duration.ofMinutes(1));
        var a = CompletableFuture.supplyAsync(one::pass);
        var b = CompletableFuture.supplyAsync(two::pass);
        assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(8);
        assertThat(receiver.received()).hasSize(8);
        assertThat(receiver.received().stream()
                        .map(Receiver.Received::webhookId)
                        .distinct())
                .hasSize(8);
    }

    @Test
    void aFailedAttemptIsRetriedLaterAndA410DisablesTheSubscriptionAndAnnouncesIt() throws Exception {
        String failing = subscribe(receiver.url(), "PERSON_PROVISIONED");
        try (Receiver watcher = new Receiver()) {
            subscribe(watcher.url(), "WEBHOOK_ENDPOINT_DISABLED");
            provisionPeople(1);
            receiver.answer(500);
            double retrying = counter("retrying");
            relay(Duration.ofMinutes(1)).pass();
            assertThat(counter("retrying")).isGreaterThanOrEqualTo(retrying + 1);
            String delivery = graphQl(admin)
                    .document("query($s: ID!) { webhookDeliveries(subscriptionId: $s, first: 1) { edges { node {"
                            + " id status attempts lastResponseCode nextAttemptAt } } } }")
                    .variable("s", failing)
                    .execute()
                    .path("webhookDeliveries.edges[0].node.lastResponseCode")
                    .entity(Integer.class)
                    .isEqualTo(500)
                    .path("webhookDeliveries.edges[0].node.nextAttemptAt")
                    .hasValue()
                    .path("webhookDeliveries.edges[0].node.id")
                    .entity(String.class)
                    .get();

            receiver.answer(410);
            replay(delivery);
            relay(Duration.ofMinutes(1)).pass();
            relay(Duration.ofMinutes(1)).pass(); // delivers the announcement queued by the first pass

            graphQl(admin)
                    .document(
                            "query($id: ID!) { node(id: $id) { ... on WebhookSubscription { enabled disabledReason } } }")
                    .variable("id", failing)
                    .execute()
                    .path("node.enabled")
                    .entity(Boolean.class)
                    .isEqualTo(false)
                    .path("node.disabledReason")
                    .entity(String.class)
                    .isEqualTo("GONE");
            assertThat(watcher.received())
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("webhook_endpoint.disabled", "GONE"));
            int audited = inTenant(
                    tenant.uuid(),
                    db -> db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("webhook-subscription.disabled")));
            assertThat(audited).isEqualTo(1);
            graphQl(admin)
                    .document("mutation($id: ID!) { replayWebhookDelivery(input: {id: $id}) { userErrors { code } } }")
                    .variable("id", delivery)
                    .execute()
                    .path("replayWebhookDelivery.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("CONFLICT");
        }
    }

    @Test
    void aDeliveryStillFailingAfterTheRetryPeriodGivesUpAndDisablesItsSubscription() {
        String subscription = subscribe(receiver.url(), "PERSON_PROVISIONED");
        provisionPeople(1);
        receiver.answer(503);
        inTenant(
                tenant.uuid(),
                db -> db.update(OUTBOUND_DELIVERY)
                        .set(
                                OUTBOUND_DELIVERY.QUEUED_AT,
                                java.time.Instant.now().minus(Duration.ofHours(73)))
                        .execute());
        double gaveUp = counter("gave_up");

        relay(Duration.ofMinutes(1)).pass();

        assertThat(receiver.received()).hasSize(1);
        assertThat(statuses()).isEqualTo(Map.of("FAILED", 1L));
        assertThat(counter("gave_up")).isGreaterThanOrEqualTo(gaveUp + 1);
        graphQl(admin)
                .document("query($id: ID!) { node(id: $id) { ... on WebhookSubscription { enabled disabledReason } } }")
                .variable("id", subscription)
                .execute()
                .path("node.disabledReason")
                .entity(String.class)
                .isEqualTo("FAILING");
        provisionPeople(1);
        assertThat(statuses()).as("a disabled subscription queues nothing").isEqualTo(Map.of("FAILED", 1L));
    }

    @Test
    void aHostThatNowResolvesToAPrivateAddressIsRefusedAtDelivery() throws Exception {
        subscribe(receiver.url(), "PERSON_PROVISIONED");
        provisionPeople(1);
        inTenant(
                tenant.uuid(),
                db -> db.update(OUTBOUND_SUBSCRIPTION)
                        .set(OUTBOUND_SUBSCRIPTION.URL, "https://hooks.example.com/hook")
                        .execute());
        NameResolver rebound = host -> List.of(java.net.InetAddress.getByName("10.0.0.7"));

        relay(Duration.ofMinutes(1), false, rebound).pass();

        assertThat(receiver.received()).isEmpty();
        assertThat(statuses()).isEqualTo(Map.of("PENDING", 1L));
        String error = inTenant(
                tenant.uuid(),
                db -> db.select(OUTBOUND_DELIVERY.LAST_ERROR)
                        .from(OUTBOUND_DELIVERY)
                        .fetchSingle(OUTBOUND_DELIVERY.LAST_ERROR));
        assertThat(error).startsWith("Refused");
    }

    @Test
    void afterARotationBothSecretsSignUntilTheGraceEnds() {
        String subscription = subscribe(receiver.url(), "PERSON_PROVISIONED");
        String first = secret;
        String second = graphQl(admin)
                .document("mutation($id: ID!) { rotateWebhookSubscriptionSecret(input: {id: $id}) { secret"
                        + " webhookSubscription { previousSecretValidUntil } } }")
                .variable("id", subscription)
                .execute()
                .path("rotateWebhookSubscriptionSecret.secret")
                .entity(String.class)
                .get();
        receiver.secrets(first, second);
        provisionPeople(1);
        relay(Duration.ofMinutes(1)).pass();
        assertThat(receiver.received()).singleElement().satisfies(r -> {
            assertThat(r.signatures().split(" ")).hasSize(2);
            assertThat(r.verifiedBy()).containsExactlyInAnyOrder(first, second);
            assertThat(Receiver.verifies(
                            second,
                            r.webhookId(),
                            r.timestamp(),
                            r.body(),
                            r.signatures().split(" ")[0]))
                    .isTrue();
        });
    }

    @Test
    void urlsThatAreNotHttpsOrDoNotResolveAreRefusedAtRegistration() {
        for (String url :
                List.of("http://example.com/hook", "ftp://127.0.0.1/hook", "https://no-such-host.invalid/x")) {
            graphQl(admin)
                    .document("mutation($u: String!) { createWebhookSubscription(input: {url: $u, eventTypes:"
                            + " [PERSON_PROVISIONED]}) { webhookSubscription { id } userErrors { code field } } }")
                    .variable("u", url)
                    .execute()
                    .path("createWebhookSubscription.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("input", "url");
        }
        graphQl(admin)
                .document("mutation { createWebhookSubscription(input: {url: \"" + receiver.url()
                        + "\", eventTypes: []}) { userErrors { field } } }")
                .execute()
                .path("createWebhookSubscription.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "eventTypes");
    }

    @Test
    void theDeliveryLogWithItsSubscriptionsCostsAConstantNumberOfStatements() {
        subscribe(receiver.url(), "PERSON_PROVISIONED");
        subscribe("http://127.0.0.1:9/other", "PERSON_PROVISIONED");
        provisionPeople(1);
        int one = logStatements(2);
        provisionPeople(4);
        assertThat(logStatements(10)).isEqualTo(one);
    }

    private int logStatements(int expected) {
        sqlStatements.reset();
        graphQl(admin)
                .document("{ webhookDeliveries(first: 100) { edges { node { id subscription { id url } } } } }")
                .execute()
                .path("webhookDeliveries.edges")
                .entityList(Object.class)
                .hasSize(expected);
        return sqlStatements.executionCount();
    }

    private String subscribe(String url, String type) {
        var created = graphQl(admin)
                .document("mutation($u: String!, $t: WebhookEventType!) { createWebhookSubscription(input: {url: $u,"
                        + " eventTypes: [$t]}) { secret webhookSubscription { id } userErrors { message } } }")
                .variable("u", url)
                .variable("t", type)
                .execute();
        String secret = created.path("createWebhookSubscription.secret")
                .entity(String.class)
                .get();
        if (url.equals(receiver.url())) {
            receiver.secrets(secret);
            this.secret = secret;
        }
        return created.path("createWebhookSubscription.webhookSubscription.id")
                .entity(String.class)
                .get();
    }

    private void provisionPeople(int count) {
        for (int i = 0; i < count; i++) {
            graphQl(tenant.token("newcomer-" + (++people)))
                    .document("{ me { kind } }")
                    .execute();
        }
    }

    private void replay(String delivery) {
        graphQl(admin)
                .document("mutation($id: ID!) { replayWebhookDelivery(input: {id: $id}) { webhookDelivery { status }"
                        + " userErrors { code } } }")
                .variable("id", delivery)
                .execute()
                .path("replayWebhookDelivery.webhookDelivery.status")
                .entity(String.class)
                .isEqualTo("PENDING");
    }

    private Map<String, Long> statuses() {
        return inTenant(
                        tenant.uuid(),
                        db -> db.select(OUTBOUND_DELIVERY.STATUS)
                                .from(OUTBOUND_DELIVERY)
                                .fetch(OUTBOUND_DELIVERY.STATUS))
                .stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private double counter(String outcome) {
        var counter = meters.find("trellis.webhooks.outbound.deliveries")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A relay of its own, leasing attempts for {@code lease}, with a read timeout well inside it. */
    private Relay relay(Duration lease) {
        return relay(lease, true, NameResolver.SYSTEM);
    }

    private Relay relay(Duration lease, boolean allowLocal, NameResolver names) {
        OutboundHttp http = new OutboundHttp(
                new OutboundHttp.Limits(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(32), 200),
                allowLocal,
                names);
        Relay relay = new Relay(parts, new DeliverySender(http, vault), properties(lease));
        relays.add(relay);
        return relay;
    }

    private static NotificationProperties properties(Duration lease) {
        return new NotificationProperties(
                Duration.ofHours(72),
                Duration.ofSeconds(10),
                Duration.ofHours(1),
                Duration.ofHours(24),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                lease,
                20,
                200,
                Duration.ofSeconds(2),
                Duration.ofMillis(100),
                false,
                true,
                Duration.ofDays(30));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

package org.trellis.api.notifications;

import static org.trellis.persistence.jooq.Tables.OUTBOUND_SUBSCRIPTION;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.outbound.NameResolver;
import org.trellis.api.outbound.OutboundHttp;
import org.trellis.api.outbox.OutboxAnnounced;
import org.trellis.api.secrets.SealedSecretTable;
import org.trellis.api.secrets.SealedSecrets;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.shared.NodeResolver;

/**
 * The instance's relay and its HTTP client, and {@code node(id:)} for subscriptions and deliveries. {@code
 * trellis.security.allow-insecure-urls} (local and test profiles only) admits http to loopback and private
 * addresses, as for every outbound call.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    OutboundHttp webhookHttp(
            NotificationProperties properties,
            @Value("${trellis.security.allow-insecure-urls:false}") boolean allowInsecureUrls) {
        return new OutboundHttp(
                new OutboundHttp.Limits(
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        properties.connectTimeout().plus(properties.readTimeout()),
                        DeliverySender.EXCERPT),
                allowInsecureUrls,
                NameResolver.SYSTEM);
    }

    @Bean
    Relay.Parts relayParts(
            DueTenants due,
            DeliveryQueue queue,
            WebhookSubscriptions subscriptions,
            Outcomes outcomes,
            RelayMetrics metrics,
            TransactionTemplate transactions) {
        return new Relay.Parts(due, queue, subscriptions, outcomes, metrics, transactions);
    }

    @Bean(destroyMethod = "close")
    Relay relay(Relay.Parts parts, OutboundHttp webhookHttp, SecretVault vault, NotificationProperties properties) {
        return new Relay(parts, new DeliverySender(webhookHttp, vault), properties);
    }

    /** The subscriptions' sealed secrets (current and previous), for the re-encryption job. */
    @Bean
    SealedSecrets outboundSubscriptionSecrets(DSLContext db) {
        return new SealedSecretTable(
                db,
                "outbound-subscriptions",
                OUTBOUND_SUBSCRIPTION,
                OUTBOUND_SUBSCRIPTION.TENANT_ID,
                OUTBOUND_SUBSCRIPTION.ID,
                OUTBOUND_SUBSCRIPTION.SECRET_CIPHERTEXT,
                OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_CIPHERTEXT,
                OUTBOUND_SUBSCRIPTION.PREVIOUS_SECRET_EXPIRES_AT);
    }

    @Bean
    NodeResolver webhookSubscriptionNodes(WebhookSubscriptionService subscriptions) {
        return NodeResolver.of("WebhookSubscription", subscriptions::get);
    }

    @Bean
    NodeResolver webhookDeliveryNodes(WebhookDeliveryService deliveries) {
        return NodeResolver.of("WebhookDelivery", deliveries::get);
    }

    /**
     * Runs the instance's relay every poll interval, and soon after the outbox announces new events (they may have
     * fanned out to subscriptions): one pass at a time on this instance, at most one pass per wake-up gap (so a
     * stream of announcements, hundreds a second under write load, costs a few passes a second, not one each), and
     * an announcement during or right after a pass runs one more once the gap has passed. The backlog gauges are
     * read once per poll. Several instances relay side by side (claims never overlap).
     */
    @Component
    @ConditionalOnBooleanProperty(name = "trellis.webhooks.outbound.relay-enabled", matchIfMissing = true)
    static class RelaySchedule implements AutoCloseable {

        private static final Logger log = LoggerFactory.getLogger(RelaySchedule.class);

        private final Runnable pass;
        private final Runnable measureBacklog;
        private final long wakeGapNanos;
        private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("trellis-relay-wake").factory());
        private final AtomicBoolean wanted = new AtomicBoolean();
        private volatile long lastPass;

        @Autowired
        RelaySchedule(Relay relay, NotificationProperties properties) {
            this(relay::pass, relay::measureBacklog, properties.wakeGap());
        }

        RelaySchedule(Runnable pass, Runnable measureBacklog, Duration wakeGap) {
            this.pass = pass;
            this.measureBacklog = measureBacklog;
            this.wakeGapNanos = wakeGap.toNanos();
            this.lastPass = System.nanoTime() - wakeGapNanos;
        }

        @Scheduled(
                fixedDelayString = "${trellis.webhooks.outbound.poll-interval:2s}",
                initialDelayString = "${trellis.webhooks.outbound.poll-interval:2s}")
        void relay() {
            wake();
            wakeUps.execute(() -> guarded("measuring the backlog", measureBacklog));
        }

        @EventListener(OutboxAnnounced.class)
        void announced() {
            wake();
        }

        private void wake() {
            if (wanted.compareAndSet(false, true)) {
                long wait = Math.max(0, lastPass + wakeGapNanos - System.nanoTime());
                wakeUps.schedule(
                        () -> {
                            // The pass's time first: a wake-up that sees the pass no longer wanted also sees when it
                            // began, so it waits for the gap (the other order let one slip in between, unspaced).
                            lastPass = System.nanoTime();
                            wanted.set(false);
                            guarded("a pass", pass);
                        },
                        wait,
                        TimeUnit.NANOSECONDS);
            }
        }

        private static void guarded(String what, Runnable work) {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Outbound webhook relay failed {}: {}", what, e.toString());
            }
        }

        @Override
        public void close() {
            wakeUps.shutdownNow();
        }
    }
}

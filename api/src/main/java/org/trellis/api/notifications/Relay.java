package org.trellis.api.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;

/**
 * Delivers due outbound webhooks. A pass finds tenants with due deliveries ({@link DueTenants}, one statement), and
 * for each: claims a batch ({@link DeliveryQueue}), sends it concurrently (one virtual thread per attempt), records
 * each result as it comes ({@link Outcomes}), and recomputes the tenant's due row. Every database step is a short
 * transaction in the tenant's scope; no transaction is open during HTTP calls. Any number of relays may run (on one
 * or several instances): claims never overlap, and a relay that stops mid-pass records nothing more, its leased
 * attempts becoming due again when their leases end (at least once; a repeat carries the same webhook-id).
 */
final class Relay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final Parts parts;
    private final DeliverySender sender;
    private final NotificationProperties properties;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopped;

    Relay(Parts parts, DeliverySender sender, NotificationProperties properties) {
        this.parts = parts;
        this.sender = sender;
        this.properties = properties;
    }

    /** One pass; how many attempts it recorded. */
    int pass() {
        int recorded = 0;
        List<UUID> tenants = parts.transactions().execute(status -> parts.due().due(properties.tenantsPerPass()));
        for (UUID tenant : tenants) {
            if (stopped) {
                return recorded;
            }
            try {
                recorded += serve(tenant);
            } catch (RuntimeException e) {
                log.warn("Outbound webhook relay failed for tenant {}: {}", tenant, e.toString());
            }
        }
        return recorded;
    }

    /** Reads the pending deliveries across tenants into the backlog gauges. */
    void measureBacklog() {
        if (!stopped) {
            parts.metrics()
                    .backlog(parts.transactions().execute(status -> parts.due().backlog()));
        }
    }

    /** Stops at once, as if the process died: attempts in flight are abandoned and nothing more is recorded. */
    @Override
    public void close() {
        stopped = true;
        attempts.shutdownNow();
    }

    private int serve(UUID tenant) {
        Batch batch = inTenant(tenant, () -> {
            List<DeliveryQueue.Claim> claims = parts.queue().claim(properties.batchSize(), properties.lease());
            Map<UUID, WebhookSubscriptions.Keyed> keyed = claims.isEmpty()
                    ? Map.of()
                    : parts.subscriptions()
                            .keyed(claims.stream()
                                    .map(DeliveryQueue.Claim::subscriptionId)
                                    .distinct()
                                    .toList());
            return new Batch(claims, keyed);
        });
        List<Future<DeliverySender.Attempt>> sent =
                new ArrayList<>(batch.claims().size());
        for (DeliveryQueue.Claim claim : batch.claims()) {
            WebhookSubscriptions.Keyed subscription = batch.subscriptions().get(claim.subscriptionId());
            sent.add(attempts.submit(() -> sender.send(tenant, subscription, claim)));
        }
        int recorded = 0;
        for (int i = 0; i < sent.size(); i++) {
            DeliverySender.Attempt attempt = outcome(sent.get(i));
            if (stopped) {
                return recorded;
            }
            if (attempt == null) {
                continue; // left to its lease: tried again when it ends
            }
            DeliveryQueue.Claim claim = batch.claims().get(i);
            RelayMetrics.Outcome outcome =
                    CallerScope.inTenant(tenant, () -> parts.outcomes().record(tenant, claim, attempt));
            if (outcome != null) {
                parts.metrics().counted(outcome);
                recorded++;
            }
        }
        inTenant(tenant, () -> {
            parts.due().refresh(tenant);
            return null;
        });
        return recorded;
    }

    private DeliverySender.Attempt outcome(Future<DeliverySender.Attempt> attempt) {
        try {
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            if (!stopped) {
                log.warn("Outbound webhook attempt failed unexpectedly: {}", e.toString());
            }
            return null;
        }
    }

    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        return CallerScope.inTenant(tenant, () -> parts.transactions().execute(status -> work.get()));
    }

    private record Batch(List<DeliveryQueue.Claim> claims, Map<UUID, WebhookSubscriptions.Keyed> subscriptions) {}

    /** What a relay works with, beside its sender and settings: the same for every relay of an instance. */
    record Parts(
            DueTenants due,
            DeliveryQueue queue,
            WebhookSubscriptions subscriptions,
            Outcomes outcomes,
            RelayMetrics metrics,
            TransactionTemplate transactions) {}
}

package org.trellis.api.notifications;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorKind;
import org.trellis.api.shared.DomainEvent;
import org.trellis.api.shared.EventType;

/**
 * Records an attempt's result in the transaction's tenant: delivered; retried after a backoff; or given up, when the
 * retry period has passed (or the receiver answered 410 Gone), which disables the subscription, fails its other
 * pending deliveries, audits it, and tells the tenant through a {@code webhook_endpoint.disabled} event of its own
 * (which other subscriptions may receive).
 */
@Component
class Outcomes {

    /** Who disables a failing subscription, in the audit log. */
    static final String RELAY = "system:webhook-relay";

    private final DeliveryQueue queue;
    private final WebhookSubscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final Backoff backoff;

    Outcomes(
            DeliveryQueue queue,
            WebhookSubscriptions subscriptions,
            DeliveryLog deliveries,
            AuditTrail audit,
            ApplicationEventPublisher events,
            NotificationProperties properties) {
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.backoff = new Backoff(
                properties.firstRetry(),
                properties.maxRetryInterval(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** What became of an attempt; null when its claim was no longer current (another relay took it over). */
    @Transactional
    RelayMetrics.Outcome record(UUID tenantId, DeliveryQueue.Claim claim, DeliverySender.Attempt attempt) {
        if (attempt.delivered()) {
            return queue.delivered(claim, attempt.status()) ? RelayMetrics.Outcome.DELIVERED : null;
        }
        String error = String.valueOf(attempt.error());
        boolean gone = attempt.gone() && properties.disableOnGone();
        boolean expired = !claim.claimedAt().isBefore(claim.queuedAt().plus(properties.retryFor()));
        if (!gone && !expired) {
            Duration wait = Duration.between(claim.claimedAt(), backoff.next(claim.claimedAt(), claim.attempt()));
            return queue.retry(claim, attempt.status(), error, wait) ? RelayMetrics.Outcome.RETRYING : null;
        }
        if (!queue.failed(claim, attempt.status(), error)) {
            return null;
        }
        disable(tenantId, claim, gone ? "GONE" : "FAILING", attempt);
        return RelayMetrics.Outcome.GAVE_UP;
    }

    private void disable(UUID tenantId, DeliveryQueue.Claim claim, String reason, DeliverySender.Attempt attempt) {
        UUID subscription = claim.subscriptionId();
        if (!subscriptions.disable(subscription, reason)) {
            return;
        }
        deliveries.failPending(subscription, "Subscription disabled (" + reason + ").");
        events.publishEvent(new DomainEvent(
                tenantId,
                EventType.WEBHOOK_ENDPOINT_DISABLED,
                subscription,
                null,
                Map.of("reason", reason, "deliveryId", claim.id().toString())));
        audit.record(
                new Actor(ActorKind.SERVICE_CLIENT, tenantId, null, null, RELAY, Set.of(), Set.of()),
                tenantId,
                "webhook-subscription.disabled",
                "WebhookSubscription",
                subscription,
                Map.of("reason", reason, "delivery", claim.id(), "lastStatus", String.valueOf(attempt.status())));
    }
}

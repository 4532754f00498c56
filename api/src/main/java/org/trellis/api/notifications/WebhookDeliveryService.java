package org.trellis.api.notifications;

import graphql.execution.DataFetcherResult;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;
import org.trellis.api.shared.NotFoundException;
import org.trellis.graphql.KeysetWindows;

/**
 * The delivery log: tenant admins read it (status, attempts, last response, next attempt) and replay a delivery,
 * which queues the same event again for the same subscription, with the same webhook-id, due now and with a fresh
 * retry period.
 */
@Service
class WebhookDeliveryService {

    private final DeliveryLog deliveries;
    private final WebhookSubscriptions subscriptions;
    private final DueTenants due;
    private final AuditTrail audit;

    WebhookDeliveryService(
            DeliveryLog deliveries, WebhookSubscriptions subscriptions, DueTenants due, AuditTrail audit) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.due = due;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    DataFetcherResult<Window<WebhookDelivery>> list(
            Actor actor,
            @Nullable UUID subscriptionId,
            WebhookDelivery.@Nullable Status status,
            ScrollSubrange subrange) {
        NotificationPolicy.requireAdmin(actor);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        return deliveries.page(subscriptionId, status, page).window(page, DeliveryLog::keys);
    }

    @Transactional(readOnly = true)
    WebhookDelivery get(Actor actor, UUID id) {
        NotificationPolicy.requireAdmin(actor);
        return deliveries.findById(id).orElseThrow(() -> new NotFoundException("Webhook delivery"));
    }

    @Transactional
    WebhookDelivery replay(Actor actor, UUID id) {
        WebhookDelivery delivery = get(actor, id);
        WebhookSubscription subscription =
                subscriptions.findById(delivery.subscriptionId()).orElseThrow();
        if (!subscription.enabled()) {
            throw new ConflictException(
                    "The subscription is disabled; enable it before replaying its deliveries.", "input", "id");
        }
        WebhookDelivery queued = deliveries.requeue(id);
        due.refresh(actor.tenant());
        audit.record(
                actor,
                actor.tenant(),
                "webhook-delivery.replayed",
                "WebhookDelivery",
                id,
                Map.of("subscription", delivery.subscriptionId(), "previousStatus", delivery.status()));
        return queued;
    }
}

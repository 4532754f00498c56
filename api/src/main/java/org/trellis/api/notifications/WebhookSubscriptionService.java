package org.trellis.api.notifications;

import graphql.execution.DataFetcherResult;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.outbound.NameResolver;
import org.trellis.api.outbound.OutboundUrls;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.EventType;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.KeysetWindows;
import org.trellis.graphql.UserError.Code;

/**
 * Tenant admins subscribe endpoints to event types, edit, enable or disable them, rotate their secrets and delete
 * them. Trellis makes every secret up and shows it once. A URL must be https and resolve to public addresses when it
 * is registered (and is vetted again at every delivery). Disabling fails the subscription's pending deliveries.
 */
@Service
class WebhookSubscriptionService {

    private final WebhookSubscriptions subscriptions;
    private final DeliveryLog deliveries;
    private final DueTenants due;
    private final SecretVault vault;
    private final AuditTrail audit;
    private final NotificationProperties properties;
    private final boolean allowInsecureUrls;

    WebhookSubscriptionService(
            WebhookSubscriptions subscriptions,
            DeliveryLog deliveries,
            DueTenants due,
            SecretVault vault,
            AuditTrail audit,
            NotificationProperties properties,
            @Value("${trellis.security.allow-insecure-urls:false}") boolean allowInsecureUrls) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.due = due;
        this.vault = vault;
        this.audit = audit;
        this.properties = properties;
        this.allowInsecureUrls = allowInsecureUrls;
    }

    @Transactional(readOnly = true)
    DataFetcherResult<Window<WebhookSubscription>> list(Actor actor, ScrollSubrange subrange) {
        NotificationPolicy.requireAdmin(actor);
        KeysetWindows.Page page = KeysetWindows.page(subrange, 20, 100);
        return subscriptions.page(page).window(page, WebhookSubscriptions::keys);
    }

    @Transactional(readOnly = true)
    WebhookSubscription get(Actor actor, UUID id) {
        NotificationPolicy.requireAdmin(actor);
        return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("Webhook subscription"));
    }

    @Transactional(readOnly = true)
    List<WebhookSubscription> getAll(Actor actor, List<UUID> ids) {
        NotificationPolicy.requireAdmin(actor);
        return subscriptions.findAll(ids);
    }

    @Transactional
    Issued create(Actor actor, Edit edit) {
        NotificationPolicy.requireAdmin(actor);
        Validation validation = new Validation();
        String url = url(validation, edit.url());
        String description = validation.optionalText(edit.description(), 200, "input", "description");
        List<EventType> types = types(validation, edit.eventTypes());
        validation.throwIfInvalid();
        UUID id = UUID.randomUUID();
        String secret = Signing.generate();
        WebhookSubscription created = subscriptions.insert(
                actor.tenant(),
                id,
                url,
                description == null ? "" : description,
                types,
                vault.encrypt(actor.tenant(), id, secret),
                Signing.hint(secret));
        audit.record(
                actor, actor.tenant(), "webhook-subscription.created", "WebhookSubscription", id, summary(created));
        return new Issued(created, secret);
    }

    @Transactional
    WebhookSubscription update(Actor actor, UUID id, Edit edit, @Nullable Boolean enabled) {
        WebhookSubscription current = get(actor, id);
        Validation validation = new Validation();
        String url = edit.url() == null ? current.url() : url(validation, edit.url());
        String description = edit.description() == null
                ? current.description()
                : validation.optionalText(edit.description(), 200, "input", "description");
        List<EventType> types = edit.eventTypes() == null ? current.eventTypes() : types(validation, edit.eventTypes());
        validation.throwIfInvalid();
        boolean enable = enabled == null ? current.enabled() : enabled;
        Instant disabledAt = enable ? null : current.disabledAt() == null ? Instant.now() : current.disabledAt();
        String reason = enable ? null : current.disabledAt() == null ? "ADMIN" : current.disabledReason();
        WebhookSubscription updated =
                subscriptions.update(id, url, description == null ? "" : description, types, disabledAt, reason);
        if (!enable) {
            deliveries.failPending(id, "Subscription disabled (ADMIN).");
            due.refresh(actor.tenant());
        }
        audit.record(
                actor, actor.tenant(), "webhook-subscription.updated", "WebhookSubscription", id, summary(updated));
        return updated;
    }

    @Transactional
    Issued rotate(Actor actor, UUID id) {
        get(actor, id);
        String secret = Signing.generate();
        WebhookSubscription rotated = subscriptions.rotate(
                id,
                vault.encrypt(actor.tenant(), id, secret),
                Signing.hint(secret),
                Instant.now().plus(properties.rotationGrace()));
        audit.record(
                actor,
                actor.tenant(),
                "webhook-subscription.rotated",
                "WebhookSubscription",
                id,
                Map.of("previousValidUntil", String.valueOf(rotated.previousSecretValidUntil())));
        return new Issued(rotated, secret);
    }

    /** Deletes the subscription and its delivery log. */
    @Transactional
    UUID delete(Actor actor, UUID id) {
        get(actor, id);
        subscriptions.delete(id);
        due.refresh(actor.tenant());
        audit.record(actor, actor.tenant(), "webhook-subscription.deleted", "WebhookSubscription", id, Map.of());
        return id;
    }

    private String url(Validation validation, @Nullable String url) {
        String text = validation.text(url, 2000, "input", "url");
        if (text == null) {
            return "";
        }
        var problem = OutboundUrls.problem(text, allowInsecureUrls)
                .or(() -> OutboundUrls.unreachable(URI.create(text), NameResolver.SYSTEM, allowInsecureUrls));
        problem.ifPresent(message -> validation.reject(Code.INVALID, message, "input", "url"));
        return text;
    }

    private static List<EventType> types(Validation validation, @Nullable List<EventType> types) {
        if (types == null || types.isEmpty()) {
            validation.reject(Code.INVALID, "Choose at least one event type.", "input", "eventTypes");
            return List.of();
        }
        return types.stream().distinct().toList();
    }

    private static Map<String, Object> summary(WebhookSubscription subscription) {
        return Map.of(
                "host", String.valueOf(URI.create(subscription.url()).getHost()),
                "eventTypes",
                        subscription.eventTypes().stream()
                                .map(EventType::wireName)
                                .toList(),
                "enabled", subscription.enabled());
    }

    /** What an admin sets; null keeps the current value (on update). */
    record Edit(
            @Nullable String url,
            @Nullable String description,
            @Nullable List<EventType> eventTypes) {}

    /** A subscription and its new secret, shown this once. */
    record Issued(WebhookSubscription subscription, String secret) {}
}

package org.trellis.api.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trellis.api.audit.AuditTrail;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.NotFoundException;
import org.trellis.api.shared.Validation;
import org.trellis.graphql.UserError.Code;

/**
 * Tenant admins create, rotate and disable webhook endpoints. GitHub lets the hook's owner choose the secret, so
 * Trellis makes one up and shows it once; PagerDuty makes up its own, so the admin passes it in (on creation or in
 * a rotation). After a rotation the previous secret is still accepted for the configured grace period, because
 * the provider's side is changed by hand.
 */
@Service
class WebhookEndpointService {

    private final WebhookEndpoints endpoints;
    private final SecretVault secrets;
    private final WebhookProperties properties;
    private final AuditTrail audit;

    WebhookEndpointService(
            WebhookEndpoints endpoints, SecretVault secrets, WebhookProperties properties, AuditTrail audit) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<WebhookEndpoint> list(Actor actor) {
        WebhookPolicy.requireAdmin(actor);
        return endpoints.all();
    }

    @Transactional(readOnly = true)
    WebhookEndpoint get(Actor actor, UUID id) {
        WebhookPolicy.requireAdmin(actor);
        return endpoints.findById(id).orElseThrow(() -> new NotFoundException("Webhook endpoint"));
    }

    @Transactional
    Issued create(Actor actor, WebhookProvider provider, String name, @Nullable String secret) {
        WebhookPolicy.requireAdmin(actor);
        Validation validation = new Validation();
        String validName = validation.text(name, 200, "input", "name");
        String validSecret = secret(validation, secret);
        validation.throwIfInvalid();
        UUID id = UUID.randomUUID();
        String value = validSecret != null ? validSecret : SecretVault.generate();
        WebhookEndpoint created = endpoints.insert(
                actor.tenant(), id, provider, validName, secrets.encrypt(actor.tenant(), id, value), hint(value));
        audit.record(
                actor,
                actor.tenant(),
                "webhook-endpoint.created",
                "WebhookEndpoint",
                id,
                Map.of("provider", provider, "name", validName));
        return new Issued(created, validSecret == null ? value : null);
    }

    @Transactional
    Issued rotate(Actor actor, UUID id, @Nullable String secret) {
        WebhookEndpoint current = get(actor, id);
        Validation validation = new Validation();
        String validSecret = secret(validation, secret);
        validation.throwIfInvalid();
        String value = validSecret != null ? validSecret : SecretVault.generate();
        WebhookEndpoint rotated = endpoints.rotate(
                id,
                secrets.encrypt(actor.tenant(), id, value),
                hint(value),
                Instant.now().plus(properties.rotationGrace()));
        audit.record(
                actor,
                actor.tenant(),
                "webhook-endpoint.rotated",
                "WebhookEndpoint",
                id,
                Map.of("previousValidUntil", String.valueOf(rotated.previousSecretValidUntil())));
        return new Issued(rotated, validSecret == null ? value : null);
    }

    @Transactional
    WebhookEndpoint disable(Actor actor, UUID id) {
        get(actor, id);
        WebhookEndpoint disabled = endpoints.disable(id);
        audit.record(actor, actor.tenant(), "webhook-endpoint.disabled", "WebhookEndpoint", id, Map.of());
        return disabled;
    }

    private static @Nullable String secret(Validation validation, @Nullable String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() < 16 || secret.length() > 200 || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            validation.reject(Code.INVALID, "16 to 200 printable characters without spaces.", "input", "secret");
            return null;
        }
        return secret;
    }

    private static String hint(String secret) {
        return "…" + secret.substring(secret.length() - 4);
    }

    /** An endpoint and the secret Trellis made up for it (null when the admin supplied it). */
    record Issued(WebhookEndpoint endpoint, @Nullable String secret) {}
}

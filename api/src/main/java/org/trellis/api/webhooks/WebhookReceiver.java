package org.trellis.api.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.ratelimits.RateLimiter;
import org.trellis.api.ratelimits.Refusal;
import org.trellis.api.secrets.SecretVault;
import org.trellis.api.shared.CallerScope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one webhook delivery: finds the endpoint (the tenant comes from its path, checked against the stored
 * endpoint) and verifies the signature over the raw body with the endpoint's secret, in one short tenant transaction;
 * charges a verified delivery to its endpoint's rate limit (one that did not verify to its tenant's bucket of
 * unverified deliveries instead); and hands the parsed body to {@link DeliveryHandler} in a second transaction: a
 * failure stores nothing and the provider's retry starts over. A key that names no enabled endpoint charges nothing.
 */
@Service
class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final WebhookEndpoints endpoints;
    private final SecretVault secrets;
    private final DeliveryHandler handler;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final RateLimiter limits;

    WebhookReceiver(
            WebhookEndpoints endpoints,
            SecretVault secrets,
            DeliveryHandler handler,
            TransactionTemplate transactions,
            JsonMapper json,
            MeterRegistry meters,
            RateLimiter limits) {
        this.endpoints = endpoints;
        this.limits = limits;
        this.secrets = secrets;
        this.handler = handler;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
    }

    /** The headers a delivery's handling depends on. */
    record Delivery(
            @Nullable String githubEvent,
            @Nullable String githubDelivery,
            @Nullable String githubSignature,
            @Nullable String pagerDutySignature,
            byte[] body) {}

    Receipt receive(String key, Delivery delivery) {
        if (!KEY.matcher(key).matches()) {
            return count(null, Receipt.notFound());
        }
        UUID tenantId = uuid(key.substring(0, 32));
        UUID endpointId = uuid(key.substring(32));
        MDC.put("tenantId", tenantId.toString());
        try {
            Verdict verdict = inTenant(tenantId, () -> verify(tenantId, endpointId, delivery));
            if (verdict.provider() == null) {
                return count(null, Receipt.notFound()); // nothing charged: no bucket for a key that names nothing
            }
            if (!verdict.verified()) {
                Refusal flood = limits.unverifiedWebhook(tenantId);
                return count(verdict.provider(), flood == null ? Receipt.badSignature() : rateLimited(flood));
            }
            Refusal refused = limits.webhook(tenantId, endpointId);
            if (refused != null) {
                return count(verdict.provider(), rateLimited(refused));
            }
            return inTenant(tenantId, () -> handle(tenantId, endpointId, verdict.provider(), delivery));
        } finally {
            MDC.remove("tenantId");
        }
    }

    /** What the lookup and the signature check found: no provider when there is no such enabled endpoint. */
    private record Verdict(@Nullable WebhookProvider provider, boolean verified) {}

    private <T> T inTenant(UUID tenantId, java.util.function.Supplier<T> work) {
        return CallerScope.inTenant(tenantId, () -> transactions.execute(status -> work.get()));
    }

    private static Receipt rateLimited(Refusal refused) {
        return Receipt.rateLimited(refused.retryAfterSeconds(), refused.detail());
    }

    /**
     * Looks the endpoint up (one read by primary key) and verifies the signature over the raw body with its current
     * or previous secret. Nothing is charged yet: only what verified may spend the endpoint's budget.
     */
    private Verdict verify(UUID tenantId, UUID endpointId, Delivery delivery) {
        var keyed = endpoints.findKeyed(endpointId).orElse(null);
        if (keyed == null || keyed.endpoint().disabledAt() != null) {
            return new Verdict(null, false);
        }
        WebhookProvider provider = keyed.endpoint().provider();
        List<byte[]> valid = new ArrayList<>();
        valid.add(secrets.decrypt(tenantId, endpointId, keyed.secret()));
        if (keyed.previousSecret() != null) {
            try {
                valid.add(secrets.decrypt(tenantId, endpointId, keyed.previousSecret()));
            } catch (IllegalStateException e) {
                // Sealed with a key since replaced (see the webhook runbook): only the current secret verifies.
                log.warn("Previous secret of webhook endpoint {} does not decrypt; ignoring it", endpointId);
            }
        }
        String signature =
                provider == WebhookProvider.GITHUB ? delivery.githubSignature() : delivery.pagerDutySignature();
        if (!Signatures.verify(provider, signature, delivery.body(), valid)) {
            log.warn("Webhook delivery to endpoint {} refused: bad or missing signature", endpointId);
            return new Verdict(provider, false);
        }
        return new Verdict(provider, true);
    }

    private Receipt handle(UUID tenantId, UUID endpointId, WebhookProvider provider, Delivery delivery) {
        JsonNode body;
        try {
            body = json.readTree(delivery.body());
        } catch (JacksonException e) {
            return count(provider, Receipt.malformed("The body is not JSON."));
        }
        if (body == null || !body.isObject()) {
            return count(provider, Receipt.malformed("The body is not a JSON object."));
        }
        return count(
                provider,
                switch (provider) {
                    case GITHUB ->
                        handler.github(tenantId, endpointId, delivery.githubEvent(), delivery.githubDelivery(), body);
                    case PAGERDUTY -> handler.pagerDuty(tenantId, endpointId, body);
                });
    }

    /** Counts a delivery that failed on the server (the transaction rolled back: nothing was stored). */
    Receipt failed() {
        return count(null, new Receipt(500, "error", Map.of("error", "The delivery could not be processed; retry.")));
    }

    /** Counts a delivery refused because the database could not be reached: the provider retries later. */
    Receipt unavailable() {
        return count(null, new Receipt(503, "unavailable", Map.of("error", "Service unavailable; retry later.")));
    }

    private Receipt count(@Nullable WebhookProvider provider, Receipt receipt) {
        meters.counter(
                        "trellis.webhook.deliveries",
                        "provider",
                        provider == null ? "unknown" : provider.name().toLowerCase(Locale.ROOT),
                        "outcome",
                        receipt.outcome())
                .increment();
        return receipt;
    }

    private static UUID uuid(String hex) {
        return new UUID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }
}

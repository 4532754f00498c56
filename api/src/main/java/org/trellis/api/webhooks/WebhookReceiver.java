package org.trellis.api.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.trellis.api.shared.CallerScope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives one webhook delivery: finds the endpoint (the tenant comes from its path, checked against the stored
 * endpoint), verifies the signature over the raw body with the endpoint's secret, claims the delivery id so a
 * replay does nothing, and attributes what it shows. All in one tenant transaction: a failure stores nothing and
 * the provider's retry starts over.
 */
@Service
class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookSecrets secrets;
    private final Attribution attribution;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;

    WebhookReceiver(
            WebhookEndpoints endpoints,
            WebhookDeliveries deliveries,
            WebhookSecrets secrets,
            Attribution attribution,
            TransactionTemplate transactions,
            JsonMapper json,
            MeterRegistry meters) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.attribution = attribution;
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
            return CallerScope.inTenant(
                    tenantId, () -> transactions.execute(status -> handle(tenantId, endpointId, delivery)));
        } finally {
            MDC.remove("tenantId");
        }
    }

    private Receipt handle(UUID tenantId, UUID endpointId, Delivery delivery) {
        var keyed = endpoints.findKeyed(endpointId).orElse(null);
        if (keyed == null || keyed.endpoint().disabledAt() != null) {
            return count(null, Receipt.notFound());
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
            return count(provider, Receipt.badSignature());
        }
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
                    case GITHUB -> github(tenantId, endpointId, delivery, body);
                    case PAGERDUTY -> pagerDuty(tenantId, endpointId, body);
                });
    }

    private Receipt github(UUID tenantId, UUID endpointId, Delivery delivery, JsonNode body) {
        String event = delivery.githubEvent();
        String id = delivery.githubDelivery();
        if (event == null
                || event.isBlank()
                || event.length() > 100
                || id == null
                || id.isBlank()
                || id.length() > 200) {
            return Receipt.malformed("X-GitHub-Event and X-GitHub-Delivery are required.");
        }
        if (!deliveries.claim(tenantId, endpointId, id, event)) {
            return Receipt.duplicate();
        }
        endpoints.delivered(endpointId);
        GitHubEvents.Parsed parsed = GitHubEvents.parse(event, body);
        return finish(tenantId, endpointId, WebhookProvider.GITHUB, id, parsed.observations(), parsed.ignored());
    }

    private Receipt pagerDuty(UUID tenantId, UUID endpointId, JsonNode body) {
        String id = GitHubEvents.text(body.path("event"), "id");
        String type = GitHubEvents.text(body.path("event"), "event_type");
        if (id == null || id.length() > 200 || type == null || type.length() > 100) {
            return Receipt.malformed("A PagerDuty v3 event with event.id and event.event_type is expected.");
        }
        if (!deliveries.claim(tenantId, endpointId, id, type)) {
            return Receipt.duplicate();
        }
        endpoints.delivered(endpointId);
        PagerDutyEvents.IncidentEvent event = PagerDutyEvents.parse(body);
        if (event == null) {
            return finish(tenantId, endpointId, WebhookProvider.PAGERDUTY, id, List.of(), type + " is not captured");
        }
        deliveries.addResponders(tenantId, endpointId, event.incidentId(), event.people());
        if (!event.resolved()) {
            return finish(
                    tenantId,
                    endpointId,
                    WebhookProvider.PAGERDUTY,
                    id,
                    List.of(),
                    event.people().size() + " responder(s) noted until the incident is resolved");
        }
        List<Observation> responses = deliveries.responders(endpointId, event.incidentId()).stream()
                .map(event::responseBy)
                .toList();
        return finish(
                tenantId,
                endpointId,
                WebhookProvider.PAGERDUTY,
                id,
                responses,
                responses.isEmpty() ? "no responders named" : null);
    }

    private Receipt finish(
            UUID tenantId,
            UUID endpointId,
            WebhookProvider provider,
            String deliveryId,
            List<Observation> observations,
            @Nullable String ignored) {
        Map<Attribution.Result, Integer> counts = new EnumMap<>(Attribution.Result.class);
        for (Observation observation : observations) {
            Attribution.Result result = attribution
                    .attribute(tenantId, endpointId, provider, observation)
                    .result();
            counts.merge(result, 1, Integer::sum);
            meters.counter(
                            "trellis.webhook.observations",
                            "provider",
                            provider.name().toLowerCase(Locale.ROOT),
                            "result",
                            result.name().toLowerCase(Locale.ROOT))
                    .increment();
        }
        String reason = ignored != null ? ignored : counts.toString();
        String detail = reason.length() <= 500 ? reason : reason.substring(0, 500);
        deliveries.finish(endpointId, deliveryId, observations.isEmpty() ? "IGNORED" : "CAPTURED", detail);
        log.info("Webhook delivery {} to endpoint {}: {}", deliveryId, endpointId, detail);
        return observations.isEmpty() ? Receipt.ignored(detail) : Receipt.processed(counts);
    }

    /** Counts a delivery that failed on the server (the transaction rolled back: nothing was stored). */
    Receipt failed() {
        return count(null, new Receipt(500, "error", Map.of("error", "The delivery could not be processed; retry.")));
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

    /** The HTTP answer to a delivery. */
    record Receipt(int status, String outcome, Map<String, Object> body) {

        static Receipt notFound() {
            return new Receipt(404, "not_found", Map.of("error", "No such webhook endpoint."));
        }

        static Receipt badSignature() {
            return new Receipt(401, "bad_signature", Map.of("error", "The signature does not verify."));
        }

        static Receipt malformed(String message) {
            return new Receipt(400, "malformed", Map.of("error", message));
        }

        static Receipt duplicate() {
            return new Receipt(200, "duplicate", Map.of("status", "duplicate"));
        }

        static Receipt ignored(String reason) {
            return new Receipt(200, "ignored", Map.of("status", "ignored", "reason", reason));
        }

        static Receipt processed(Map<Attribution.Result, Integer> counts) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("status", "processed");
            counts.forEach((result, count) -> body.put(result.name().toLowerCase(Locale.ROOT), count));
            return new Receipt(200, "processed", body);
        }
    }
}

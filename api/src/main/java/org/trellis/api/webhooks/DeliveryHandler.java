package org.trellis.api.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A verified delivery, handled in the receiver's tenant transaction: its delivery id is claimed (a replay does
 * nothing), what it shows is parsed ({@link GitHubEvents}, {@link PagerDutyEvents}) and each observation attributed.
 */
@Component
class DeliveryHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Attribution attribution;
    private final MeterRegistry meters;

    DeliveryHandler(
            WebhookEndpoints endpoints, WebhookDeliveries deliveries, Attribution attribution, MeterRegistry meters) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attribution = attribution;
        this.meters = meters;
    }

    /** A GitHub delivery: its event and delivery id come from the headers. */
    Receipt github(UUID tenantId, UUID endpointId, @Nullable String event, @Nullable String id, JsonNode body) {
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

    /** A PagerDuty v3 delivery: its id and type come from the body. */
    Receipt pagerDuty(UUID tenantId, UUID endpointId, JsonNode body) {
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
}

package org.trellis.api.webhooks;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trellis.api.housekeeping.HousekeepingProperties;
import org.trellis.api.shared.TenantPurge;

/**
 * The webhook module's housekeeping: the delivery log after {@code retention.webhook-deliveries} (default 30 days,
 * at least 7: a replay of an older delivery is processed again, and what it captures is still deduplicated by the
 * work's external id), and unmatched events an admin dismissed, {@code retention.dismissed-unmatched-events} after
 * the dismissal (default 90 days; pending and mapped events are kept).
 */
@Configuration(proxyBeanMethods = false)
class WebhookPurges {

    @Bean
    TenantPurge webhookDeliveryPurge(WebhookDeliveries deliveries, HousekeepingProperties properties) {
        return new Purge(
                "webhook-deliveries",
                (now, limit) -> deliveries.deleteReceivedBefore(
                        now.minus(properties.retention().webhookDeliveries()), limit));
    }

    @Bean
    TenantPurge dismissedUnmatchedEventPurge(UnmatchedEvents events, HousekeepingProperties properties) {
        return new Purge(
                "dismissed-unmatched-events",
                (now, limit) -> events.deleteDismissedBefore(
                        now.minus(properties.retention().dismissedUnmatchedEvents()), limit));
    }

    private interface Deletion {
        int delete(Instant now, int limit);
    }

    private record Purge(String name, Deletion deletion) implements TenantPurge {

        @Override
        public int purge(Instant now, int batchSize) {
            return deletion.delete(now, batchSize);
        }
    }
}

package org.trellis.api.notifications;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.TenantPurge;

/**
 * Deletes finished (delivered or failed) deliveries older than {@code trellis.webhooks.outbound.retention} from the
 * delivery log; pending ones are never purged.
 */
@Component
class DeliveryPurge implements TenantPurge {

    private final DeliveryLog deliveries;
    private final NotificationProperties properties;

    DeliveryPurge(DeliveryLog deliveries, NotificationProperties properties) {
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "outbound-webhook-deliveries";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        return deliveries.deleteFinishedBefore(now.minus(properties.retention()), batchSize);
    }
}

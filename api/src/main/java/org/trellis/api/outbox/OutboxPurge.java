package org.trellis.api.outbox;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.trellis.api.housekeeping.HousekeepingProperties;
import org.trellis.api.shared.TenantPurge;

/**
 * Deletes outbox events older than {@code trellis.housekeeping.retention.outbox-events} (default 7 days, at least
 * 96 h): longer than outbound webhooks retry an event (72 h), so an event is gone only after its deliveries ended.
 */
@Component
class OutboxPurge implements TenantPurge {

    private final Outbox outbox;
    private final HousekeepingProperties properties;

    OutboxPurge(Outbox outbox, HousekeepingProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "outbox-events";
    }

    @Override
    public int purge(Instant now, int batchSize) {
        return outbox.deleteOldest(now.minus(properties.retention().outboxEvents()), batchSize);
    }
}

package org.trellis.api.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Published on this instance, on the outbox listener's thread, when events of a tenant were announced on
 * {@code trellis_outbox} (they committed, on any instance), by id, in the order announced. Listeners must return
 * quickly.
 */
public record OutboxAnnounced(UUID tenantId, List<UUID> ids) {

    public OutboxAnnounced {
        ids = List.copyOf(ids);
    }
}

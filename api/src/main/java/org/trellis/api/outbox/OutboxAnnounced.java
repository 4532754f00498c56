package org.trellis.api.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Published on this instance, on the outbox listener's thread, when events of a tenant were announced on
 * {@code trellis_outbox} (they committed, on any instance), in the order announced. Listeners must return quickly.
 */
public record OutboxAnnounced(UUID tenantId, List<Announcement> events) {

    public OutboxAnnounced {
        events = List.copyOf(events);
    }

    /** One announced event: its id and its place in the order of the outbox. */
    public record Announcement(UUID id, long seq) {}
}

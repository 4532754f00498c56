/**
 * The transactional outbox: every {@link org.trellis.api.shared.DomainEvent} published inside a write is stored in
 * that write's transaction, and once it has committed a notification on the {@code trellis_outbox} channel names it
 * to every instance ({@link org.trellis.api.outbox.OutboxAnnouncer}). Outbound webhooks and live subscriptions read their events from here, never from memory.
 */
@NullMarked
package org.trellis.api.outbox;

import org.jspecify.annotations.NullMarked;

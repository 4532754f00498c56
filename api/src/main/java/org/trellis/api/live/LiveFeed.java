package org.trellis.api.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.trellis.api.outbox.Outbox;
import org.trellis.api.outbox.OutboxAnnounced;
import org.trellis.api.outbox.OutboxEvent;
import org.trellis.api.outbox.OutboxListening;
import org.trellis.api.shared.CallerScope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Each tenant's stream of committed outbox events on this instance. Fed only by the outbox listener's announcements
 * ({@link OutboxAnnounced}, {@link OutboxListening}: one thread), which name events; they are loaded from the outbox under the tenant's scope, and only for tenants somebody here
 * is subscribed to. Remembers the last {@code seq} seen per tenant, so a reconnected listener catches up from there,
 * and the ids it recently emitted, so an event caught up and also announced is emitted once.
 */
@Component
class LiveFeed {

    static final int CATCH_UP_PAGE = 500;

    private final Outbox outbox;
    private final Map<UUID, Sinks.Many<OutboxEvent>> sinks = new ConcurrentHashMap<>();
    private final Map<UUID, Long> lastSeq = new ConcurrentHashMap<>();
    private final Cache<UUID, Boolean> emitted =
            Caffeine.newBuilder().maximumSize(10_000).build();

    LiveFeed(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The tenant's events from now on, as they commit. The first subscriber of a tenant on this instance notes the
     * tenant's last {@code seq}, from where a catch-up would start.
     */
    Flux<OutboxEvent> events(UUID tenantId) {
        return Flux.defer(() -> {
            if (!lastSeq.containsKey(tenantId)) { // read outside the map's lock: it is a database call
                lastSeq.putIfAbsent(tenantId, CallerScope.inTenant(tenantId, outbox::lastSeq));
            }
            return sink(tenantId).asFlux();
        });
    }

    /** Announced events of one tenant, in the order announced. */
    @EventListener
    void announced(OutboxAnnounced announced) {
        UUID tenantId = announced.tenantId();
        if (!watched(tenantId)) {
            return;
        }
        List<OutboxEvent> events = CallerScope.inTenant(tenantId, () -> outbox.findAll(announced.ids()));
        events.forEach(event -> seen(tenantId, event.seq()));
        emit(tenantId, events);
    }

    @EventListener(OutboxListening.class)
    void listening() {
        catchUp();
    }

    /**
     * After the listener (re)connected: every watched tenant's events after the last one seen (or noted when the
     * tenant's first subscriber came).
     */
    void catchUp() {
        for (UUID tenantId : List.copyOf(sinks.keySet())) {
            Long last = lastSeq.get(tenantId);
            if (!watched(tenantId) || last == null) {
                continue;
            }
            long from = last;
            List<OutboxEvent> page;
            do {
                long after = from;
                page = CallerScope.inTenant(tenantId, () -> outbox.after(after, CATCH_UP_PAGE));
                emit(tenantId, page);
                if (!page.isEmpty()) {
                    from = page.getLast().seq();
                    seen(tenantId, from);
                }
            } while (page.size() == CATCH_UP_PAGE);
        }
    }

    private void emit(UUID tenantId, List<OutboxEvent> events) {
        Sinks.Many<OutboxEvent> sink = sink(tenantId);
        for (OutboxEvent event : events) {
            if (emitted.asMap().putIfAbsent(event.id(), Boolean.TRUE) == null) {
                sink.tryEmitNext(event);
            }
        }
    }

    private boolean watched(UUID tenantId) {
        Sinks.Many<OutboxEvent> sink = sinks.get(tenantId);
        return sink != null && sink.currentSubscriberCount() > 0;
    }

    private void seen(UUID tenantId, long seq) {
        lastSeq.merge(tenantId, seq, Math::max);
    }

    private Sinks.Many<OutboxEvent> sink(UUID tenantId) {
        return sinks.computeIfAbsent(tenantId, id -> Sinks.many().multicast().directBestEffort());
    }
}

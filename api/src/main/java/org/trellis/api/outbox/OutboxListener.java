package org.trellis.api.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.trellis.persistence.ChannelListener;

/**
 * Listens on {@code trellis_outbox} (where {@link OutboxAnnouncer}s name committed events) over one dedicated
 * connection (not from the pool, as the runtime role) and publishes what it hears on this instance: {@link OutboxAnnounced} per tenant for announced events, and
 * {@link OutboxListening} whenever it listens (again), so consumers (live subscriptions, the outbound relay) catch up
 * with what committed while it was away. It reconnects with a backoff of 1 s doubling to 30 s.
 */
@Component
public class OutboxListener implements SmartLifecycle, ChannelListener.Handler {

    public static final String CHANNEL = "trellis_outbox";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "trellis-outbox-listener";

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final ApplicationEventPublisher events;
    private final ChannelListener listener;

    OutboxListener(ApplicationEventPublisher events, Environment environment) {
        this.events = events;
        this.listener = new ChannelListener(
                CHANNEL,
                new ChannelListener.Connect(
                        environment.getRequiredProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username"),
                        environment.getProperty("spring.datasource.password"),
                        APPLICATION_NAME),
                this,
                Duration.ofSeconds(30),
                "Live updates paused");
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    /** Listening already: whatever commits from here on is announced too, so catching up misses nothing. */
    @Override
    public void listening() {
        events.publishEvent(new OutboxListening());
    }

    /** Each payload is a tenant's id and its events' ids, separated by spaces ({@link OutboxAnnouncer}). */
    @Override
    public void notified(List<String> payloads) {
        Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
        for (String payload : payloads) {
            try {
                String[] parts = payload.split(" ");
                List<UUID> ids = new ArrayList<>(parts.length - 1);
                for (int i = 1; i < parts.length; i++) {
                    ids.add(UUID.fromString(parts[i]));
                }
                byTenant.computeIfAbsent(UUID.fromString(parts[0]), t -> new ArrayList<>())
                        .addAll(ids);
            } catch (RuntimeException e) {
                log.warn("Ignored an outbox notification that is not ours to read.");
            }
        }
        byTenant.forEach((tenantId, ids) -> {
            try {
                events.publishEvent(new OutboxAnnounced(tenantId, ids));
            } catch (RuntimeException e) {
                log.warn("Handling one tenant's announced outbox events failed: {}", e.getMessage());
            }
        });
    }
}

package org.trellis.api.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.trellis.persistence.ChannelListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on {@code trellis_outbox} over one dedicated connection (not from the pool, as the runtime role) and hands
 * each announced event to {@link LiveFeed}. When the connection fails (the database restarted) it reconnects with a
 * backoff of 1 s doubling to 30 s, and once listening again has the feed catch up from the last event seen, so
 * subscribers miss nothing committed while it was away.
 */
@Component
class OutboxListener implements SmartLifecycle, ChannelListener.Handler {

    static final String CHANNEL = "trellis_outbox";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "trellis-outbox-listener";

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final LiveFeed feed;
    private final JsonMapper json;
    private final ChannelListener listener;

    OutboxListener(LiveFeed feed, JsonMapper json, Environment environment) {
        this.feed = feed;
        this.json = json;
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
        feed.catchUp();
    }

    @Override
    public void notified(List<String> payloads) {
        Map<UUID, List<LiveFeed.Notice>> byTenant = new LinkedHashMap<>();
        for (String payload : payloads) {
            LiveFeed.Notice notice = parse(payload);
            if (notice != null) {
                byTenant.computeIfAbsent(notice.tenantId(), t -> new ArrayList<>())
                        .add(notice);
            }
        }
        byTenant.forEach((tenantId, notices) -> {
            try {
                feed.announced(tenantId, notices);
            } catch (RuntimeException e) {
                log.warn("Live updates of one tenant's events failed: {}", e.getMessage());
            }
        });
    }

    private LiveFeed.@org.jspecify.annotations.Nullable Notice parse(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            return new LiveFeed.Notice(
                    UUID.fromString(node.get("tenantId").asString()),
                    UUID.fromString(node.get("id").asString()),
                    node.get("seq").asLong());
        } catch (RuntimeException e) {
            log.warn("Ignored an outbox notification that is not ours to read.");
            return null;
        }
    }
}

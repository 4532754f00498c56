package org.trellis.api.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on {@code trellis_outbox} over one dedicated connection (not from the pool, as the runtime role) and hands
 * each announced event to {@link LiveFeed}. When the connection fails (the database restarted) it reconnects with a
 * backoff of 1 s doubling to 30 s, and once listening again has the feed catch up from the last event seen, so
 * subscribers miss nothing committed while it was away.
 */
@Component
class OutboxListener implements SmartLifecycle {

    static final String CHANNEL = "trellis_outbox";
    /** The listening connection's {@code application_name}, to find it in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "trellis-outbox-listener";

    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);
    private static final int POLL_MILLIS = 250;
    private static final long CHECK_NANOS = 1_000_000_000L;
    private static final long MIN_BACKOFF_MILLIS = 1000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final LiveFeed feed;
    private final JsonMapper json;
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private volatile boolean running;
    private boolean listened;
    private @Nullable Thread thread;

    OutboxListener(LiveFeed feed, JsonMapper json, Environment environment) {
        this.feed = feed;
        this.json = json;
        this.url = environment.getRequiredProperty("spring.datasource.url");
        this.user = environment.getProperty("spring.datasource.username");
        this.password = environment.getProperty("spring.datasource.password");
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("trellis-outbox-listener").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials())) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates paused: listening for outbox events failed: {}", e.getMessage());
                }
            }
            if (listened) {
                listened = false;
                backoff = MIN_BACKOFF_MILLIS;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        listened = true;
        feed.catchUp(); // listening already: whatever commits from here on is announced too
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                deliver(received);
            }
            if (System.nanoTime() - checked > CHECK_NANOS) {
                if (!connection.isValid(1)) {
                    throw new SQLException("The listening connection is no longer valid.");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void deliver(PGNotification[] received) {
        Map<UUID, List<LiveFeed.Notice>> byTenant = new LinkedHashMap<>();
        for (PGNotification notification : received) {
            LiveFeed.Notice notice = parse(notification.getParameter());
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

    private LiveFeed.@Nullable Notice parse(String payload) {
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

    private Properties credentials() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.trellis.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated connection (outside the pool) that {@code LISTEN}s on a PostgreSQL channel and hands each
 * notification's payload to its handler, on a thread of its own. It checks the connection every second; when the
 * connection fails it tells the handler, waits (1 s, doubling up to {@code maxBackoff}) and connects again, then tells
 * the handler it listens again, so the handler can catch up with what it may have missed in between.
 */
public final class ChannelListener {

    /** What a listener does with its channel. Callbacks run on the listener's thread. */
    public interface Handler {

        /** The connection is up and listening (again): notifications from here on arrive. */
        default void listening() {}

        /** One notification's payload, in commit order. */
        void notified(List<String> payloads);

        /** The connection is down, or the listener stopped: notifications may be missed until {@link #listening}. */
        default void lost() {}
    }

    /** Where and as whom to connect; {@code applicationName} shows the connection in {@code pg_stat_activity}. */
    public record Connect(
            String url, @Nullable String user, @Nullable String password, String applicationName) {}

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 250;
    private static final long CHECK_NANOS = 1_000_000_000L;
    private static final long MIN_BACKOFF_MILLIS = 1000;

    private final String channel;
    private final Connect connect;
    private final Handler handler;
    private final long maxBackoffMillis;
    private final String lostMessage;
    private volatile boolean running;
    private @Nullable Thread thread;

    /**
     * @param lostMessage logged (WARN, with the failure's message) when the connection fails: what stops meanwhile
     */
    public ChannelListener(String channel, Connect connect, Handler handler, Duration maxBackoff, String lostMessage) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        this.channel = channel;
        this.connect = Objects.requireNonNull(connect);
        this.handler = Objects.requireNonNull(handler);
        this.maxBackoffMillis = Math.max(MIN_BACKOFF_MILLIS, maxBackoff.toMillis());
        this.lostMessage = lostMessage;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name(connect.applicationName()).start(this::run);
    }

    public synchronized void stop() {
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
        handler.lost();
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = MIN_BACKOFF_MILLIS;
        while (running) {
            boolean listened = false;
            try (Connection connection = DriverManager.getConnection(connect.url(), credentials())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listened = true;
                handler.listening();
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("{}: listening on {} failed: {}", lostMessage, channel, e.getMessage());
                }
            } finally {
                handler.lost();
            }
            backoff = listened ? MIN_BACKOFF_MILLIS : Math.min(backoff * 2, maxBackoffMillis);
            sleep(backoff);
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null && received.length > 0) {
                List<String> payloads = new java.util.ArrayList<>(received.length);
                for (PGNotification notification : received) {
                    payloads.add(notification.getParameter());
                }
                handler.notified(payloads);
            }
            if (System.nanoTime() - checked > CHECK_NANOS) {
                if (!connection.isValid(1)) {
                    throw new SQLException("The listening connection is no longer valid.");
                }
                checked = System.nanoTime();
            }
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        if (connect.user() != null) {
            properties.setProperty("user", connect.user());
        }
        if (connect.password() != null) {
            properties.setProperty("password", connect.password());
        }
        properties.setProperty("ApplicationName", connect.applicationName());
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

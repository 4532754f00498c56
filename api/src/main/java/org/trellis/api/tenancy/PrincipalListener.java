package org.trellis.api.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.shared.PrincipalChanges.PrincipalsChanged;

/**
 * Listens on {@link PrincipalChanges#CHANNEL} over one dedicated connection (not from the pool, as the runtime role)
 * and drops the cached sign-ins of each tenant announced there. While the connection is down the sign-in cache is
 * off, so no instance serves a sign-in another instance has revoked; it reconnects every second.
 */
@Component
class PrincipalListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PrincipalListener.class);
    private static final int POLL_MILLIS = 250;
    private static final long CHECK_NANOS = 1_000_000_000L;
    private static final long RECONNECT_MILLIS = 1000;

    private final IssuerAuthenticationManagers managers;
    private final ApplicationEventPublisher events;
    private final String url;
    private final @Nullable String user;
    private final @Nullable String password;
    private volatile boolean running;
    private @Nullable Thread thread;

    PrincipalListener(
            IssuerAuthenticationManagers managers, ApplicationEventPublisher events, Environment environment) {
        this.managers = managers;
        this.events = events;
        this.url = environment.getRequiredProperty("spring.datasource.url");
        this.user = environment.getProperty("spring.datasource.username");
        this.password = environment.getProperty("spring.datasource.password");
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("trellis-principal-listener").start(this::run);
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
        managers.principals().listening(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Sign-in cache off: listening for principal changes failed: {}", e.getMessage());
                }
            } finally {
                managers.principals().listening(false);
            }
            sleep(RECONNECT_MILLIS);
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + PrincipalChanges.CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        managers.principals().listening(true);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
            if (received != null) {
                for (PGNotification notification : received) {
                    changed(notification.getParameter());
                }
            }
            if (System.nanoTime() - checked > CHECK_NANOS) {
                if (!connection.isValid(1)) {
                    throw new SQLException("The listening connection is no longer valid.");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void changed(String payload) {
        try {
            events.publishEvent(new PrincipalsChanged(UUID.fromString(payload)));
        } catch (IllegalArgumentException e) {
            managers.principals().evictAll(); // not ours to read: forget everything
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

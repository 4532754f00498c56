package org.trellis.api.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tomcat.websocket.Constants;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ConflictException;

/**
 * This instance's WebSocket connections: who each belongs to, how many subscriptions it holds (the gauge
 * {@code trellis.subscriptions.active}), the limits of {@link LiveProperties}, closing a connection when its token
 * expires (4401 "Token expired"), and closing every connection with 1001 (going away) when the application stops.
 * Stops before the web server does (the highest phase), so clients see a clean close and reconnect elsewhere.
 */
@Component
class LiveSessions implements SmartLifecycle {

    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "Token expired");
    static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4429, "Too many connections");
    static final CloseStatus SIGNED_OUT = new CloseStatus(4403, "Sign-in changed");

    /**
     * How long Tomcat may take to write a close frame other than 1000 before it drops the connection without one: 50 ms
     * by default, which a loaded instance misses, and the client then sees 1006 instead of why it was closed (4401,
     * 4403, 4429). The time counts from when the close starts, so a stalled JVM eats into it: a full CI run on a loaded
     * machine once saw 1006 with 2 s. Bounded, since a connection whose client stopped reading is closed this much
     * later (and shutdown waits for it once, well within its phase's 20 s).
     */
    static final String CLOSE_SEND_TIMEOUT = Constants.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT_PROPERTY;

    static final long CLOSE_SEND_TIMEOUT_MILLIS = 5_000;

    private final LiveProperties limits;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("trellis-live-expiry").factory());
    private volatile boolean running;

    LiveSessions(LiveProperties limits, MeterRegistry meters) {
        this.limits = limits;
        Gauge.builder("trellis.subscriptions.active", subscriptions, AtomicInteger::get)
                .description("GraphQL subscriptions open on this instance")
                .register(meters);
    }

    /** One open connection; {@code actor} once its connection_init was accepted. */
    private static final class Connection {
        final WebSocketSession session;
        final AtomicInteger subscriptions = new AtomicInteger();
        volatile @Nullable Actor actor;
        volatile @Nullable String token;
        volatile @Nullable ScheduledFuture<?> expiry;

        Connection(WebSocketSession session) {
            this.session = session;
        }
    }

    void opened(WebSocketSession session) {
        if (WebSocketSessionDecorator.unwrap(session) instanceof NativeWebSocketSession wrapped
                && wrapped.getNativeSession() instanceof Session standard) {
            standard.getUserProperties().put(CLOSE_SEND_TIMEOUT, CLOSE_SEND_TIMEOUT_MILLIS);
        }
        connections.put(session.getId(), new Connection(session));
        if (!running) {
            close(session, CloseStatus.GOING_AWAY);
        }
    }

    void closed(String sessionId) {
        Connection connection = connections.remove(sessionId);
        if (connection != null) {
            ScheduledFuture<?> expiry = connection.expiry;
            if (expiry != null) {
                expiry.cancel(false);
            }
            subscriptions.addAndGet(-connection.subscriptions.getAndSet(0));
        }
    }

    /**
     * The connection's caller, accepted at connection_init and closed with 4401 at {@code expiresAt}; or, beyond the
     * limits per caller and per tenant, the status to {@linkplain #close(String, CloseStatus) close} it with (4429).
     *
     * @return null when accepted
     */
    synchronized @Nullable CloseStatus authenticated(
            String sessionId, Actor actor, @Nullable String token, @Nullable Instant expiresAt) {
        Connection connection = connections.get(sessionId);
        if (connection == null) {
            return CloseStatus.GOING_AWAY; // closed meanwhile
        }
        long sameActor = count(actor, true);
        long sameTenant = count(actor, false);
        if (sameActor >= limits.maxConnectionsPerActor() || sameTenant >= limits.maxConnectionsPerTenant()) {
            return TOO_MANY_CONNECTIONS;
        }
        connection.actor = actor;
        connection.token = token;
        if (expiresAt != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
            connection.expiry =
                    expiries.schedule(() -> close(connection.session, TOKEN_EXPIRED), delay, TimeUnit.MILLISECONDS);
        }
        return null;
    }

    /** Counts one more subscription on the connection (CONFLICT beyond the limit); run the answer when it ends. */
    Runnable subscribed(String sessionId) {
        Connection connection = connections.get(sessionId);
        if (connection == null) {
            return () -> {};
        }
        if (connection.subscriptions.incrementAndGet() > limits.maxSubscriptionsPerConnection()) {
            connection.subscriptions.decrementAndGet();
            throw new ConflictException("A connection holds at most " + limits.maxSubscriptionsPerConnection()
                    + " subscriptions; end one or open another connection.");
        }
        subscriptions.incrementAndGet();
        AtomicInteger once = new AtomicInteger();
        return () -> {
            if (once.getAndIncrement() == 0 && connections.get(sessionId) == connection) {
                connection.subscriptions.decrementAndGet();
                subscriptions.decrementAndGet();
            }
        };
    }

    /** The connections of a tenant's callers signed in with a token: session id, the caller then, and the token. */
    List<Signed> signedIn(UUID tenantId) {
        List<Signed> signed = new ArrayList<>();
        connections.forEach((id, connection) -> {
            Actor actor = connection.actor;
            String token = connection.token;
            if (actor != null && token != null && tenantId.equals(actor.tenantId())) {
                signed.add(new Signed(id, actor, token));
            }
        });
        return signed;
    }

    /** A connection as it was signed in. */
    record Signed(String sessionId, Actor actor, String token) {}

    /**
     * Closes a connection with {@code status} on a thread of its own, returned to wait for (null when the connection
     * is gone): 4403 ({@link #SIGNED_OUT}) when its caller may no longer do what it signed in for, so that the client
     * signs in again; 4429 for a sign-in beyond the limits.
     */
    @Nullable
    Thread close(String sessionId, CloseStatus status) {
        Connection connection = connections.get(sessionId);
        return connection == null ? null : close(connection.session, status);
    }

    int active() {
        return subscriptions.get();
    }

    /** Subscriptions open on connections of one caller ({@code tenantId} null for platform operators). */
    int active(@Nullable UUID tenantId, String subject) {
        return connections.values().stream()
                .filter(c -> c.actor != null
                        && Objects.equals(tenantId, c.actor.tenantId())
                        && subject.equals(c.actor.subject()))
                .mapToInt(c -> c.subscriptions.get())
                .sum();
    }

    private long count(Actor actor, boolean sameActor) {
        return connections.values().stream()
                .map(c -> c.actor)
                .filter(Objects::nonNull)
                .filter(other -> Objects.equals(other.tenantId(), actor.tenantId()))
                .filter(other -> !sameActor || Objects.equals(other.subject(), actor.subject()))
                .count();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<Thread> closing = connections.values().stream()
                .map(connection -> close(connection.session, CloseStatus.GOING_AWAY))
                .toList();
        // Each close frame may wait its timeout for a slow client; together they wait that long once, not in turn.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_SEND_TIMEOUT_MILLIS + 500);
        try {
            for (Thread thread : closing) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Closes the connection on a thread of its own: writing the close frame may wait up to
     * {@value #CLOSE_SEND_TIMEOUT_MILLIS} ms for a slow client, and whoever closes (the expiry timer, a sign-in under
     * this class's lock, a sign-in change) does not wait for it.
     */
    private static Thread close(WebSocketSession session, CloseStatus status) {
        return Thread.ofVirtual().name("trellis-live-close").start(() -> {
            try {
                if (session.isOpen()) {
                    session.close(status);
                }
            } catch (IOException | RuntimeException e) {
                // already gone
            }
        });
    }
}

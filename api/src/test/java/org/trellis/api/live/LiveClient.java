package org.trellis.api.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code graphql-transport-ws} client spoken by hand over the JDK's WebSocket, so tests see every message and the
 * exact close code and reason.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the server closed the connection. */
    record Closed(int code, String reason) {}

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private LiveClient(int port, Map<String, String> headers) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), this)
                .join();
    }

    static LiveClient connect(int port) {
        return new LiveClient(port, Map.of());
    }

    static LiveClient connect(int port, Map<String, String> headers) {
        return new LiveClient(port, headers);
    }

    /** Sends connection_init with the token as {@code Authorization}; the server's answer (or null when it closed). */
    Map<String, Object> init(String token) {
        return init(Map.of("Authorization", "Bearer " + token));
    }

    Map<String, Object> init(Map<String, Object> payload) {
        send(Map.of("type", "connection_init", "payload", payload));
        return next(Duration.ofSeconds(10));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query, "variables", variables)));
    }

    void complete(String id) {
        send(Map.of("type", "complete", "id", id));
    }

    /** The next message (pings answered and skipped), or null if none comes in time. */
    Map<String, Object> next(Duration timeout) {
        try {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                Map<String, Object> message = messages.poll(50, TimeUnit.MILLISECONDS);
                if (message == null) {
                    if (closed.isDone() && messages.isEmpty()) {
                        return null;
                    }
                } else if ("ping".equals(message.get("type"))) {
                    send(Map.of("type", "pong"));
                } else {
                    return message;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code next} message's {@code payload.data}, for subscription {@code id}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(String id) {
        Map<String, Object> message = next(Duration.ofSeconds(15));
        if (message == null || !"next".equals(message.get("type")) || !id.equals(message.get("id"))) {
            throw new AssertionError("Expected a next message for " + id + ", got " + message);
        }
        return (Map<String, Object>) ((Map<String, Object>) message.get("payload")).get("data");
    }

    /** Every message that arrives within {@code window}. */
    List<Map<String, Object>> drain(Duration window) {
        List<Map<String, Object>> all = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        Map<String, Object> message;
        while ((message = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) != null) {
            all.add(message);
        }
        return all;
    }

    Closed closed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(
                    new HashMap<>(JSON.readValue(partial.toString(), new TypeReference<Map<String, Object>>() {})));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}

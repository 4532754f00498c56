package org.trellis.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL requests to one application and records what came back, failures included (a refused connection,
 * a 503, a body that is not JSON), for tests that judge many answers at once: resilience and restart tests.
 */
public final class GraphQlProbe {

    public static final String CREATE_TEAM =
            "mutation($n: String!) { createTeam(input: {name: $n}) { team { id name } userErrors { message } } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public GraphQlProbe(int port) {
        this.port = port;
    }

    /**
     * One request's outcome: its kind ({@code read} or {@code write}), start and end ({@link System#nanoTime}),
     * HTTP status ({@code -1}: no answer), body, the first error's classification ({@code ""}: none) and, for a
     * write, the name of the team it created.
     */
    public record Outcome(
            String kind,
            long started,
            long ended,
            int status,
            String body,
            @Nullable JsonNode json,
            String classification,
            String name) {

        public boolean succeeded() {
            return status == 200
                    && json != null
                    && json.path("errors").isEmpty()
                    && json.path("data").isObject();
        }

        public JsonNode data() {
            return json == null ? JSON.missingNode() : json.path("data");
        }

        public long millis() {
            return Duration.ofNanos(ended - started).toMillis();
        }

        Outcome as(String newKind, String newName) {
            return new Outcome(newKind, started, ended, status, body, json, classification, newName);
        }
    }

    public Outcome read(String token, String query) {
        return post(token, query, Map.of());
    }

    /** Creates a team of this name: a write whose result can be looked for in the database afterwards. */
    public Outcome createTeam(String token, String name) {
        return post(token, CREATE_TEAM, Map.of("n", name)).as("write", name);
    }

    public Outcome post(String token, String query, Map<String, Object> variables) {
        long started = System.nanoTime();
        int status;
        String body;
        try {
            HttpResponse<String> response =
                    client.send(request(token, query, variables), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            status = -1;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonNode json = null;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            // not JSON: the classification says so
        }
        String classification = json == null
                ? "NOT_JSON"
                : json.path("errors")
                        .path(0)
                        .path("extensions")
                        .path("classification")
                        .asString("");
        return new Outcome("read", started, System.nanoTime(), status, body, json, classification, "");
    }

    /** The request {@link #post} sends. */
    public HttpRequest request(String token, String query, Map<String, Object> variables) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
    }
}

package org.trellis.api.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL and plain GETs over loopback HTTP/1.1, the same way for the benchmark (against the jar) and for the
 * statement-count test (against the test context). Any answer that is not 200, or that carries GraphQL errors, is a
 * failure: {@link #check} throws.
 */
final class GraphQlHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    GraphQlHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpClient client() {
        return client;
    }

    /** A POST of {@code query} with {@code variables} as the bearer of {@code token}. */
    HttpRequest graphQl(String token, String query, Map<String, ?> variables) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
    }

    /** A GET of {@code path}, without credentials. */
    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    /** Sends the request once and answers the checked body. */
    String send(HttpRequest request) {
        try {
            return check(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code data} of one GraphQL request, failing on any error. */
    JsonNode data(String token, String query, Map<String, ?> variables) {
        return JSON.readTree(send(graphQl(token, query, variables))).path("data");
    }

    /**
     * The body of a successful answer. A GraphQL answer carries {@code "errors"} exactly when something failed; none
     * of the benchmark's data contains that text, so the substring test is exact here and cheap enough for the load.
     */
    static String check(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200 || body.contains("\"errors\"")) {
            throw new IllegalStateException("Request " + response.request().uri() + " failed: " + response.statusCode()
                    + " " + body.substring(0, Math.min(body.length(), 500)));
        }
        return body;
    }

    /** A GraphQL document from {@code src/test/resources/graphql-test/{name}.graphql}. */
    static String document(String name) {
        try (InputStream in = GraphQlHttp.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No document graphql-test/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.trellis.api.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL and plain GETs over loopback HTTP/1.1, the same way for the benchmark (against the jar) and for the
 * statement-count test (against the test context). Any answer that is not 200, or that carries GraphQL errors, is a
 * failure: {@link #send} throws.
 *
 * <p>Apache HttpClient's blocking client, on the caller's (virtual) thread, over pooled keep-alive connections: the
 * load generator shares the machine's two cores with the application and PostgreSQL, and the JDK's {@code HttpClient}
 * cost it 0.11 ms of CPU per request of the floor's GET (the application's was 0.17 ms); this client costs 0.08–0.09 ms.
 */
final class GraphQlHttp implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The client, as the benchmark's results name it (figures before it measured the JDK's {@code HttpClient}). */
    static final String CLIENT = "Apache HttpClient 5 classic on virtual threads";

    /** More than any closed loop's connections and any open loop's requests in flight. */
    private static final int MAX_CONNECTIONS = 1024;

    private static final Timeout TIMEOUT = Timeout.ofSeconds(30);

    private final String baseUrl;
    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(TIMEOUT)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                    RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableConnectionState()
            .disableContentCompression()
            .build();

    GraphQlHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One request, sent as often as wanted: a POST with a JSON body and a bearer token, or a plain GET. */
    record Request(URI uri, @Nullable String bearer, byte @Nullable [] body) {}

    /** A POST of {@code query} with {@code variables} as the bearer of {@code token}. */
    Request graphQl(String token, String query, Map<String, ?> variables) {
        return new Request(
                URI.create(baseUrl + "/graphql"),
                token,
                JSON.writeValueAsBytes(Map.of("query", query, "variables", variables)));
    }

    /** A GET of {@code path}, without credentials. */
    Request get(String path) {
        return new Request(URI.create(baseUrl + path), null, null);
    }

    /** Sends the request once and answers the checked body. */
    String send(Request request) {
        HttpUriRequestBase message;
        if (request.body() == null) {
            message = new HttpGet(request.uri());
        } else {
            message = new HttpPost(request.uri());
            message.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        if (request.bearer() != null) {
            message.setHeader("Authorization", "Bearer " + request.bearer());
        }
        try {
            return client.execute(
                    message,
                    response -> check(
                            request,
                            response.getCode(),
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The {@code data} of one GraphQL request, failing on any error. */
    JsonNode data(String token, String query, Map<String, ?> variables) {
        return JSON.readTree(send(graphQl(token, query, variables))).path("data");
    }

    /**
     * The body of a successful answer. A GraphQL answer carries {@code "errors"} exactly when something failed; none
     * of the benchmark's data contains that text, so the substring test is exact here and cheap enough for the load.
     */
    private static String check(Request request, int status, String body) {
        if (status != 200 || body.contains("\"errors\"")) {
            throw new IllegalStateException("Request " + request.uri() + " failed: " + status + " "
                    + body.substring(0, Math.min(body.length(), 500)));
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

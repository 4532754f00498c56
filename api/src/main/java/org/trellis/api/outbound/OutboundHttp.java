package org.trellis.api.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The one way Trellis fetches a URL that a tenant or integrator supplied (identity-provider discovery and key sets,
 * outbound webhook deliveries). Every connection goes to an address vetted after resolution ({@link AddressClassifier});
 * redirects are never followed (a 3xx is returned as it is); bodies are read up to a size cap and within a
 * deadline; no proxy, cookies, authentication caching, retries or content decompression.
 *
 * <p>{@code allowLocal} is the local and test profiles' exception: it admits plain http and loopback, private and
 * unique-local addresses (an identity provider on the developer's machine or in a container next to it), never
 * link-local, multicast, unspecified or reserved ones.
 */
public final class OutboundHttp implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 20;

    private final Limits limits;
    private final boolean allowLocal;
    private final CloseableHttpClient client;

    public OutboundHttp(Limits limits, boolean allowLocal, NameResolver names) {
        this.limits = limits;
        this.allowLocal = allowLocal;
        Timeout connect = Timeout.of(limits.connectTimeout());
        Timeout read = Timeout.of(limits.readTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new VettingDnsResolver(names, allowLocal))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .setTimeToLive(TimeValue.ofMinutes(1))
                                .build())
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS) // a webhook relay sends a batch to one receiver at once
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setAuthenticationEnabled(false)
                        .setContentCompressionEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("Trellis")
                .build();
    }

    /**
     * Fetches {@code uri} with GET. Any status is returned (a redirect too, unfollowed); an IOException means no
     * usable answer: a refused scheme or address ({@link RefusedAddressException}, with no connection made), a
     * timeout, or a body over the cap.
     */
    public Response get(URI uri, String accept) throws IOException {
        requireScheme(uri);
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", accept);
        try (ClassicHttpResponse response = client.executeOpen(RoutingSupport.determineHost(request), request, null)) {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : read(request, entity, deadline);
            return new Response(response.getCode(), entity == null ? null : entity.getContentType(), body);
        } catch (HttpException e) {
            throw new IOException("Could not fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * POSTs {@code body} to {@code uri} with {@code headers}; any status is returned (a redirect too, unfollowed) with
     * at most {@code keepBytes} of the answer's body (the rest is not read). An IOException as for {@link #get}.
     */
    public Response post(URI uri, Map<String, String> headers, byte[] body, int keepBytes) throws IOException {
        HttpPost request = new HttpPost(requireScheme(uri));
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try (ClassicHttpResponse response = client.executeOpen(RoutingSupport.determineHost(request), request, null)) {
            HttpEntity entity = response.getEntity();
            byte[] kept = new byte[0];
            if (entity != null) {
                kept = entity.getContent().readNBytes(keepBytes);
                request.cancel(); // drops the connection instead of draining an answer nobody reads
            }
            return new Response(response.getCode(), entity == null ? null : entity.getContentType(), kept);
        } catch (HttpException e) {
            throw new IOException("Could not post to " + uri + ": " + e.getMessage(), e);
        }
    }

    private URI requireScheme(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            throw new IOException("Refusing to call " + uri + ": only https is allowed.");
        }
        return uri;
    }

    private byte[] read(HttpGet request, HttpEntity entity, long deadline) throws IOException {
        if (entity.getContentLength() > limits.maxBytes()) {
            request.cancel(); // drops the connection instead of draining the body
            throw new IOException("Response of " + entity.getContentLength() + " bytes is over the limit of "
                    + limits.maxBytes() + ".");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            InputStream in = entity.getContent();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                if (out.size() > limits.maxBytes()) {
                    throw new IOException("Response over the limit of " + limits.maxBytes() + " bytes.");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("Response not complete within " + limits.totalTimeout() + ".");
                }
            }
            in.close();
        } catch (IOException e) {
            request.cancel(); // drops the connection instead of draining the rest of the body
            throw e;
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /**
     * Bounds of one fetch.
     *
     * @param connectTimeout to open the connection (per address tried) and to wait for a pooled one
     * @param readTimeout for the answer to start, and between any two reads of it
     * @param totalTimeout from sending the request to the end of the body
     * @param maxBytes largest body accepted
     */
    public record Limits(Duration connectTimeout, Duration readTimeout, Duration totalTimeout, int maxBytes) {}

    /** An answer, whatever its status. */
    public record Response(int status, @Nullable String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }
}

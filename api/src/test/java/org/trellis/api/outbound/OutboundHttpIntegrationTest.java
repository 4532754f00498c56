package org.trellis.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.CountingServer;

/**
 * Real fetches against loopback servers that count connections: refused addresses are never connected to, however
 * the URL spells them; redirects are returned, not followed; size and time are capped.
 */
class OutboundHttpIntegrationTest {

    private static final OutboundHttp.Limits LIMITS =
            new OutboundHttp.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 4096);

    /** Names an attacker controls, resolving to this machine's loopback, where the counting server listens. */
    private static final NameResolver REBINDING_DNS = host -> switch (host) {
        case "rebind.example", "10.0.0.5.nip.io" -> List.of(InetAddress.getByName("127.0.0.1"));
        case "kubernetes.default.svc" -> List.of(InetAddress.getByName("10.96.0.1"));
        case "metadata.example" -> List.of(InetAddress.getByName("169.254.169.254"));
        default -> NameResolver.SYSTEM.resolve(host);
    };

    @Test
    void connectsToNoLoopbackOrPrivateAddressOutsideLocalAndTest() throws IOException {
        try (CountingServer server = CountingServer.answering(200, "", "{}");
                OutboundHttp http = new OutboundHttp(LIMITS, false, REBINDING_DNS)) {
            for (String host : List.of(
                    "rebind.example",
                    "10.0.0.5.nip.io",
                    "kubernetes.default.svc",
                    "metadata.example",
                    "localhost",
                    "localhost.",
                    "LOCALHOST",
                    "127.0.0.1",
                    "[::1]",
                    "[fd00::1]",
                    "100.64.0.1",
                    "[::ffff:10.0.0.1]",
                    "[::ffff:127.0.0.1]",
                    "0.0.0.0")) {
                URI uri = URI.create("https://" + host + ":" + server.port() + "/.well-known/openid-configuration");
                assertThatThrownBy(() -> http.get(uri, "application/json"))
                        .as(host)
                        .isInstanceOf(UnknownHostException.class);
            }
            assertThat(server.connections()).as("connections made").isZero();
        }
    }

    @Test
    void theLocalExceptionReachesLoopbackButNeverLinkLocal() throws IOException {
        try (CountingServer server = CountingServer.answering(200, "", "{\"ok\":true}");
                OutboundHttp http = new OutboundHttp(LIMITS, true, REBINDING_DNS)) {
            OutboundHttp.Response response =
                    http.get(URI.create("http://rebind.example:" + server.port() + "/keys"), "application/json");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"ok\":true}");
            assertThat(server.connections()).isEqualTo(1);
            assertThatThrownBy(() -> http.get(URI.create("http://metadata.example/latest/meta-data/"), "*/*"))
                    .isInstanceOf(RefusedAddressException.class);
        }
    }

    @Test
    void refusesPlainHttpOutsideLocalAndTestBeforeResolving() throws IOException {
        NameResolver never = host -> {
            throw new AssertionError("resolved " + host);
        };
        try (OutboundHttp http = new OutboundHttp(LIMITS, false, never)) {
            assertThatThrownBy(() -> http.get(URI.create("http://login.example.com/keys"), "application/json"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("only https");
        }
    }

    @Test
    void returnsRedirectsWithoutFollowingThem() throws IOException {
        try (CountingServer target = CountingServer.answering(200, "", "{\"secret\":true}");
                CountingServer redirecting = CountingServer.answering(
                        302, "Location: http://127.0.0.1:" + target.port() + "/secret\r\n", "");
                OutboundHttp http = new OutboundHttp(LIMITS, true, NameResolver.SYSTEM)) {
            OutboundHttp.Response response =
                    http.get(URI.create("http://127.0.0.1:" + redirecting.port() + "/jwks"), "application/json");
            assertThat(response.status()).isEqualTo(302);
            assertThat(redirecting.connections()).isEqualTo(1);
            assertThat(target.connections()).as("the redirect target").isZero();
        }
    }

    @Test
    void refusesBodiesOverTheCapWhetherDeclaredOrStreamed() throws IOException {
        String big = "x".repeat(LIMITS.maxBytes() + 1);
        try (CountingServer declared = CountingServer.answering(200, "", big);
                CountingServer streamed = new CountingServer(out -> {
                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write(("400\r\n" + "y".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });
                OutboundHttp http = new OutboundHttp(LIMITS, true, NameResolver.SYSTEM)) {
            assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + declared.port() + "/"), "*/*"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("over the limit");
            assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + streamed.port() + "/"), "*/*"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("over the limit");
        }
    }

    @Test
    void givesUpOnAnAnswerThatTricklesPastTheDeadline() throws IOException {
        OutboundHttp.Limits limits =
                new OutboundHttp.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500), 1 << 20);
        try (CountingServer trickling = new CountingServer(out -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100; i++) {
                        out.write('{');
                        out.flush();
                        Thread.sleep(200);
                    }
                });
                OutboundHttp http = new OutboundHttp(limits, true, NameResolver.SYSTEM)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> http.get(URI.create("http://127.0.0.1:" + trickling.port() + "/"), "*/*"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not complete within");
            // well before the trickle's 20 s, with room for a slow machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }
}

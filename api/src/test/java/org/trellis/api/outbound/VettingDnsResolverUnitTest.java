package org.trellis.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names are resolved once and only vetted addresses reach the HTTP client; tests say what names resolve to. */
class VettingDnsResolverUnitTest {

    private static final Map<String, List<String>> ZONE = Map.of(
            "10.0.0.5.nip.io", List.of("10.0.0.5"),
            "kubernetes.default.svc", List.of("10.96.0.1"),
            "metadata.example", List.of("169.254.169.254"),
            "cgnat.example", List.of("100.64.0.7"),
            "ula.example", List.of("fd12:3456::1"),
            "mixed.example", List.of("10.0.0.5", "93.184.216.34", "127.0.0.1"),
            "public.example", List.of("93.184.216.34"));

    static final NameResolver FAKE_DNS = host -> {
        List<String> addresses = ZONE.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(VettingDnsResolverUnitTest::parse).toList();
    };

    @Test
    void refusesNamesThatResolveOnlyToNonPublicAddresses() {
        VettingDnsResolver resolver = new VettingDnsResolver(FAKE_DNS, false);
        for (String name : List.of(
                "10.0.0.5.nip.io", "kubernetes.default.svc", "metadata.example", "cgnat.example", "ula.example")) {
            assertThatThrownBy(() -> resolver.resolve(name, 443)).as(name).isInstanceOf(RefusedAddressException.class);
        }
    }

    @Test
    void returnsOnlyTheVettedAddressesOfAName() throws Exception {
        assertThat(new VettingDnsResolver(FAKE_DNS, false).resolve("mixed.example"))
                .containsExactly(parse("93.184.216.34"));
        assertThat(new VettingDnsResolver(FAKE_DNS, true).resolve("mixed.example"))
                .containsExactly(parse("10.0.0.5"), parse("93.184.216.34"), parse("127.0.0.1"));
    }

    @Test
    void checksLiteralsWithoutAskingTheResolver() {
        NameResolver never = host -> {
            throw new AssertionError("looked up " + host);
        };
        VettingDnsResolver resolver = new VettingDnsResolver(never, false);
        for (String literal : List.of("127.0.0.1", "[::1]", "::1", "[fd00::1]", "100.64.0.1", "[::ffff:10.0.0.1]")) {
            assertThatThrownBy(() -> resolver.resolve(literal)).as(literal).isInstanceOf(RefusedAddressException.class);
        }
    }

    @Test
    void refusesLoopbackNamesHoweverSpelled() {
        VettingDnsResolver resolver = new VettingDnsResolver(NameResolver.SYSTEM, false);
        // Whatever the platform resolves these to (loopback, or nothing), no address is returned to connect to.
        for (String name : List.of("localhost", "LOCALHOST", "localhost.")) {
            assertThatThrownBy(() -> resolver.resolve(name)).as(name).isInstanceOf(UnknownHostException.class);
        }
    }

    @Test
    void admitsPublicAddresses() throws Exception {
        assertThat(new VettingDnsResolver(FAKE_DNS, false).resolve("public.example", 443))
                .singleElement()
                .satisfies(address -> assertThat(address.getPort()).isEqualTo(443));
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

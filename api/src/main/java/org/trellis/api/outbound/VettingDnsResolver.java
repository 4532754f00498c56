package org.trellis.api.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way from a host name to a socket address: it resolves the name once, vets every address
 * and returns only the permitted ones, so the connection is made to an address that was checked (no window for a
 * DNS answer to change between check and connect).
 */
final class VettingDnsResolver implements DnsResolver {

    private final NameResolver names;
    private final boolean allowLocal;

    VettingDnsResolver(NameResolver names, boolean allowLocal) {
        this.names = names;
        this.allowLocal = allowLocal;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal = AddressClassifier.literal(host);
        List<InetAddress> found = literal != null ? List.of(literal) : names.resolve(host);
        List<InetAddress> vetted = found.stream()
                .filter(address -> AddressClassifier.permitted(address, allowLocal))
                .toList();
        if (vetted.isEmpty()) {
            throw new RefusedAddressException(host + " resolves to no permitted address ("
                    + found.stream()
                            .map(address -> AddressClassifier.classify(address) + " " + address.getHostAddress())
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        return vetted.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return java.util.Arrays.stream(resolve(host))
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** No reverse lookups: the name asked for is the name used. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}

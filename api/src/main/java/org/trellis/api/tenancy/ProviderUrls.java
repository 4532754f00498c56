package org.trellis.api.tenancy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The URLs Trellis agrees to call for an identity provider: absolute https URLs without credentials or fragments,
 * not naming private, loopback or link-local addresses. Plain http on loopback is allowed only when configured
 * (local and test profiles).
 */
final class ProviderUrls {

    private ProviderUrls() {}

    /** Why the URL is refused, or empty if it is acceptable. */
    static Optional<String> problem(String url, boolean allowInsecure) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Not a valid URL.");
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            return Optional.of("Must be an absolute URL with a host, without credentials or fragment.");
        }
        boolean loopback = isLoopback(uri.getHost());
        if (allowInsecure && loopback && "http".equals(uri.getScheme())) {
            return Optional.empty();
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of("Must use https.");
        }
        if (!allowInsecure && (loopback || isPrivateLiteral(uri.getHost()))) {
            return Optional.of("Must not name a private or loopback address.");
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static boolean isPrivateLiteral(String host) {
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}

package org.trellis.api.tenancy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.trellis.api.outbound.AddressClass;
import org.trellis.api.outbound.AddressClassifier;

/**
 * The syntactic check of an identity-provider URL at registration: absolute https without credentials or fragment,
 * whose host is a fully qualified name or a public IP literal. Host names are compared case-insensitively and
 * without trailing dots, so {@code LOCALHOST} and {@code localhost.} are loopback too. Where a name resolves is
 * checked when Trellis connects ({@link org.trellis.api.outbound.OutboundHttp}), not here: DNS answers change.
 * Plain http, on loopback only, and private literals are allowed only when configured (local and test profiles).
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
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = normalised(uri.getHost());
        InetAddress literal = AddressClassifier.literal(host);
        boolean loopback = literal != null
                ? AddressClassifier.classify(literal) == AddressClass.LOOPBACK
                : host.equals("localhost") || host.endsWith(".localhost");
        if (allowInsecure && loopback && scheme.equals("http")) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("Must use https.");
        }
        if (allowInsecure) {
            return Optional.empty();
        }
        if (loopback || (literal != null && !AddressClassifier.permitted(literal, false))) {
            return Optional.of("Must not name a private, loopback or otherwise non-public address.");
        }
        if (literal == null && !host.contains(".")) {
            return Optional.of("Must name a fully qualified host.");
        }
        return Optional.empty();
    }

    /** Lower case, without trailing dots: how DNS compares names. */
    private static String normalised(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && lower.charAt(end - 1) == '.') {
            end--;
        }
        return lower.substring(0, end);
    }
}

package org.trellis.api.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The syntactic check of a URL a tenant registers (identity provider, outbound webhook): absolute https without credentials or fragment,
 * whose host is a fully qualified name or a public IP literal. Host names are compared case-insensitively and
 * without trailing dots, so {@code LOCALHOST} and {@code localhost.} are loopback too. Where a name resolves is
 * checked again every time Trellis connects ({@link OutboundHttp}): DNS answers change. {@link #unreachable} adds a
 * resolution check at registration, for URLs Trellis will call on its own (outbound webhooks).
 * Plain http, on loopback only, and private literals are allowed only when configured (local and test profiles).
 */
public final class OutboundUrls {

    private OutboundUrls() {}

    /** Why the URL is refused, or empty if it is acceptable. */
    public static Optional<String> problem(String url, boolean allowInsecure) {
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

    /**
     * Why a URL that passed {@link #problem} cannot be called now: its host resolves to no address Trellis may connect
     * to (the same vetting as every connection), or does not resolve at all; empty if it can be called.
     */
    public static Optional<String> unreachable(URI uri, NameResolver names, boolean allowLocal) {
        try {
            new VettingDnsResolver(names, allowLocal).resolve(normalised(uri.getHost()));
            return Optional.empty();
        } catch (RefusedAddressException e) {
            return Optional.of("Must resolve to a public address.");
        } catch (java.net.UnknownHostException e) {
            return Optional.of("The host does not resolve.");
        }
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

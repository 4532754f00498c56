package org.trellis.api.local;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the development issuer ({@code /dev/**}): it answers only a loopback client that addressed the request to a
 * loopback host. The {@code Host} check defeats DNS rebinding: a page on {@code evil.example} whose name is rebound
 * to 127.0.0.1 reaches this server from the developer's own browser (a loopback client), but its requests still
 * say {@code Host: evil.example}, so it cannot read the platform operator's token.
 */
final class LoopbackHostFilter extends OncePerRequestFilter {

    private static final String REFUSAL = """
            {"type":"about:blank","title":"Forbidden","status":403,\
            "detail":"The development issuer answers only loopback clients addressing a loopback host."}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isLoopbackHost(request.getHeader("Host")) && isLoopbackAddress(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(REFUSAL.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code localhost}, an IPv4 literal in 127.0.0.0/8 or the IPv6 literal {@code [::1]}, each with or without a
     * port; nothing else (a name merely resolving to loopback is exactly what rebinding produces).
     */
    static boolean isLoopbackHost(@Nullable String host) {
        if (host == null) {
            return false;
        }
        String name;
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = host.substring(1, close);
            port = host.substring(close + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? "" : host.substring(colon);
        }
        if (!port.isEmpty() && !port.matches(":\\d{1,5}")) {
            return false;
        }
        if (host.startsWith("[")) {
            return name.matches("[0-9a-fA-F:]+") && isLoopbackAddress(name);
        }
        return name.toLowerCase(Locale.ROOT).equals("localhost")
                || name.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static boolean isLoopbackAddress(String literal) {
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package org.trellis.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trellis.api.system.ErrorResponses.Family;
import org.trellis.graphql.BufferedRequest;

/**
 * Caps the bodies of GraphQL requests, SCIM requests and webhook deliveries (413 in the path family's error
 * format), before anything parses them or asks who is calling. A declared length over the cap is refused unread; a
 * chunked body is counted as it is read, refused as soon as the count passes the cap, and otherwise handed on
 * already read, so no later reader can be made to read more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {

    private final long graphQl;
    private final long scim;
    private final long webhooks;

    RequestSizeFilter(GraphQlConfiguration.LimitsProperties graphQlLimits, BodyLimits limits) {
        this.graphQl = graphQlLimits.maxRequestBytes();
        this.scim = limits.scim();
        this.webhooks = limits.webhooks();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return cap(request) < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long cap = cap(request);
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            refuse(request, response, cap);
            return;
        }
        HttpServletRequest next = request;
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = readAtMost(request.getInputStream(), cap);
            if (body == null) {
                refuse(request, response, cap);
                return;
            }
            next = BufferedRequest.of(request, body);
        }
        chain.doFilter(next, response);
    }

    private long cap(HttpServletRequest request) {
        String path = ErrorResponses.path(request);
        return switch (Family.of(path)) {
            case GRAPHQL -> graphQl;
            case SCIM -> scim;
            case OTHER -> path.startsWith("/webhooks/") ? webhooks : -1;
        };
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long cap) throws IOException {
        // Say nothing about the rest of the body: the container drains a little of it, then closes the connection.
        ErrorResponses.write(request, response, 413, null, "The request body is larger than " + cap + " bytes.");
    }

    /** The whole body, or null as soon as it is longer than {@code cap}. */
    private static byte @Nullable [] readAtMost(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            total += read;
            if (total > cap) {
                return null;
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }
}

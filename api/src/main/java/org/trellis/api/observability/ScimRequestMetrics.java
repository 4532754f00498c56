package org.trellis.api.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts SCIM requests ({@code trellis.scim.requests}) by method and status class, refusals included: it runs before
 * the security chain, so an identity provider sending a revoked credential shows as a burst of 4xx.
 */
final class ScimRequestMetrics extends OncePerRequestFilter {

    static final String METER = "trellis.scim.requests";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final MeterRegistry meters;

    ScimRequestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            int status = failed ? 500 : response.getStatus();
            Counter.builder(METER)
                    .description("SCIM requests by method and status class")
                    .tag("method", METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER")
                    .tag("status", (status / 100) + "xx")
                    .register(meters)
                    .increment();
        }
    }
}

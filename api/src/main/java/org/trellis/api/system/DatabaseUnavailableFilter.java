package org.trellis.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that could not reach the database (signing a token in while PostgreSQL restarts) answers 503
 * UNAVAILABLE in its path's format, logged as a warning without a stack trace: the client should retry later, and
 * nothing is a bug. Failures inside Spring MVC are answered alike by {@link HttpErrors}; everything else goes on to
 * the container's error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!HttpErrors.databaseUnavailable(e)) {
                throw e;
            }
            log.warn(
                    "Database unavailable on {} {}: {}",
                    request.getMethod(),
                    ErrorResponses.path(request),
                    e.toString());
            ErrorResponses.write(request, response, 503, null, null);
        }
    }
}

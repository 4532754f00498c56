package org.trellis.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;

/** Adds the verified caller's tenant and subject to the logging context. */
final class ActorLoggingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication authentication) {
            Actor actor = authentication.getPrincipal();
            MDC.put(
                    "tenantId",
                    actor.tenantId() == null ? "platform" : actor.tenantId().toString());
            MDC.put("actor", actor.kind() + ":" + actor.subject());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenantId");
            MDC.remove("actor");
        }
    }
}

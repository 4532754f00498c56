package org.trellis.api.scim;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.trellis.api.ratelimits.RateLimiter;
import org.trellis.api.ratelimits.Refusal;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.system.ErrorResponses;

/**
 * {@code /scim/v2/**} accepts only SCIM credentials; anything else is a 401 in SCIM's error format. Bodies are capped
 * by {@code trellis.http.max-request-bytes.scim} before this chain runs.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain scim(HttpSecurity http, ScimCredentialService credentials, RateLimiter limits)
            throws Exception {
        return http.securityMatcher("/scim/v2/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new CredentialFilter(credentials, limits), AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"trellis-scim\"");
                            ErrorResponses.write(
                                    request, response, 401, null, "A valid SCIM bearer credential is required.");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                ErrorResponses.write(request, response, 403, null, "Access denied.")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Authenticates a SCIM bearer credential and puts its tenant in the logging context. */
    private static final class CredentialFilter extends OncePerRequestFilter {

        private final ScimCredentialService credentials;
        private final RateLimiter limits;

        CredentialFilter(ScimCredentialService credentials, RateLimiter limits) {
            this.credentials = credentials;
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            Actor actor = null;
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() < 200) {
                actor = credentials.authenticate(header.substring(7).strip()).orElse(null);
            }
            if (actor != null) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ActorAuthentication(actor, actor.serviceClientId()));
                SecurityContextHolder.setContext(context);
                MDC.put("tenantId", String.valueOf(actor.tenantId()));
                MDC.put("actor", actor.subject());
            }
            try {
                Refusal refused = actor == null || actor.tenantId() == null || actor.serviceClientId() == null
                        ? null
                        : limits.scim(actor.tenantId(), actor.serviceClientId());
                if (refused != null) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
                    ErrorResponses.write(request, response, 429, null, refused.detail());
                    return;
                }
                chain.doFilter(request, response);
            } finally {
                MDC.remove("tenantId");
                MDC.remove("actor");
            }
        }
    }
}

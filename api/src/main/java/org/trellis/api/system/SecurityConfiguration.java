package org.trellis.api.system;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.trellis.api.tenancy.IssuerAuthenticationManagers;

/**
 * Every request but health probes needs a bearer token from a trusted issuer. Stateless: no sessions, no cookies,
 * so no CSRF surface. The container's forward to the error page is let through (it carries no token, and answers
 * only the error already decided), so a refusal is never turned into a 401.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain api(HttpSecurity http, IssuerAuthenticationManagers issuers, MeterRegistry meters)
            throws Exception {
        var entryPoint = new CountingEntryPoint(meters);
        var accessDenied = accessDenied();
        var verifying = new JwtIssuerAuthenticationManagerResolver(issuers);
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        // A WebSocket upgrade may carry its token in connection_init instead (browsers cannot set
                        // the header); the live module signs the connection in there, or closes it with 4401.
                        .requestMatchers(new WebSocketUpgrade())
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerTokens())
                        .authenticationManagerResolver(request -> issuers.verifiedFirst(verifying.resolve(request)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterAfter(new ActorLoggingFilter(), BearerTokenAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Spring Security observes nothing: no runbook reads its per-filter, authentication or authorization observations
     * (requests, GraphQL operations and sign-in failures are measured elsewhere), and with none its filter chain is not
     * wrapped to create one per filter per request, even ones switched off (1 % of a mutation's CPU).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, with its header checks decided without regular expressions. */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
        return web -> web.httpFirewall(firewall);
    }

    /** {@code GET /graphql} asking to become a WebSocket (anything else on the path needs a token). */
    private record WebSocketUpgrade() implements RequestMatcher {

        @Override
        public boolean matches(HttpServletRequest request) {
            return "GET".equals(request.getMethod())
                    && "/graphql".equals(request.getRequestURI())
                    && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        }
    }

    /** 403 with RFC 6750's challenge ({@code insufficient_scope} for a token) and the path family's error body. */
    static AccessDeniedHandler accessDenied() {
        var challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            challenge.handle(request, response, denied);
            ErrorResponses.write(request, response, 403, null, "Access denied.");
        };
    }
}

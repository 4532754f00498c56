package org.trellis.api.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.trellis.api.shared.SignInRefusedException;

/**
 * Answers 401 as RFC 6750 says (the {@code WWW-Authenticate} challenge), with the path family's error body, and
 * counts refusals by reason ({@code trellis.auth.failures}) so a spike of invalid
 * tokens pages someone. Logs the reason, never the token.
 */
final class CountingEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(CountingEntryPoint.class);

    private final BearerTokenAuthenticationEntryPoint delegate = new BearerTokenAuthenticationEntryPoint();
    private final MeterRegistry meters;

    CountingEntryPoint(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String reason = failure instanceof SignInRefusedException
                ? "sign_in_refused"
                : failure instanceof InvalidBearerTokenException ? "invalid_token" : "missing_token";
        Counter.builder("trellis.auth.failures")
                .description("Requests refused for missing or invalid bearer tokens")
                .tag("reason", reason)
                .register(meters)
                .increment();
        log.info("Refused {} {}: {} ({})", request.getMethod(), request.getRequestURI(), reason, failure.getMessage());
        if (failure instanceof SignInRefusedException) {
            // The token verified, but may not sign in as what it is (e.g. an unregistered service client).
            ErrorResponses.write(request, response, 403, null, failure.getMessage());
            return;
        }
        delegate.commence(request, response, failure);
        ErrorResponses.write(request, response, 401, null, "Authentication is required.");
    }
}

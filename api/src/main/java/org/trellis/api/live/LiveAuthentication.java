package org.trellis.api.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.execution.SecurityContextThreadLocalAccessor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.PrincipalChanges.PrincipalsChanged;
import org.trellis.api.shared.UnauthenticatedException;
import org.trellis.api.tenancy.IssuerAuthenticationManagers;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Signs a WebSocket connection in at {@code connection_init}, with the same token checks as every HTTP request
 * (issuer registry, signature, audience, times, sign-in): the token from the payload's {@code Authorization}
 * ({@code "Bearer <token>"}), or else the upgrade request's verified bearer token. Without either, or with a token
 * that fails, the connection is closed with 4401. Each operation on the connection then runs as that caller: priced,
 * rate-limited and authorized exactly like the same operation over HTTP.
 */
@Component
class LiveAuthentication implements WebSocketGraphQlInterceptor {

    /** The GraphQL context key of the connection's session id. */
    static final String SESSION = "trellis.live.session";

    private static final String CALLER = "trellis.live.caller";
    private static final Object SECURITY_CONTEXT = new SecurityContextThreadLocalAccessor().key();
    private static final String BEARER = "Bearer ";
    private static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

    private final AuthenticationManager tokens;
    private final LiveSessions sessions;

    LiveAuthentication(IssuerAuthenticationManagers issuers, LiveSessions sessions) {
        this.tokens = new JwtIssuerAuthenticationManagerResolver(issuers).resolve(null);
        this.sessions = sessions;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        return authenticate(info, payload)
                .onErrorResume(refused -> Mono.<Object>fromRunnable(() -> refuse(info.getId(), UNAUTHORIZED))
                        .then(Mono.error(refused)));
    }

    private Mono<Object> authenticate(WebSocketSessionInfo info, Map<String, Object> payload) {
        String token = bearer(payload);
        if (token == null && (payload.containsKey("Authorization") || payload.containsKey("authorization"))) {
            return Mono.error(new UnauthenticatedException()); // given, but not a bearer token
        }
        Mono<Authentication> caller = token != null
                ? Mono.fromCallable(() -> tokens.authenticate(new BearerTokenAuthenticationToken(token)))
                : info.getPrincipal().cast(Authentication.class);
        return caller.filter(ActorAuthentication.class::isInstance)
                .cast(ActorAuthentication.class)
                .switchIfEmpty(Mono.error(UnauthenticatedException::new))
                .flatMap(authentication -> {
                    CloseStatus refusal = sessions.authenticated(
                            info.getId(),
                            authentication.getPrincipal(),
                            tokenOf(authentication),
                            expiry(authentication));
                    if (refusal != null) {
                        return Mono.<Object>fromRunnable(() -> refuse(info.getId(), refusal))
                                .then(Mono.error(new UnauthenticatedException()));
                    }
                    info.getAttributes().put(CALLER, authentication);
                    return Mono.empty();
                });
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        if (!(socket.getSessionInfo().getAttributes().get(CALLER) instanceof ActorAuthentication caller)) {
            return Mono.error(new UnauthenticatedException());
        }
        String session = socket.getSessionInfo().getId();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(SESSION, session)).build());
        SecurityContext context = new SecurityContextImpl(caller);
        // The caller is on this thread while the operation starts (pricing, rate limits and the subscription's own
        // fetcher run while it is subscribed to, here), and in the Reactor context for fetchers that run later. It
        // is taken off this thread again as soon as the operation has started, whatever thread finishes it.
        return Mono.deferContextual(outer -> {
            SecurityContext previous = signIn(context);
            try {
                return Mono.fromFuture(chain.next(request)
                        .contextWrite(Context.of(SECURITY_CONTEXT, context))
                        .contextWrite(outer)
                        .toFuture());
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    /**
     * Closes a connection whose sign-in was refused, on a thread of its own, and returns once it is closed (at most the
     * close frame's send timeout). Its close frame then carries {@code status}, and the GraphQL handler's own close for
     * a refused connection_init, which comes after, finds the connection closed (closing without waiting raced it).
     * The handler closes on its per-connection scheduler thread; a full CI run once saw such a close drop the
     * connection without a close frame (the client got 1006, not 4401), which a pending interrupt on that thread would
     * cause, since Tomcat waits for the right to write interruptibly. A thread of its own has none.
     */
    private void refuse(String sessionId, CloseStatus status) {
        Thread closing = sessions.close(sessionId, status);
        try {
            if (closing != null) {
                closing.join(Duration.ofMillis(LiveSessions.CLOSE_SEND_TIMEOUT_MILLIS + 500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SecurityContext signIn(SecurityContext context) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        return previous;
    }

    private static @Nullable String bearer(Map<String, Object> payload) {
        Object value = payload.get("Authorization");
        if (value == null) {
            value = payload.get("authorization");
        }
        if (value instanceof String header && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = header.substring(BEARER.length()).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    /**
     * When what a tenant's callers may do changed (a person deactivated, roles changed, a provider or client
     * disabled), signs each of the tenant's connections in again with its token, off the thread that announced it:
     * a connection whose sign-in is now refused, or gives another caller (other roles), is closed with 4403.
     */
    @EventListener
    void principalsChanged(PrincipalsChanged change) {
        List<LiveSessions.Signed> signed = sessions.signedIn(change.tenantId());
        if (!signed.isEmpty()) {
            Thread.ofVirtual().name("trellis-live-resign").start(() -> signed.forEach(this::signInAgain));
        }
    }

    private void signInAgain(LiveSessions.Signed connection) {
        boolean same;
        try {
            same = tokens.authenticate(new BearerTokenAuthenticationToken(connection.token()))
                            instanceof ActorAuthentication now
                    && now.getPrincipal().equals(connection.actor());
        } catch (RuntimeException refused) {
            same = false;
        }
        if (!same) {
            sessions.close(connection.sessionId(), LiveSessions.SIGNED_OUT);
        }
    }

    private static @Nullable String tokenOf(ActorAuthentication authentication) {
        return authentication.getCredentials() instanceof Jwt jwt ? jwt.getTokenValue() : null;
    }

    private static @Nullable Instant expiry(ActorAuthentication authentication) {
        return authentication.getCredentials() instanceof Jwt jwt ? jwt.getExpiresAt() : null;
    }
}

package org.trellis.api.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.shared.PrincipalChanges.PrincipalsChanged;
import org.trellis.persistence.TenantScopedTransactionManager;

/**
 * One authentication manager per trusted issuer: the platform issuer from configuration, and every active identity
 * provider in the registry. An issuer nobody registered gets no manager (401) after one database lookup and no
 * network call.
 *
 * <p>Two caches: what the registry says about an issuer (short-lived, {@code trellis.security.issuer-cache-ttl}, so
 * changes made on another node arrive quickly; negative answers too), and the manager built for one exact
 * registration (long-lived, so its signing keys stay cached; any change to the registration, including a key
 * rotation, makes a new one).
 *
 * <p>And the signed-in callers by token ({@link PrincipalCache}): a token is verified (signature, issuer, audience,
 * times) and signed in (service-client and person lookups) the first time it is seen; the same token text again is
 * answered from the cache until its {@code exp} or until its tenant's principals change ({@link #verifiedFirst}).
 */
@Component
public class IssuerAuthenticationManagers implements AuthenticationManagerResolver<String> {

    private static final Logger log = LoggerFactory.getLogger(IssuerAuthenticationManagers.class);
    private static final int MAX_ISSUER_LENGTH = 2000;

    private final SecurityProperties properties;
    private final IdentityProviders registry;
    private final TokenDecoders decoders;
    private final TokenSignIn signIn;
    private final TransactionTemplate readOnly;
    private final TenantScopedTransactionManager transactions;
    private final Cache<String, Optional<IssuerRegistration>> registrations;
    private final Cache<Object, AuthenticationManager> managers;
    private final Cache<Object, Boolean> unusable;
    private final PrincipalCache principals;

    IssuerAuthenticationManagers(
            SecurityProperties properties,
            IdentityProviders registry,
            TokenDecoders decoders,
            TokenSignIn signIn,
            TransactionTemplate transactions,
            TenantScopedTransactionManager transactionManager) {
        this.properties = properties;
        this.registry = registry;
        this.decoders = decoders;
        this.signIn = signIn;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.transactions = transactionManager;
        this.registrations = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.issuerCacheTtl())
                .build();
        this.managers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterAccess(Duration.ofHours(1))
                .build();
        this.unusable = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.issuerCacheTtl())
                .build();
        this.principals = new PrincipalCache(properties.principalCacheSize());
    }

    @Override
    public @Nullable AuthenticationManager resolve(@Nullable String issuer) {
        if (issuer == null || issuer.isEmpty() || issuer.length() > MAX_ISSUER_LENGTH) {
            return null;
        }
        SecurityProperties.Platform platform = properties.platform();
        Object key = platform != null && issuer.equals(platform.issuer())
                ? platform
                : registrations.get(issuer, this::lookup).orElse(null);
        if (key == null || unusable.getIfPresent(key) != null) {
            return null;
        }
        if (key instanceof IssuerRegistration registration) {
            // Sign-in lines, and refusals of this issuer's tokens, carry the tenant whose registered issuer it is.
            MDC.put("tenantId", registration.tenantId().toString());
        }
        return managers.get(key, this::build);
    }

    /**
     * Answers a bearer token that was verified and signed in before, byte for byte, from {@link PrincipalCache}
     * without parsing or verifying it again (the same bytes verify the same way until their {@code exp}; a change to
     * the tenant's identity providers or people drops the entry); any other token goes to {@code verifying}.
     */
    public AuthenticationManager verifiedFirst(AuthenticationManager verifying) {
        return authentication -> {
            if (authentication instanceof BearerTokenAuthenticationToken bearer) {
                PrincipalCache.Entry cached = principals.verified(bearer.getToken());
                if (cached != null) {
                    return new ActorAuthentication(cached.actor(), cached.jwt());
                }
            }
            return verifying.authenticate(authentication);
        };
    }

    /** Forgets what is cached about an issuer, so its next token sees the registry as it is now. */
    public void evict(String issuer) {
        registrations.invalidate(issuer);
    }

    /**
     * Forgets the tenant's signed-in callers and registrations (and every negative registration answer), so its next
     * token is signed in against the registry and people as they are now.
     */
    @EventListener(PrincipalsChanged.class)
    @Order(Ordered.HIGHEST_PRECEDENCE) // before listeners that sign callers in again
    void changed(PrincipalsChanged change) {
        changed(change.tenantId());
    }

    void changed(UUID tenantId) {
        registrations
                .asMap()
                .values()
                .removeIf(found -> found.isEmpty() || found.get().tenantId().equals(tenantId));
        principals.evict(tenantId);
    }

    PrincipalCache principals() {
        return principals;
    }

    private Optional<IssuerRegistration> lookup(String issuer) {
        List<IssuerRegistration> found =
                transactions.onceMoreIfBroken(() -> readOnly.execute(status -> registry.findByIssuer(issuer)));
        if (found == null || found.size() != 1 || !found.getFirst().active()) {
            return Optional.empty();
        }
        return Optional.of(found.getFirst());
    }

    /** Null when the provider's keys cannot be located now; retried after the issuer cache time. */
    private @Nullable AuthenticationManager build(Object key) {
        JwtAuthenticationProvider provider;
        try {
            provider = new JwtAuthenticationProvider(
                    key instanceof IssuerRegistration registration
                            ? decoders.create(registration.issuer(), registration.jwkSetUri(), registration.audience())
                            : platformDecoder((SecurityProperties.Platform) key));
        } catch (IllegalStateException e) {
            log.warn("Identity provider unusable: {}", e.getMessage());
            unusable.put(key, true);
            return null;
        }
        provider.setJwtAuthenticationConverter(jwt -> {
            Actor actor = key instanceof IssuerRegistration registration
                    ? principals.get(
                            jwt,
                            registration.tenantId(),
                            () -> CallerScope.inTenant(
                                    registration.tenantId(),
                                    // Signing in converges on the token's claims, so it is safe to repeat.
                                    () -> transactions.onceMoreIfBroken(() -> signIn.signIn(registration, jwt))))
                    : Actor.platformOperator(platformSubject(jwt));
            return new ActorAuthentication(actor, jwt);
        });
        return new ProviderManager(provider);
    }

    private org.springframework.security.oauth2.jwt.JwtDecoder platformDecoder(SecurityProperties.Platform platform) {
        return decoders.create(platform.issuer(), platform.jwkSetUri(), platform.audience());
    }

    private static String platformSubject(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("The token has no subject.");
        }
        return jwt.getSubject();
    }
}

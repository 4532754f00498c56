package org.trellis.api.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.Actor;
import org.trellis.api.shared.ActorAuthentication;
import org.trellis.api.shared.CallerScope;

/**
 * One authentication manager per trusted issuer: the platform issuer from configuration, and every active identity
 * provider in the registry. An issuer nobody registered gets no manager (401) after one database lookup and no
 * network call; the answer is cached, negative answers too, for {@code trellis.security.issuer-cache-ttl}.
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
    private final Cache<String, Optional<AuthenticationManager>> managers;

    IssuerAuthenticationManagers(
            SecurityProperties properties,
            IdentityProviders registry,
            TokenDecoders decoders,
            TokenSignIn signIn,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.registry = registry;
        this.decoders = decoders;
        this.signIn = signIn;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.managers = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.issuerCacheTtl())
                .build();
    }

    @Override
    public @Nullable AuthenticationManager resolve(@Nullable String issuer) {
        if (issuer == null || issuer.isEmpty() || issuer.length() > MAX_ISSUER_LENGTH) {
            return null;
        }
        Optional<AuthenticationManager> manager = managers.get(issuer, this::load);
        return manager == null ? null : manager.orElse(null);
    }

    /** Forgets what is cached about an issuer, so its next token sees the registry as it is now. */
    public void evict(String issuer) {
        managers.invalidate(issuer);
    }

    private @Nullable Optional<AuthenticationManager> load(String issuer) {
        SecurityProperties.Platform platform = properties.platform();
        if (platform != null && issuer.equals(platform.issuer())) {
            return build(issuer, () -> decoders.create(issuer, platform.jwkSetUri(), platform.audience()), null);
        }
        List<IssuerRegistration> registrations = readOnly.execute(status -> registry.findByIssuer(issuer));
        if (registrations == null
                || registrations.size() != 1
                || !registrations.getFirst().active()) {
            return Optional.empty();
        }
        IssuerRegistration registration = registrations.getFirst();
        return build(
                issuer, () -> decoders.create(issuer, registration.jwkSetUri(), registration.audience()), registration);
    }

    /** Null (not cached) when the provider's keys cannot be located now, so the next token tries again. */
    private @Nullable Optional<AuthenticationManager> build(
            String issuer, java.util.function.Supplier<JwtDecoder> decoder, @Nullable IssuerRegistration registration) {
        JwtAuthenticationProvider provider;
        try {
            provider = new JwtAuthenticationProvider(decoder.get());
        } catch (IllegalStateException e) {
            log.warn("Identity provider {} unusable: {}", issuer, e.getMessage());
            return null;
        }
        provider.setJwtAuthenticationConverter(jwt -> {
            Actor actor = registration == null
                    ? Actor.platformOperator(platformSubject(jwt))
                    : CallerScope.inTenant(registration.tenantId(), () -> signIn.signIn(registration, jwt));
            return new ActorAuthentication(actor, jwt);
        });
        return Optional.of(new ProviderManager(provider));
    }

    private static String platformSubject(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("The token has no subject.");
        }
        return jwt.getSubject();
    }
}

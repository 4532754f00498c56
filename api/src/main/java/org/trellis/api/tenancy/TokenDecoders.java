package org.trellis.api.tenancy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.trellis.api.outbound.NameResolver;
import org.trellis.api.outbound.OutboundHttp;
import org.trellis.api.outbound.OutboundUrls;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the decoder for one issuer: asymmetric signatures only (no {@code none}, no HMAC), keys from the
 * registered key set or OpenID Connect discovery, an unknown {@code kid} refetching the key set at most once per
 * configured interval, and checks of {@code iss}, {@code aud}, {@code exp} (required) and {@code nbf}. Discovery
 * documents and key sets are fetched through {@link OutboundHttp}: vetted addresses only, no redirects, capped size
 * and time.
 */
@Component
class TokenDecoders implements DisposableBean {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private static final Logger log = LoggerFactory.getLogger(TokenDecoders.class);

    private final SecurityProperties properties;
    private final OutboundHttp http;
    private final ResourceRetriever retriever;
    private final JsonMapper json;

    TokenDecoders(SecurityProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = new OutboundHttp(
                new OutboundHttp.Limits(
                        properties.httpTimeout(),
                        properties.httpTimeout(),
                        properties.httpTimeout().multipliedBy(2),
                        MAX_DOCUMENT_BYTES),
                properties.allowInsecureUrls(),
                NameResolver.SYSTEM);
        this.retriever = this::fetch;
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** Nimbus's view of a fetch: only a 2xx answer is a document; a redirect is refused, never followed. */
    private Resource fetch(URL url) throws IOException {
        OutboundHttp.Response response;
        try {
            response = http.get(url.toURI(), "application/json");
        } catch (URISyntaxException e) {
            throw new IOException("Not a URI: " + url, e);
        }
        if (!response.successful()) {
            throw new IOException("HTTP " + response.status() + " from " + url
                    + (response.status() >= 300 && response.status() < 400 ? " (redirects are not followed)" : ""));
        }
        return new Resource(response.text(), response.contentType());
    }

    JwtDecoder create(String issuer, @Nullable String jwkSetUri, String audience) {
        URL keySet = jwkSetUri != null ? checkedUrl(jwkSetUri) : discoverKeySet(issuer);
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(keySet, retriever)
                .cache(
                        properties.jwksCacheTtl().toMillis(),
                        properties.httpTimeout().toMillis())
                .rateLimited(properties.jwksRefreshMinInterval().toMillis())
                .refreshAheadCache(false)
                .retrying(false)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        // Claims are checked by the Spring validators below, in one place.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator(issuer, audience));
        return token -> {
            try {
                return decoder.decode(token);
            } catch (BadJwtException e) {
                throw e;
            } catch (JwtException e) {
                // Keys unreachable or refetch rate-limited: the token cannot be verified, so it is refused (401).
                log.warn("Could not verify a token of {}: {}", issuer, e.getMessage());
                throw new BadJwtException("The token's signing key could not be verified.", e);
            }
        };
    }

    private OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                TokenDecoders::requireExpiry));
    }

    private static OAuth2TokenValidatorResult requireExpiry(Jwt jwt) {
        return jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token has no expiry.", null));
    }

    private URL discoverKeySet(String issuer) {
        URL configuration = checkedUrl(
                issuer.endsWith("/")
                        ? issuer + ".well-known/openid-configuration"
                        : issuer + "/.well-known/openid-configuration");
        Map<String, Object> metadata;
        try {
            metadata = json.readValue(retriever.retrieveResource(configuration).getContent(), JSON_OBJECT);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("OpenID Connect discovery failed for " + issuer, e);
        }
        if (!issuer.equals(metadata.get("issuer")) || !(metadata.get("jwks_uri") instanceof String jwksUri)) {
            throw new IllegalStateException("Discovery document of " + issuer + " names another issuer or no keys");
        }
        return checkedUrl(jwksUri);
    }

    private URL checkedUrl(String url) {
        OutboundUrls.problem(url, properties.allowInsecureUrls()).ifPresent(problem -> {
            throw new IllegalStateException("Refusing to fetch " + url + ": " + problem);
        });
        try {
            return URI.create(url).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a URL: " + url, e);
        }
    }
}

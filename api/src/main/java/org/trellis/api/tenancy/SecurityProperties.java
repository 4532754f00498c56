package org.trellis.api.tenancy;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token verification settings ({@code trellis.security.*}).
 *
 * @param platform the issuer whose tokens make their bearer a platform operator
 * @param allowInsecureUrls the local and test exception to the outbound-URL policy: {@code http} issuer and key-set
 *     URLs on loopback hosts, and connections to loopback, private and unique-local addresses (never link-local,
 *     multicast, unspecified or reserved ones); false in production
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksCacheTtl how long fetched signing keys are trusted before refetching
 * @param jwksRefreshMinInterval least time between two key-set fetches for one issuer (an unknown {@code kid}
 *     triggers a fetch at most this often)
 * @param issuerCacheTtl how long an issuer's registration is cached; registry changes made on another node take
 *     effect within this time
 * @param principalCacheSize how many signed-in tokens are remembered (each until its {@code exp}, or until its
 *     tenant's people, providers or clients change); 0 signs every request in
 * @param httpTimeout connect timeout and read timeout for discovery and key-set fetches; the whole fetch must end
 *     within twice this
 */
@ConfigurationProperties("trellis.security")
record SecurityProperties(
        Platform platform,
        @DefaultValue("false") boolean allowInsecureUrls,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("10m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefreshMinInterval,
        @DefaultValue("30s") Duration issuerCacheTtl,
        @DefaultValue("10000") long principalCacheSize,
        @DefaultValue("3s") Duration httpTimeout) {

    /**
     * The platform operators' issuer.
     *
     * @param issuer exact {@code iss}; unset disables platform operations
     * @param jwkSetUri key set; unset means OpenID Connect discovery
     * @param audience required {@code aud}
     */
    record Platform(
            @Nullable String issuer,
            @Nullable String jwkSetUri,
            @DefaultValue("trellis-platform") String audience) {

        Platform {
            issuer = issuer == null || issuer.isBlank() ? null : issuer;
            jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? null : jwkSetUri;
        }
    }
}

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.CountingServer;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;

/**
 * Trellis connects to an identity provider only because a registration names it: never for a token's unregistered
 * {@code iss}, never for a URL in a token's header, and never to where a redirect points.
 */
class IssuerFetchIntegrationTest extends IntegrationTest {

    private static final String QUERY = "{ me { kind tenant { id } } }";

    @Test
    void makesNoOutboundConnectionForATokenOfAnUnregisteredIssuer() throws Exception {
        try (CountingServer stranger = CountingServer.answering(200, "", "{}")) {
            String issuer = "http://127.0.0.1:" + stranger.port() + "/realms/unregistered";
            RSAKey key = TestIssuers.INSTANCE.issuer("key-" + UUID.randomUUID()).signingKey();
            String token = sign(key, claims(issuer, "trellis-anything", "mallory"), issuer + "/jwks");

            postQuery(token, QUERY).expectStatus().isUnauthorized();
            postQuery(token, QUERY).expectStatus().isUnauthorized();

            assertThat(stranger.connections())
                    .as("connections to the token's issuer")
                    .isZero();
            new Socket("127.0.0.1", stranger.port()).close();
            awaitConnections(stranger, 1); // the counter counts: the zero above means something
        }
    }

    @Test
    void neverFetchesKeysFromAUrlInTheTokenHeader() throws Exception {
        TestTenant tenant = newTenant("header-urls");
        try (CountingServer attacker = CountingServer.answering(200, "", "{\"keys\":[]}")) {
            String token = sign(
                    tenant.issuer().signingKey(),
                    claims(tenant.issuer().url(), tenant.audience(), "alice"),
                    "http://127.0.0.1:" + attacker.port() + "/jwks");
            postQuery(token, QUERY)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.data.me.tenant.id")
                    .isEqualTo(tenant.id())
                    .jsonPath("$.errors")
                    .doesNotExist();
            assertThat(attacker.connections()).isZero();
        }
    }

    @Test
    void refusesTokensOfAProviderWhoseDiscoveryRedirectsAndNeverFollowsTheRedirect() throws Exception {
        TestIssuers.Issuer real = TestIssuers.INSTANCE.issuer("redirect-target-" + UUID.randomUUID());
        try (CountingServer target = CountingServer.answering(
                        200, "", "{\"issuer\":\"" + real.url() + "\",\"jwks_uri\":\"" + real.jwksUri() + "\"}");
                CountingServer redirecting = CountingServer.answering(
                        302,
                        "Location: http://127.0.0.1:" + target.port() + "/.well-known/openid-configuration\r\n",
                        "")) {
            String issuer = "http://127.0.0.1:" + redirecting.port() + "/realms/moved";
            String audience = "trellis-redirect-" + UUID.randomUUID();
            registerProvider(issuer, audience);

            postQuery(sign(real.signingKey(), claims(issuer, audience, "alice"), null), QUERY)
                    .expectStatus()
                    .isUnauthorized();

            assertThat(redirecting.connections()).as("discovery was attempted").isPositive();
            assertThat(target.connections()).as("the redirect target").isZero();
            assertThat(real.discoveryFetches() + real.jwksFetches()).isZero();
        }
    }

    private void registerProvider(String issuer, String audience) {
        String slug = "redirect-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = graphQl(platformToken())
                .documentName("createTenant")
                .variable("input", Map.of("slug", slug, "name", "Redirect Inc."))
                .execute()
                .path("createTenant.tenant.id")
                .entity(String.class)
                .get();
        graphQl(platformToken())
                .documentName("registerIdentityProvider")
                .variable(
                        "input",
                        Map.of(
                                "tenantId",
                                tenantId,
                                "displayName",
                                "Moved IdP",
                                "issuer",
                                issuer,
                                "audience",
                                audience))
                .execute()
                .path("registerIdentityProvider.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    private static JWTClaimsSet claims(String issuer, String audience, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build();
    }

    /** Signed with {@code key}; with {@code jku} and {@code x5u} header URLs if {@code headerUrl} is given. */
    private static String sign(RSAKey key, JWTClaimsSet claims, String headerUrl) throws Exception {
        JWSHeader.Builder header =
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
        if (headerUrl != null) {
            header.jwkURL(URI.create(headerUrl)).x509CertURL(URI.create(headerUrl));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void awaitConnections(CountingServer server, int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.connections() < expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(server.connections()).isEqualTo(expected);
    }
}

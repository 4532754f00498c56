package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;
import org.trellis.api.support.TestIssuersAccess;

/** Every way a token can be wrong is answered 401, and a valid token never reaches another tenant's data. */
class TokenAttackIntegrationTest extends IntegrationTest {

    private static final String QUERY = "{ me { kind tenant { id } } }";

    private TestTenant tenantA;
    private TestTenant tenantB;

    @BeforeEach
    void tenants() {
        tenantA = newTenant("attack-a");
        tenantB = newTenant("attack-b");
    }

    @Test
    void refusesRequestWithoutToken() {
        http().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("query", QUERY))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void acceptsAValidTokenAsAControl() {
        assertAccepted(tenantA.engineer());
    }

    @Test
    void refusesExpiredToken() {
        assertRefused(tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "alice",
                        claims -> claims.issueTime(ago(7200)).expirationTime(ago(3600))));
    }

    @Test
    void toleratesASmallClockSkewButNoMore() {
        assertAccepted(tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "alice",
                        claims -> claims.issueTime(ago(600)).expirationTime(ago(10))));
        assertRefused(tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "alice",
                        claims -> claims.issueTime(ago(600)).expirationTime(ago(60))));
        assertAccepted(tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "alice",
                        claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(10)))));
    }

    @Test
    void refusesTokenNotYetValid() {
        assertRefused(tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "alice",
                        claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))));
    }

    @Test
    void refusesTokenWithoutExpiry() {
        assertRefused(tenantA.issuer().token(tenantA.audience(), "alice", claims -> claims.expirationTime(null)));
    }

    @Test
    void refusesTokenOfAnUnregisteredIssuer() {
        Issuer stranger = TestIssuers.INSTANCE.issuer("stranger-" + UUID.randomUUID());
        assertRefused(stranger.token(tenantA.audience(), "alice"));
        assertThat(stranger.discoveryFetches() + stranger.jwksFetches())
                .as("no outbound call for an unknown issuer")
                .isZero();
    }

    @Test
    void refusesTokenClaimingARegisteredIssuerButSignedByAnotherIssuersKey() {
        Issuer stranger = TestIssuers.INSTANCE.issuer("forger-" + UUID.randomUUID());
        String forged =
                TestIssuersAccess.signWith(stranger, new JWTClaimsSet.Builder(claims(tenantA, "alice")).build());
        assertRefused(forged);
    }

    @Test
    void refusesTokenForAnotherAudience() {
        assertRefused(tenantA.issuer().token("someone-else", "alice"));
    }

    @Test
    void refusesTokenOfTenantAIssuerWithTenantBAudience() {
        assertRefused(tenantA.issuer().token(tenantB.audience(), "alice"));
    }

    @Test
    void refusesTokenSignedWithAnUnpublishedKey() {
        assertRefused(tenantA.issuer().tokenWithUnpublishedKey(tenantA.audience(), "alice"));
    }

    @Test
    void refusesUnsignedToken() {
        assertRefused(new PlainJWT(claims(tenantA, "alice")).serialize());
    }

    @Test
    void refusesHmacTokenSignedWithThePublicKey() throws Exception {
        byte[] publicKey = tenantA.issuer().signingKey().toPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(tenantA.issuer().signingKey().getKeyID())
                        .build(),
                claims(tenantA, "alice"));
        jwt.sign(new MACSigner(publicKey));
        assertRefused(jwt.serialize());
    }

    @Test
    void refusesTokenWithUnknownKeyId() {
        String valid = tenantA.engineer();
        String[] parts = valid.split("\\.");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"kid\":\"no-such-key\",\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes());
        assertRefused(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void refusesTamperedPayload() {
        String[] parts = tenantA.engineer().split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(tenantA, "admin").toString().getBytes());
        assertRefused(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-jwt");
    }

    @Test
    void acceptsAccessTokenTypeAtJwt() {
        assertAccepted(tenantA.issuer().tokenWithType(tenantA.audience(), "alice", new JOSEObjectType("at+jwt")));
    }

    @Test
    void refusesUnexpectedTokenType() {
        assertRefused(tenantA.issuer().tokenWithType(tenantA.audience(), "alice", new JOSEObjectType("id_token+jwt")));
    }

    @Test
    void ignoresTenantClaimsInTheTokenAndUsesTheIssuersTenant() {
        String token = tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "mallory",
                        claims -> claims.claim("tenant", tenantB.uuid().toString())
                                .claim("tenant_id", tenantB.uuid().toString())
                                .claim("tid", tenantB.uuid().toString()));
        graphQl(token)
                .document("{ me { tenant { id } } tenant { id } }")
                .execute()
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(tenantA.id())
                .path("tenant.id")
                .entity(String.class)
                .isEqualTo(tenantA.id());
    }

    @Test
    void reportsAnotherTenantsObjectsAsNotFound() {
        for (String foreignId : new String[] {tenantB.id(), tenantB.providerId(), personIdOf(tenantB)}) {
            graphQl(tenantA.admin())
                    .documentName("node")
                    .variable("id", foreignId)
                    .execute()
                    .errors()
                    .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                    .verify()
                    .path("node")
                    .valueIsNull();
        }
    }

    @Test
    void refusesTokensOfADisabledIdentityProvider() {
        assertAccepted(tenantA.engineer());
        graphQl(platformToken())
                .document(
                        "mutation($id: ID!) { disableIdentityProvider(input: {id: $id}) { identityProvider { status } } }")
                .variable("id", tenantA.providerId())
                .execute()
                .path("disableIdentityProvider.identityProvider.status")
                .entity(String.class)
                .isEqualTo("DISABLED");
        assertRefused(tenantA.engineer());
    }

    private String personIdOf(TestTenant tenant) {
        return graphQl(tenant.engineer())
                .document("{ me { person { id } } }")
                .execute()
                .path("me.person.id")
                .entity(String.class)
                .get();
    }

    private void assertRefused(String token) {
        postQuery(token, QUERY)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("UNAUTHENTICATED");
    }

    private void assertAccepted(String token) {
        postQuery(token, QUERY).expectStatus().isOk();
    }

    private static JWTClaimsSet claims(TestTenant tenant, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(tenant.issuer().url())
                .audience(tenant.audience())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .build();
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }
}

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.PERSON;
import static org.trellis.persistence.jooq.Tables.TENANT;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;
import org.trellis.api.support.TestIssuersAccess;

/**
 * Every way a token can be wrong is answered 401, and a valid token never reaches another tenant's data. An accepted
 * token is judged by its answer, not its status: {@code me} is a person of the issuer's tenant, without errors.
 */
class TokenAttackIntegrationTest extends IntegrationTest {

    private static final String QUERY = "{ me { kind roles tenant { id name } } }";
    private static final String TENANT_A_NAME = "attack-a Inc.";

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

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
    void refusesATenantIssuersTokenForThePlatformAudience() {
        int people = peopleOf(tenantA);
        assertRefused(tenantA.issuer().token(PLATFORM_AUDIENCE, "would-be-operator"));
        assertThat(peopleOf(tenantA)).as("no person signed in").isEqualTo(people);
    }

    /**
     * Only the platform issuer makes a platform operator: a tenant token that also names the platform audience is
     * still just a person of its tenant, and cannot create a tenant.
     */
    @Test
    void aTenantTokenNamingThePlatformAudienceTooIsOnlyAPersonOfItsTenant() {
        String token = tenantA.issuer()
                .token(
                        tenantA.audience(),
                        "would-be-operator",
                        claims -> claims.audience(List.of(PLATFORM_AUDIENCE, tenantA.audience())));
        assertAccepted(token);
        postQuery(token, QUERY)
                .expectBody()
                .jsonPath("$.data.me.roles")
                .value(roles -> assertThat(roles.toString()).doesNotContain("PLATFORM_OPERATOR"));
        String slug = "hijack-" + UUID.randomUUID().toString().substring(0, 8);
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query",
                        "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
                        "variables",
                        Map.of("input", Map.of("slug", slug, "name", "Hijack"))))
                .exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.data.createTenant")
                .doesNotExist();
        Boolean created = transactions.execute(status -> db.fetchExists(TENANT, TENANT.SLUG.eq(slug)));
        assertThat(created).as("no tenant was created").isFalse();
    }

    @Test
    void acceptsEs256AndPs256SignedTokens() {
        assertAccepted(tenantA.issuer().token(JWSAlgorithm.ES256, tenantA.audience(), "elliptic", claims -> {}));
        assertAccepted(tenantA.issuer().token(JWSAlgorithm.PS256, tenantA.audience(), "pss", claims -> {}));
        assertAccepted(tenantA.issuer().token(JWSAlgorithm.RS256, tenantA.audience(), "pkcs1", claims -> {}));
    }

    @Test
    void refusesEs256TokensSignedByAnotherKeyOrOnAnotherCurve() {
        int people = peopleOf(tenantA);
        assertRefused(tenantA.issuer().es256TokenSignedByAnotherKey("secp256r1", tenantA.audience(), "ec-forger"));
        assertRefused(tenantA.issuer().es256TokenSignedByAnotherKey("secp384r1", tenantA.audience(), "ec-forger"));
        assertThat(peopleOf(tenantA)).as("no person signed in").isEqualTo(people);
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
                .document("{ me { tenant { id name } } tenant { id } }")
                .execute()
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(tenantA.id())
                .path("me.tenant.name")
                .entity(String.class)
                .isEqualTo(TENANT_A_NAME)
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

    /** Accepted as a person of tenant A: the answer names A and carries no errors (HTTP 200 alone proves nothing). */
    private void assertAccepted(String token) {
        postQuery(token, QUERY)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.me.kind")
                .isEqualTo("PERSON")
                .jsonPath("$.data.me.tenant.id")
                .isEqualTo(tenantA.id())
                .jsonPath("$.data.me.tenant.name")
                .isEqualTo(TENANT_A_NAME);
    }

    private int peopleOf(TestTenant tenant) {
        Integer count =
                CallerScope.inTenant(tenant.uuid(), () -> transactions.execute(status -> db.fetchCount(PERSON)));
        return count;
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

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.trellis.api.support.IntegrationTest;

/** Signing-key rotation at the identity provider works without Trellis changes, and can be forced. */
class KeyRotationIntegrationTest extends IntegrationTest {

    private TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant("rotation");
    }

    @Test
    void acceptsTokensSignedWithANewlyPublishedKeyByRefetchingTheKeySet() {
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
        int fetches = tenant.issuer().jwksFetches();
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
        assertThat(tenant.issuer().jwksFetches()).as("keys are cached").isEqualTo(fetches);

        tenant.issuer().rotate();
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
        assertThat(tenant.issuer().jwksFetches())
                .as("an unknown kid refetches once")
                .isEqualTo(fetches + 1);
    }

    @Test
    void usesARegisteredKeySetWithoutDiscovery() {
        TestTenant explicit = newTenant("explicit-keys");
        graphQl(platformToken())
                .document(
                        "mutation($id: ID!, $keys: String) { updateIdentityProvider(input: {id: $id, jwkSetUri: $keys})"
                                + " { identityProvider { jwkSetUri } } }")
                .variable("id", explicit.providerId())
                .variable("keys", explicit.issuer().jwksUri())
                .execute()
                .path("updateIdentityProvider.identityProvider.jwkSetUri")
                .entity(String.class)
                .isEqualTo(explicit.issuer().jwksUri());
        assertThat(status(explicit.engineer())).isEqualTo(HttpStatus.OK);
        assertThat(explicit.issuer().discoveryFetches()).isZero();
        assertThat(explicit.issuer().jwksFetches()).isEqualTo(1);
    }

    @Test
    void refetchesAtMostOncePerIntervalForUnknownKeys() {
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
        tenant.issuer().rotate();
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
        int fetches = tenant.issuer().jwksFetches();
        for (int i = 0; i < 5; i++) {
            assertThat(status(tenant.issuer().tokenWithUnpublishedKey(tenant.audience(), "attacker")))
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(tenant.issuer().jwksFetches() - fetches)
                .as("a flood of unknown kids cannot hammer the identity provider")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void forcedRotationDropsKeysTheProviderNoLongerPublishes() {
        String oldKeyToken = tenant.engineer();
        assertThat(status(oldKeyToken)).isEqualTo(HttpStatus.OK);
        tenant.issuer().rotate();
        tenant.issuer().retireOldKeys();
        assertThat(status(oldKeyToken))
                .as("still cached before the forced rotation")
                .isEqualTo(HttpStatus.OK);

        graphQl(tenant.admin())
                .document("mutation($id: ID!) { rotateIdentityProviderKeys(input: {id: $id}) {"
                        + " identityProvider { keysRotatedAt } userErrors { message } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("rotateIdentityProviderKeys.identityProvider.keysRotatedAt")
                .hasValue();

        assertThat(status(oldKeyToken)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(tenant.engineer())).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus status(String token) {
        return HttpStatus.valueOf(postQuery(token, "{ me { kind } }")
                .returnResult(String.class)
                .getStatus()
                .value());
    }
}

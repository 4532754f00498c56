package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        return HttpStatus.valueOf(http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { kind } }\"}")
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value());
    }
}

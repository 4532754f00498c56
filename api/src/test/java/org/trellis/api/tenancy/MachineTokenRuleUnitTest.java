package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The default rules recognise the client-credentials tokens of Keycloak, Okta, Entra ID and Auth0, and no user's. */
class MachineTokenRuleUnitTest {

    private final SignInPolicy defaults = SignInPolicy.DEFAULTS;

    @Test
    void recognisesKeycloakServiceAccountTokens() {
        assertThat(defaults.isMachineToken(jwt(Map.of(
                        "sub", "3f6c0d1e-service-account",
                        "azp", "portal-sync",
                        "client_id", "portal-sync",
                        "preferred_username", "service-account-portal-sync"))))
                .isTrue();
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "u1", "azp", "portal", "preferred_username", "ada"))))
                .as("a Keycloak user token carries azp but no client_id")
                .isFalse();
    }

    @Test
    void recognisesOktaClientCredentialsWhereCidEqualsSub() {
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "0oa1client", "cid", "0oa1client"))))
                .isTrue();
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "ada@corp.example", "cid", "0oa1client", "uid", "00u1"))))
                .isFalse();
    }

    @Test
    void recognisesEntraAppOnlyTokens() {
        assertThat(defaults.isMachineToken(
                        jwt(Map.of("sub", "oid-1", "idtyp", "app", "roles", List.of("people:read")))))
                .isTrue();
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "oid-2", "idtyp", "user"))))
                .isFalse();
    }

    @Test
    void recognisesAuth0ClientCredentialsGrants() {
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "abc@clients", "gty", "client-credentials"))))
                .isTrue();
        assertThat(defaults.isMachineToken(jwt(Map.of("sub", "auth0|1", "gty", "password"))))
                .isFalse();
    }

    @Test
    void aRuleMatchesPresenceTextOrAnotherClaim() {
        assertThat(new MachineTokenRule("kind", null, null).matches(jwt(Map.of("sub", "s", "kind", "x"))))
                .isTrue();
        assertThat(new MachineTokenRule("kind", null, null).matches(jwt(Map.of("sub", "s", "kind", " "))))
                .as("blank text is absent")
                .isFalse();
        assertThat(new MachineTokenRule("ext.kind", "bot", null)
                        .matches(jwt(Map.of("sub", "s", "ext", Map.of("kind", "bot")))))
                .isTrue();
        assertThat(new MachineTokenRule("kind", "bot", null).matches(jwt(Map.of("sub", "s", "kind", "human"))))
                .isFalse();
        assertThat(new MachineTokenRule("client", null, "sub").matches(jwt(Map.of("sub", "s", "client", "s"))))
                .isTrue();
        assertThat(new MachineTokenRule("client", null, "sub").matches(jwt(Map.of("sub", "s", "client", "t"))))
                .isFalse();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}

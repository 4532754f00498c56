package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.trellis.api.support.IntegrationTest;

/**
 * Machine (client-credentials) tokens are never signed in as people: until a tenant admin registers the client they
 * are refused with 403, and nobody is created (the reproduced {@code service-account-…} person).
 */
class MachineTokenIntegrationTest extends IntegrationTest {

    private TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant("machines");
    }

    @Test
    void anUnregisteredKeycloakClientIsRefusedAndNoPersonIsCreated() {
        String admin = tenant.admin();
        int people = peopleCount(admin);
        String keycloakClient = token(
                "7c1e-service-account",
                claims -> claims.claim("azp", "portal-sync")
                        .claim("client_id", "portal-sync")
                        .claim("preferred_username", "service-account-portal-sync")
                        .claim("scope", "people:read"));

        refusedAsUnregisteredClient(keycloakClient);
        assertThat(peopleCount(admin)).isEqualTo(people);

        registerServiceClient(admin, tenant.providerId(), "7c1e-service-account", List.of("people:read"));
        graphQl(keycloakClient)
                .document("{ me { kind scopes tenant { id } person { id } } }")
                .execute()
                .path("me.kind")
                .entity(String.class)
                .isEqualTo("SERVICE_CLIENT")
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(tenant.id())
                .path("me.person")
                .valueIsNull();
        assertThat(peopleCount(admin)).isEqualTo(people);
    }

    @Test
    void oktaEntraAndAuth0MachineTokensAreRefused() {
        String admin = tenant.admin();
        int people = peopleCount(admin);
        refusedAsUnregisteredClient(token("0oa1client", claims -> claims.claim("cid", "0oa1client")));
        refusedAsUnregisteredClient(token("oid-app", claims -> claims.claim("idtyp", "app")));
        refusedAsUnregisteredClient(token("x@clients", claims -> claims.claim("gty", "client-credentials")));
        assertThat(peopleCount(admin)).isEqualTo(people);
    }

    @Test
    void aProviderCanNameItsOwnMachineClaims() {
        String admin = tenant.admin();
        graphQl(admin)
                .document("mutation($id: ID!) { updateIdentityProvider(input: {id: $id, signInPolicy: {"
                        + " machineTokenRules: [{claim: \"token_kind\", value: \"machine\"}]}}) {"
                        + " identityProvider { signInPolicy { machineTokenRules { claim value sameAsClaim } } }"
                        + " userErrors { code } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("updateIdentityProvider.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateIdentityProvider.identityProvider.signInPolicy.machineTokenRules[0].value")
                .entity(String.class)
                .isEqualTo("machine");
        int people = peopleCount(admin);
        refusedAsUnregisteredClient(token("robot", claims -> claims.claim("token_kind", "machine")));
        assertThat(peopleCount(admin)).isEqualTo(people);
    }

    @Test
    void invalidMachineRulesAreUserErrorsAndChangeNothing() {
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { updateIdentityProvider(input: {id: $id, signInPolicy: {"
                        + " justInTimeProvisioning: false, machineTokenRules: [{claim: \"bad claim!\"}]}}) {"
                        + " identityProvider { id } userErrors { code field } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("updateIdentityProvider.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        graphQl(platformToken())
                .document("query($id: ID!) { node(id: $id) { ... on IdentityProvider { signInPolicy {"
                        + " justInTimeProvisioning machineTokenRules { claim } } } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("node.signInPolicy.justInTimeProvisioning")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("node.signInPolicy.machineTokenRules")
                .entityList(Map.class)
                .hasSize(5);
    }

    private String token(String subject, Consumer<JWTClaimsSet.Builder> claims) {
        return tenant.issuer().token(tenant.audience(), subject, claims);
    }

    private void refusedAsUnregisteredClient(String token) {
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue(Map.of("query", "{ me { kind } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("unregistered service client"));
    }
}

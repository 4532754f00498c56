package org.trellis.api.tenancy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/** Machine clients authenticate with client-credentials tokens and get only the scopes they were granted. */
class ServiceClientIntegrationTest extends IntegrationTest {

    private TestTenant tenant;
    private String clientId;

    @BeforeEach
    void registerClient() {
        tenant = newTenant("clients");
        clientId = registerServiceClient(
                tenant.admin(), tenant.providerId(), "portal-sync", List.of("people:read", "evidence:write"));
    }

    @Test
    void clientTokensActAsTheServiceClientWithIntersectedScopes() {
        String token = tenant.issuer()
                .token(
                        tenant.audience(),
                        "portal-sync",
                        claims -> claims.claim("scope", "people:read people:write openid"));
        graphQl(token)
                .documentName("me")
                .execute()
                .path("me.kind")
                .entity(String.class)
                .isEqualTo("SERVICE_CLIENT")
                .path("me.scopes")
                .entityList(String.class)
                .containsExactly("people:read")
                .path("me.roles")
                .entityList(String.class)
                .hasSize(0)
                .path("me.person")
                .valueIsNull();
    }

    @Test
    void readsScopesFromScpAndFromEntraApplicationRoles() {
        String okta = tenant.issuer()
                .token(tenant.audience(), "portal-sync", claims -> claims.claim("scp", List.of("evidence:write")));
        graphQl(okta)
                .documentName("me")
                .execute()
                .path("me.scopes")
                .entityList(String.class)
                .containsExactly("evidence:write");
        String entra = tenant.issuer()
                .token(tenant.audience(), "portal-sync", claims -> claims.claim("roles", List.of("people:read")));
        graphQl(entra)
                .documentName("me")
                .execute()
                .path("me.scopes")
                .entityList(String.class)
                .containsExactly("people:read");
    }

    @Test
    void rejectsUnknownScopesAndDuplicateSubjects() {
        graphQl(tenant.admin())
                .documentName("registerServiceClient")
                .variable(
                        "input",
                        Map.of(
                                "identityProviderId",
                                tenant.providerId(),
                                "subject",
                                "portal-sync",
                                "name",
                                "Again",
                                "scopes",
                                List.of("everything")))
                .execute()
                .path("registerServiceClient.serviceClient")
                .valueIsNull()
                .path("registerServiceClient.userErrors[*].code")
                .entityList(String.class)
                .containsExactly("INVALID", "ALREADY_EXISTS");
    }

    @Test
    void disabledClientsAreRefused() {
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { disableServiceClient(input: {id: $id}) { serviceClient { status } } }")
                .variable("id", clientId)
                .execute()
                .path("disableServiceClient.serviceClient.status")
                .entity(String.class)
                .isEqualTo("DISABLED");
        postQuery(tenant.issuer().token(tenant.audience(), "portal-sync"), "{ me { kind } }")
                .expectStatus()
                .isUnauthorized();
    }
}

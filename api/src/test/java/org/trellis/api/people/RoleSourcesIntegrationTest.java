package org.trellis.api.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.trellis.api.support.IntegrationTest;

/**
 * One rule for where roles come from: tenant admins grant roles in Trellis, the identity provider's mappings give
 * roles at each sign-in, and the effective roles are both together, shown per source. No client scope grants or
 * removes roles or links sign-in accounts (the reproduced escalation through {@code people:write}).
 */
class RoleSourcesIntegrationTest extends IntegrationTest {

    private static final String ROLES =
            "query($id: ID!) { person(id: $id) { roles grantedRoles identityProviderRoles } }";
    private static final String UPDATE_ROLES = "mutation($id: ID!, $r: [Role!]) { updatePerson(input: {id: $id,"
            + " roles: $r}) { person { roles } userErrors { code } } }";

    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant("roles");
        admin = tenant.admin();
    }

    @Test
    void aPeopleWriteClientCannotGrantRolesOrLinkSignInAccounts() {
        String engineer = personOf(tenant.token("erin"));
        registerServiceClient(admin, tenant.providerId(), "hr-sync", List.of("people:write", "people:read"));
        String client = tenant.issuer()
                .token(tenant.audience(), "hr-sync", claims -> claims.claim("scope", "people:write people:read"));
        int audit = auditEventCount(tenant.uuid());

        refused(graphQl(client)
                .document(UPDATE_ROLES)
                .variable("id", engineer)
                .variable("r", List.of("TENANT_ADMIN"))
                .execute());
        refused(graphQl(client)
                .document("mutation($id: ID!, $p: ID) { linkExternalAccount(input: {personId: $id,"
                        + " provider: IDENTITY_PROVIDER, identityProviderId: $p, account: \"attacker\"}) {"
                        + " externalAccount { id } userErrors { code } } }")
                .variable("id", engineer)
                .variable("p", tenant.providerId())
                .execute());

        roles(engineer).path("person.roles").entityList(String.class).containsExactly("ENGINEER");
        assertThat(auditEventCount(tenant.uuid()))
                .as("nothing was changed or audited")
                .isEqualTo(audit);
        graphQl(tenant.issuer().token(tenant.audience(), "attacker"))
                .document("{ me { person { id } } }")
                .execute()
                .path("me.person.id")
                .entity(String.class)
                .isNotEqualTo(engineer);

        graphQl(client)
                .document("mutation($id: ID!) { updatePerson(input: {id: $id, title: \"Engineer II\"}) {"
                        + " person { title } userErrors { code } } }")
                .variable("id", engineer)
                .execute()
                .path("updatePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updatePerson.person.title")
                .entity(String.class)
                .isEqualTo("Engineer II");
    }

    @Test
    void grantedAndIdentityProviderRolesAddUpAndNeitherSourceOverwritesTheOther() {
        String henry = personOf(tenant.token("henry", "managers"));
        roles(henry)
                .path("person.grantedRoles")
                .entityList(String.class)
                .containsExactly("ENGINEER")
                .path("person.identityProviderRoles")
                .entityList(String.class)
                .containsExactly("MANAGER");

        graphQl(admin)
                .document(UPDATE_ROLES)
                .variable("id", henry)
                .variable("r", List.of("TENANT_ADMIN"))
                .execute()
                .path("updatePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updatePerson.person.roles")
                .entityList(String.class)
                .hasSize(3)
                .contains("ENGINEER", "MANAGER", "TENANT_ADMIN");

        graphQl(tenant.token("henry"))
                .document("{ me { roles } }")
                .execute()
                .path("me.roles")
                .entityList(String.class)
                .hasSize(2)
                .contains("ENGINEER", "TENANT_ADMIN");
        roles(henry)
                .path("person.grantedRoles")
                .entityList(String.class)
                .hasSize(2)
                .contains("ENGINEER", "TENANT_ADMIN")
                .path("person.identityProviderRoles")
                .entityList(String.class)
                .hasSize(0);
    }

    private GraphQlTester.Response roles(String personId) {
        return graphQl(admin).document(ROLES).variable("id", personId).execute();
    }

    private static void refused(GraphQlTester.Response response) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error ->
                                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }
}

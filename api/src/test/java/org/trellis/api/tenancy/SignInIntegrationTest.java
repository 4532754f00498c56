package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.PERSON;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.IntegrationTest;

/**
 * People are provisioned on their first valid sign-in, kept in step with their provider, and refused when deactivated.
 * Every sign-in that should succeed is checked by its answer: {@code me} in the issuer's tenant, without errors.
 */
class SignInIntegrationTest extends IntegrationTest {

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    private TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant("sign-in");
    }

    @Test
    void provisionsAPersonOnTheirFirstSignInWithMappedRoles() {
        signIn(tenant, tenant.token("grace", "managers", "unrelated-group"))
                .path("me.kind")
                .entity(String.class)
                .isEqualTo("PERSON")
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("grace")
                .path("me.person.email")
                .entity(String.class)
                .isEqualTo("grace@example.com")
                .path("me.roles")
                .entityList(String.class)
                .hasSize(2)
                .contains("MANAGER", "ENGINEER")
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(tenant.id());
        assertThat(peopleCount()).isEqualTo(1);
        signIn(tenant, tenant.token("grace", "managers"))
                .path("me.person.email")
                .entity(String.class)
                .isEqualTo("grace@example.com");
        assertThat(peopleCount()).as("a second sign-in reuses the person").isEqualTo(1);
    }

    @Test
    void keepsProfileAndRolesInStepWithTheProvider() {
        signIn(tenant, tenant.token("henry", "admins"))
                .path("me.roles")
                .entityList(String.class)
                .contains("TENANT_ADMIN");
        String renamedWithoutAdmin = tenant.issuer()
                .token(
                        tenant.audience(),
                        "henry",
                        claims -> claims.claim("name", "Henry Renamed").claim("groups", List.of()));
        signIn(tenant, renamedWithoutAdmin)
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("Henry Renamed")
                .path("me.roles")
                .entityList(String.class)
                .containsExactly("ENGINEER");
    }

    @Test
    void refusesADeactivatedPersonImmediately() {
        String personId = signIn(tenant, tenant.token("ivan"))
                .path("me.person.id")
                .entity(String.class)
                .get();
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                .variable("id", personId)
                .execute()
                .path("deactivatePerson.person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
        postQuery(tenant.token("ivan"), "{ me { kind } }")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        header -> assertThat(header).contains("deactivated"));
    }

    @Test
    void refusesTokensWithoutASubject() {
        String noSubject = tenant.issuer().token(tenant.audience(), "x", claims -> claims.subject(null));
        postQuery(noSubject, "{ me { kind } }").expectStatus().isUnauthorized();
    }

    @Test
    void readsClaimsWhereTheProviderPutsThem() {
        TestTenant keycloakStyle = newTenant(
                "claims",
                Map.of(
                        "claimMappings",
                        Map.of(
                                "subject",
                                "oid",
                                "email",
                                "upn",
                                "name",
                                "display_name",
                                "roles",
                                "realm_access.roles")));
        String token = keycloakStyle
                .issuer()
                .token(
                        keycloakStyle.audience(),
                        "ignored-sub",
                        claims -> claims.claim("oid", "kc-1")
                                .claim("upn", "kc@example.com")
                                .claim("display_name", "Key Cloak")
                                .claim("realm_access", Map.of("roles", List.of("admins", "offline_access"))));
        signIn(keycloakStyle, token)
                .path("me.roles")
                .entityList(String.class)
                .hasSize(2)
                .contains("TENANT_ADMIN", "ENGINEER")
                .path("me.person.email")
                .entity(String.class)
                .isEqualTo("kc@example.com")
                .path("me.person.displayName")
                .entity(String.class)
                .isEqualTo("Key Cloak");
    }

    /** Signs in with {@code token}: accepted without errors, as a person of {@code expected} (by id and name). */
    private GraphQlTester.Response signIn(TestTenant expected, String token) {
        GraphQlTester.Response response = graphQl(token).documentName("me").execute();
        response.errors().verify();
        String name = graphQl(platformToken())
                .document("query($id: ID!) { node(id: $id) { ... on Tenant { name } } }")
                .variable("id", expected.id())
                .execute()
                .path("node.name")
                .entity(String.class)
                .get();
        response.path("me.kind")
                .entity(String.class)
                .isEqualTo("PERSON")
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(expected.id())
                .path("me.tenant.name")
                .entity(String.class)
                .isEqualTo(name);
        return response;
    }

    private int peopleCount() {
        Integer count =
                CallerScope.inTenant(tenant.uuid(), () -> transactions.execute(status -> db.fetchCount(PERSON)));
        return count;
    }
}

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trellis.persistence.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.shared.CallerScope;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;

/** Platform operators create tenants and manage their identity providers; every change is audited. */
class PlatformOperationsIntegrationTest extends IntegrationTest {

    @Autowired
    private DSLContext db;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void createsTenantsAndAuditsIt() {
        TestTenant tenant = newTenant("created");
        assertThat(auditActions(tenant.uuid())).contains("tenant.created", "identity-provider.registered");
        graphQl(tenant.engineer())
                .document("{ tenant { slug status } }")
                .execute()
                .path("tenant.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
    }

    @Test
    void rejectsInvalidAndDuplicateSlugsWithUserErrors() {
        TestTenant existing = newTenant("dupe");
        String slug = graphQl(existing.engineer())
                .document("{ tenant { slug } }")
                .execute()
                .path("tenant.slug")
                .entity(String.class)
                .get();
        createTenant(slug, "Again")
                .path("createTenant.tenant")
                .valueIsNull()
                .path("createTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
        createTenant("Not A Slug!", "x".repeat(201))
                .path("createTenant.userErrors[*].code")
                .entityList(String.class)
                .containsExactly("TOO_LONG", "INVALID");
    }

    @Test
    void rejectsUnsafeOrDuplicateIdentityProviderSettingsAndChangesNothing() {
        TestTenant tenant = newTenant("idp-validation");
        Map<String, Object> base = Map.of(
                "tenantId", tenant.id(),
                "displayName", "Second",
                "issuer", "https://idp.example.com/realms/x",
                "audience", "trellis");
        register(with(base, "issuer", "ftp://idp.example.com"))
                .path("registerIdentityProvider.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "issuer");
        register(with(base, "issuer", "https://idp.example.com/realms/x#fragment"))
                .path("registerIdentityProvider.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        register(with(base, "jwkSetUri", "https://user:pw@idp.example.com/keys"))
                .path("registerIdentityProvider.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "jwkSetUri");
        register(with(base, "issuer", tenant.issuer().url()))
                .path("registerIdentityProvider.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
        register(with(base, "roleMappings", List.of(Map.of("claimValue", "ops", "role", "PLATFORM_OPERATOR"))))
                .path("registerIdentityProvider.userErrors[0].message")
                .entity(String.class)
                .isEqualTo("A tenant cannot grant this role.");
        register(with(base, "claimMappings", Map.of("roles", "bad claim name!")))
                .path("registerIdentityProvider.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "claimMappings", "roles");

        graphQl(tenant.admin())
                .document("{ tenant { identityProviders { id } } }")
                .execute()
                .path("tenant.identityProviders")
                .entityList(Object.class)
                .hasSize(1);
    }

    @Test
    void platformOperatorsMustNameTheTenant() {
        register(Map.of("displayName", "x", "issuer", "https://idp.example.com/a", "audience", "a"))
                .path("registerIdentityProvider.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("input", "tenantId");
    }

    @Test
    void tenantAdminsManageTheirOwnProvidersButNotOtherTenants() {
        TestTenant tenant = newTenant("self-service");
        TestTenant other = newTenant("other");
        var secondIssuer = TestIssuers.INSTANCE.issuer("second-" + UUID.randomUUID());
        graphQl(tenant.admin())
                .documentName("registerIdentityProvider")
                .variable(
                        "input",
                        Map.of("displayName", "Backup IdP", "issuer", secondIssuer.url(), "audience", "backup"))
                .execute()
                .path("registerIdentityProvider.identityProvider.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
        graphQl(tenant.admin())
                .documentName("registerIdentityProvider")
                .variable(
                        "input",
                        Map.of(
                                "tenantId",
                                other.id(),
                                "displayName",
                                "Hijack",
                                "issuer",
                                "https://evil.example.com",
                                "audience",
                                "x"))
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                .verify();
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { disableIdentityProvider(input: {id: $id}) { identityProvider { id } } }")
                .variable("id", other.providerId())
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")))
                .verify();
        assertThat(auditActions(tenant.uuid())).contains("identity-provider.registered");
    }

    @Test
    void changingTheAudienceRefusesTokensForTheOldOne() {
        TestTenant tenant = newTenant("audience-change");
        String oldAudienceToken = tenant.engineer();
        graphQl(platformToken())
                .document("mutation($id: ID!) { updateIdentityProvider(input: {id: $id, audience: \"new-audience\"}) {"
                        + " identityProvider { audience } userErrors { message } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("updateIdentityProvider.identityProvider.audience")
                .entity(String.class)
                .isEqualTo("new-audience");
        postQuery(oldAudienceToken, "{ me { kind } }").expectStatus().isUnauthorized();
        assertThat(auditActions(tenant.uuid())).contains("identity-provider.updated");
    }

    @Test
    void disablingAndEnablingAProviderIsAudited() {
        TestTenant tenant = newTenant("toggle");
        for (String mutation : List.of("disableIdentityProvider", "enableIdentityProvider")) {
            graphQl(platformToken())
                    .document(
                            "mutation($id: ID!) { " + mutation + "(input: {id: $id}) { identityProvider { status } } }")
                    .variable("id", tenant.providerId())
                    .execute()
                    .path(mutation + ".identityProvider.status")
                    .hasValue();
        }
        graphQl(tenant.engineer())
                .document("{ me { kind } }")
                .execute()
                .path("me.kind")
                .entity(String.class)
                .isEqualTo("PERSON");
        assertThat(auditActions(tenant.uuid())).contains("identity-provider.disabled", "identity-provider.enabled");
    }

    @Test
    void listsTenantsPageByPage() {
        for (int i = 0; i < 3; i++) {
            newTenant("page");
        }
        var first = graphQl(platformToken())
                .documentName("tenants")
                .variable("first", 2)
                .execute();
        first.path("tenants.edges").entityList(Object.class).hasSize(2);
        first.path("tenants.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        List<String> firstIds =
                first.path("tenants.edges[*].node.id").entityList(String.class).get();
        String cursor =
                first.path("tenants.pageInfo.endCursor").entity(String.class).get();
        List<String> secondIds = graphQl(platformToken())
                .documentName("tenants")
                .variable("first", 2)
                .variable("after", cursor)
                .execute()
                .path("tenants.edges[*].node.id")
                .entityList(String.class)
                .hasSize(2)
                .get();
        assertThat(secondIds).doesNotContainAnyElementsOf(firstIds);
        List<String> overlapping = graphQl(platformToken())
                .documentName("tenants")
                .variable("first", 4)
                .execute()
                .path("tenants.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(overlapping).containsExactlyElementsOf(concat(firstIds, secondIds));
    }

    private GraphQlTester.Response createTenant(String slug, String name) {
        return graphQl(platformToken())
                .documentName("createTenant")
                .variable("input", Map.of("slug", slug, "name", name))
                .execute();
    }

    private GraphQlTester.Response register(Map<String, Object> input) {
        return graphQl(platformToken())
                .documentName("registerIdentityProvider")
                .variable("input", input)
                .execute();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<String> auditActions(UUID tenant) {
        return CallerScope.inTenant(
                tenant,
                () -> transactions.execute(status -> db.select(AUDIT_EVENT.ACTION)
                        .from(AUDIT_EVENT)
                        .orderBy(AUDIT_EVENT.ID)
                        .fetch(AUDIT_EVENT.ACTION)));
    }
}

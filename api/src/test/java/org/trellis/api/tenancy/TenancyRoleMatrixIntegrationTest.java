package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.RoleMatrix;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every tenancy query and mutation, as every kind of caller: who is allowed, who is refused, and how. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyRoleMatrixIntegrationTest extends IntegrationTest {

    enum Caller {
        PLATFORM,
        ADMIN,
        MANAGER,
        ENGINEER,
        SERVICE_CLIENT,
        OTHER_TENANT_ADMIN
    }

    /** Objects a case acts on, fresh for every case so mutations never affect the next one. */
    record Targets(String tenantId, String providerId, String serviceClientId) {}

    private static final Operation<Targets> ME = op("me", "{ me { kind } }", t -> Map.of());
    private static final Operation<Targets> TENANT = op("tenant", "{ tenant { id name } }", t -> Map.of());
    private static final Operation<Targets> TENANTS =
            op("tenants", "{ tenants(first: 5) { edges { cursor } } }", t -> Map.of());
    private static final Operation<Targets> PROVIDERS =
            op("tenant.identityProviders", "{ tenant { identityProviders { id } } }", t -> Map.of());
    private static final Operation<Targets> NODE_TENANT =
            op("node(Tenant)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.tenantId()));
    private static final Operation<Targets> NODE_PROVIDER =
            op("node(IdentityProvider)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> NODE_CLIENT = op(
            "node(ServiceClient)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.serviceClientId()));
    private static final Operation<Targets> CREATE_TENANT = op(
            "createTenant",
            "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }",
            t -> Map.of(
                    "input", Map.of("slug", "m-" + UUID.randomUUID().toString().substring(0, 8), "name", "M")));
    private static final Operation<Targets> REGISTER_PROVIDER = op(
            "registerIdentityProvider",
            "mutation($input: RegisterIdentityProviderInput!) { registerIdentityProvider(input: $input) {"
                    + " identityProvider { id } } }",
            t -> Map.of(
                    "input",
                    Map.of(
                            "tenantId",
                            t.tenantId(),
                            "displayName",
                            "Extra",
                            "issuer",
                            "https://idp-" + UUID.randomUUID() + ".example.com",
                            "audience",
                            "extra")));
    private static final Operation<Targets> UPDATE_PROVIDER = op(
            "updateIdentityProvider",
            "mutation($id: ID!) { updateIdentityProvider(input: {id: $id, displayName: \"Renamed\"}) {"
                    + " identityProvider { id } } }",
            t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> ROTATE_PROVIDER = op(
            "rotateIdentityProviderKeys",
            "mutation($id: ID!) { rotateIdentityProviderKeys(input: {id: $id}) { identityProvider { id } } }",
            t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> DISABLE_PROVIDER = op(
            "disableIdentityProvider",
            "mutation($id: ID!) { disableIdentityProvider(input: {id: $id}) { identityProvider { id } } }",
            t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> ENABLE_PROVIDER = op(
            "enableIdentityProvider",
            "mutation($id: ID!) { enableIdentityProvider(input: {id: $id}) { identityProvider { id } } }",
            t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> REGISTER_CLIENT = op(
            "registerServiceClient",
            "mutation($id: ID!) { registerServiceClient(input: {identityProviderId: $id, subject: \"s\", name: \"n\","
                    + " scopes: [\"people:read\"]}) { serviceClient { id } } }",
            t -> Map.of("id", t.providerId()));
    private static final Operation<Targets> DISABLE_CLIENT = op(
            "disableServiceClient",
            "mutation($id: ID!) { disableServiceClient(input: {id: $id}) { serviceClient { id } } }",
            t -> Map.of("id", t.serviceClientId()));

    private TestTenant tenant;
    private TestTenant other;
    private String serviceClientToken;

    @BeforeAll
    void tenants() {
        tenant = newTenant("matrix");
        other = newTenant("matrix-other");
        registerServiceClient(
                tenant.admin(),
                tenant.providerId(),
                "matrix-bot",
                List.of("people:read", "people:write", "frameworks:read", "evidence:read", "evidence:write"));
        serviceClientToken = tenant.issuer()
                .token(
                        tenant.audience(),
                        "matrix-bot",
                        claims -> claims.claim(
                                "scope", "people:read people:write frameworks:read evidence:read evidence:write"));
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(ME, "A A A A A A"),
                        row(TENANT, "A A A A A A"),
                        row(TENANTS, "A F F F F F"),
                        row(PROVIDERS, "A A F F F A"),
                        row(NODE_TENANT, "A A A A A N"),
                        row(NODE_PROVIDER, "A A F F F N"),
                        row(NODE_CLIENT, "A A F F F N"),
                        row(CREATE_TENANT, "A F F F F F"),
                        row(REGISTER_PROVIDER, "A A F F F N"),
                        row(UPDATE_PROVIDER, "A A F F F N"),
                        row(ROTATE_PROVIDER, "A A F F F N"),
                        row(DISABLE_PROVIDER, "A A F F F N"),
                        row(ENABLE_PROVIDER, "A A F F F N"),
                        row(REGISTER_CLIENT, "A A F F F N"),
                        row(DISABLE_CLIENT, "A A F F F N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        assertThat(operation.run(graphQl(token(caller)), freshTargets()))
                .as(operation + " as " + caller)
                .isEqualTo(expected);
    }

    private Targets freshTargets() {
        String issuer = "https://target-" + UUID.randomUUID() + ".example.com";
        String providerId = graphQl(platformToken())
                .documentName("registerIdentityProvider")
                .variable(
                        "input",
                        Map.of("tenantId", tenant.id(), "displayName", "Target", "issuer", issuer, "audience", "t"))
                .execute()
                .path("registerIdentityProvider.identityProvider.id")
                .entity(String.class)
                .get();
        String clientId = registerServiceClient(platformToken(), providerId, "target-bot", List.of());
        return new Targets(tenant.id(), providerId, clientId);
    }

    private String token(Caller caller) {
        return switch (caller) {
            case PLATFORM -> platformToken();
            case ADMIN -> tenant.admin();
            case MANAGER -> tenant.manager();
            case ENGINEER -> tenant.engineer();
            case SERVICE_CLIENT -> serviceClientToken;
            case OTHER_TENANT_ADMIN -> other.admin();
        };
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}

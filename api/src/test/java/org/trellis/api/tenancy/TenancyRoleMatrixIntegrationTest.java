package org.trellis.api.tenancy;

import java.util.EnumMap;
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
import org.trellis.api.support.RoleMatrix.Judge;
import org.trellis.api.support.RoleMatrix.Operation;
import org.trellis.api.support.RoleMatrix.Outcome;

/** Every tenancy query and mutation, as every kind of caller: who is allowed, who is refused, and how. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyRoleMatrixIntegrationTest extends IntegrationTest {

    /** The engineer reports to the manager; the colleague is unrelated. */
    enum Caller {
        ADMIN,
        MANAGER,
        ENGINEER,
        COLLEAGUE,
        CLIENT_READ,
        CLIENT_WRITE,
        CLIENT_OTHER_SCOPE,
        PLATFORM,
        OTHER_TENANT_ADMIN
    }

    /** Objects a case acts on, fresh for every case so mutations never affect the next one. */
    /**
     * @param firstProviderId the tenant's own provider, registered before any target: {@code Tenant.identityProviders}
     *     answers at most its first 10 (oldest first), and every case registers another
     */
    record Targets(
            String tenantId, String otherTenantId, String providerId, String serviceClientId, String firstProviderId) {}

    private static final Operation<Targets> ME = op("me", "{ me { kind tenant { id } } }", t -> Map.of())
            .expecting(answer -> {
                Enum<?> caller = answer.caller();
                answer.has(
                        "me.kind",
                        caller == Caller.PLATFORM
                                ? "PLATFORM_OPERATOR"
                                : caller.name().startsWith("CLIENT_") ? "SERVICE_CLIENT" : "PERSON");
                answer.has(
                        "me.tenant.id",
                        caller == Caller.PLATFORM
                                ? null
                                : caller == Caller.OTHER_TENANT_ADMIN
                                        ? answer.targets().otherTenantId()
                                        : answer.targets().tenantId());
            });
    private static final Operation<Targets> TENANT = op("tenant", "{ tenant { id name } }", t -> Map.of())
            .nullWhen(answer -> answer.caller() == Caller.PLATFORM)
            .expecting(answer -> answer.has(
                    "tenant.id",
                    answer.caller() == Caller.OTHER_TENANT_ADMIN
                            ? answer.targets().otherTenantId()
                            : answer.targets().tenantId()));
    private static final Operation<Targets> TENANTS = op(
                    "tenants", "{ tenants(first: 100) { edges { node { id } } } }", t -> Map.of())
            .expecting(answer -> answer.nonEmpty("tenants.edges.node.id"));
    private static final Operation<Targets> PROVIDERS = op(
                    "tenant.identityProviders", "{ tenant { identityProviders { id } } }", t -> Map.of())
            .nullWhen(answer -> answer.caller() == Caller.PLATFORM)
            .expecting(answer -> {
                if (answer.caller() == Caller.OTHER_TENANT_ADMIN) {
                    answer.excludes(
                            "tenant.identityProviders.id", answer.targets().firstProviderId());
                } else {
                    answer.includes(
                            "tenant.identityProviders.id", answer.targets().firstProviderId());
                }
            });
    private static final Operation<Targets> NODE_TENANT = op(
                    "node(Tenant)", "query($id: ID!) { node(id: $id) { id } }", t -> Map.of("id", t.tenantId()))
            .returning("node.id", Targets::tenantId);
    private static final Operation<Targets> NODE_PROVIDER = op(
                    "node(IdentityProvider)",
                    "query($id: ID!) { node(id: $id) { id } }",
                    t -> Map.of("id", t.providerId()))
            .returning("node.id", Targets::providerId);
    private static final Operation<Targets> NODE_CLIENT = op(
                    "node(ServiceClient)",
                    "query($id: ID!) { node(id: $id) { id } }",
                    t -> Map.of("id", t.serviceClientId()))
            .returning("node.id", Targets::serviceClientId);
    private static final Operation<Targets> CREATE_TENANT = op(
                    "createTenant",
                    "mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id name status } userErrors"
                            + " { code } } }",
                    t -> Map.of(
                            "input",
                            Map.of("slug", "m-" + UUID.randomUUID().toString().substring(0, 8), "name", "M")))
            .expecting(answer -> {
                answer.has("createTenant.tenant.name", "M");
                answer.has("createTenant.tenant.status", "ACTIVE");
            });
    private static final Operation<Targets> REGISTER_PROVIDER = op(
                    "registerIdentityProvider",
                    "mutation($input: RegisterIdentityProviderInput!) { registerIdentityProvider(input: $input) {"
                            + " identityProvider { id displayName tenant { id } } userErrors { code } } }",
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
                                    "extra")))
            .returning("registerIdentityProvider.identityProvider.tenant.id", Targets::tenantId)
            .expecting(answer -> answer.has("registerIdentityProvider.identityProvider.displayName", "Extra"));
    private static final Operation<Targets> UPDATE_PROVIDER = op(
                    "updateIdentityProvider",
                    "mutation($id: ID!) { updateIdentityProvider(input: {id: $id, displayName: \"Renamed\"}) {"
                            + " identityProvider { id displayName } userErrors { code } } }",
                    t -> Map.of("id", t.providerId()))
            .returning("updateIdentityProvider.identityProvider.id", Targets::providerId)
            .expecting(answer -> answer.has("updateIdentityProvider.identityProvider.displayName", "Renamed"));
    private static final Operation<Targets> ROTATE_PROVIDER = op(
                    "rotateIdentityProviderKeys",
                    "mutation($id: ID!) { rotateIdentityProviderKeys(input: {id: $id}) { identityProvider { id"
                            + " keysRotatedAt } userErrors { code } } }",
                    t -> Map.of("id", t.providerId()))
            .returning("rotateIdentityProviderKeys.identityProvider.id", Targets::providerId)
            .expecting(answer -> answer.present("rotateIdentityProviderKeys.identityProvider.keysRotatedAt"));
    private static final Operation<Targets> DISABLE_PROVIDER = op(
                    "disableIdentityProvider",
                    "mutation($id: ID!) { disableIdentityProvider(input: {id: $id}) { identityProvider { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.providerId()))
            .returning("disableIdentityProvider.identityProvider.id", Targets::providerId)
            .expecting(answer -> answer.has("disableIdentityProvider.identityProvider.status", "DISABLED"));
    private static final Operation<Targets> ENABLE_PROVIDER = op(
                    "enableIdentityProvider",
                    "mutation($id: ID!) { enableIdentityProvider(input: {id: $id}) { identityProvider { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.providerId()))
            .returning("enableIdentityProvider.identityProvider.id", Targets::providerId)
            .expecting(answer -> answer.has("enableIdentityProvider.identityProvider.status", "ACTIVE"));
    private static final Operation<Targets> REGISTER_CLIENT = op(
                    "registerServiceClient",
                    "mutation($id: ID!) { registerServiceClient(input: {identityProviderId: $id, subject: \"s\", name:"
                            + " \"n\", scopes: [\"people:read\"]}) { serviceClient { id subject identityProvider { id"
                            + " } } userErrors { code } } }",
                    t -> Map.of("id", t.providerId()))
            .returning("registerServiceClient.serviceClient.identityProvider.id", Targets::providerId)
            .expecting(answer -> answer.has("registerServiceClient.serviceClient.subject", "s"));
    private static final Operation<Targets> DISABLE_CLIENT = op(
                    "disableServiceClient",
                    "mutation($id: ID!) { disableServiceClient(input: {id: $id}) { serviceClient { id status }"
                            + " userErrors { code } } }",
                    t -> Map.of("id", t.serviceClientId()))
            .returning("disableServiceClient.serviceClient.id", Targets::serviceClientId)
            .expecting(answer -> answer.has("disableServiceClient.serviceClient.status", "DISABLED"));

    private TestTenant tenant;
    private TestTenant other;
    private Map<Caller, String> tokens;
    private Judge<Targets> judge;

    @BeforeAll
    void tenants() {
        tenant = newTenant("matrix");
        other = newTenant("matrix-other");
        String reads = "people:read frameworks:read evidence:read";
        String writes = "people:read people:write frameworks:read evidence:read evidence:write";
        registerServiceClient(tenant.admin(), tenant.providerId(), "matrix-reader", List.of(reads.split(" ")));
        registerServiceClient(tenant.admin(), tenant.providerId(), "matrix-bot", List.of(writes.split(" ")));
        registerServiceClient(tenant.admin(), tenant.providerId(), "matrix-other", List.of("frameworks:read"));
        tokens = new EnumMap<>(Map.of(
                Caller.ADMIN, tenant.admin(),
                Caller.MANAGER, tenant.manager(),
                Caller.ENGINEER, tenant.engineer(),
                Caller.COLLEAGUE, tenant.token("colleague"),
                Caller.CLIENT_READ, tenant.clientToken("matrix-reader", reads),
                Caller.CLIENT_WRITE, tenant.clientToken("matrix-bot", writes),
                Caller.CLIENT_OTHER_SCOPE, tenant.clientToken("matrix-other", "frameworks:read"),
                Caller.PLATFORM, platformToken(),
                Caller.OTHER_TENANT_ADMIN, other.admin()));
        signIn(tokens.values());
        graphQl(tenant.admin())
                .document(
                        "mutation($p: ID!, $m: ID) { setManager(input: {personId: $p, managerId: $m}) { person { id } } }")
                .variable("p", personOf(tenant.engineer()))
                .variable("m", personOf(tenant.manager()))
                .execute()
                .path("setManager.person.id")
                .hasValue();
        judge = new Judge<>(this::state, () -> auditEventCount(tenant.uuid()));
    }

    //                                    ADMIN MANAGER ENGINEER COLLEAGUE C_READ C_WRITE C_OTHER PLATFORM OTHER_ADMIN
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row(ME, "A A A A A A A A A"),
                        row(TENANT, "A A A A A A A A A"),
                        row(TENANTS, "F F F F F F F A F"),
                        row(PROVIDERS, "A F F F F F F A A"),
                        row(NODE_TENANT, "A A A A A A A A N"),
                        row(NODE_PROVIDER, "A F F F F F F A N"),
                        row(NODE_CLIENT, "A F F F F F F A N"),
                        row(CREATE_TENANT, "F F F F F F F A F"),
                        row(REGISTER_PROVIDER, "A F F F F F F A N"),
                        row(UPDATE_PROVIDER, "A F F F F F F A N"),
                        row(ROTATE_PROVIDER, "A F F F F F F A N"),
                        row(DISABLE_PROVIDER, "A F F F F F F A N"),
                        row(ENABLE_PROVIDER, "A F F F F F F A N"),
                        row(REGISTER_CLIENT, "A F F F F F F A N"),
                        row(DISABLE_CLIENT, "A F F F F F F A N"))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void enforcesTheAuthorizationPolicy(Operation<Targets> operation, Caller caller, Outcome expected) {
        judge.judge(operation, caller, expected, graphQl(tokens.get(caller)), freshTargets());
    }

    /**
     * What the matrix's operations could change, re-read as the tenant's admin, and how many tenants the platform
     * operator sees (a refused createTenant creates none).
     */
    private Object state(Targets t) {
        Map<String, Object> state = new java.util.LinkedHashMap<>(graphQl(tenant.admin())
                .document("query($p: ID!, $c: ID!) { tenant { name status identityProviders { id } }"
                        + " provider: node(id: $p) { ... on IdentityProvider { displayName audience status"
                        + " keysRotatedAt updatedAt serviceClients { id status } } }"
                        + " client: node(id: $c) { ... on ServiceClient { status scopes } } }")
                .variable("p", t.providerId())
                .variable("c", t.serviceClientId())
                .execute()
                .returnResponse()
                .getData());
        state.put("tenants", tenantCount());
        return state;
    }

    /** All tenants, counted page by page as the platform operator. */
    @SuppressWarnings("unchecked")
    private int tenantCount() {
        int count = 0;
        String after = null;
        while (true) {
            Map<String, Object> page = (Map<String, Object>) graphQl(platformToken())
                    .document(
                            after == null
                                    ? "{ tenants(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } } }"
                                    : "query($a: String!) { tenants(first: 100, after: $a) { edges { cursor } pageInfo {"
                                            + " hasNextPage endCursor } } }")
                    .variable("a", after == null ? "" : after)
                    .execute()
                    .returnResponse()
                    .getData();
            Map<String, Object> tenants = (Map<String, Object>) page.get("tenants");
            Map<String, Object> info = (Map<String, Object>) tenants.get("pageInfo");
            count += ((List<?>) tenants.get("edges")).size();
            if (!Boolean.TRUE.equals(info.get("hasNextPage"))) {
                return count;
            }
            after = (String) info.get("endCursor");
        }
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
        return new Targets(tenant.id(), other.id(), providerId, clientId, tenant.providerId());
    }

    private static Stream<Arguments> row(Operation<Targets> operation, String outcomes) {
        return RoleMatrix.row(operation, Caller.values(), outcomes);
    }

    private static Operation<Targets> op(
            String name, String document, Function<Targets, Map<String, Object>> variables) {
        return RoleMatrix.op(name, document, variables);
    }
}

package org.trellis.api.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.trellis.api.benchmark.ReadinessData.Scale;
import org.trellis.api.support.TestDatabase;
import org.trellis.api.support.TestIssuers.Issuer;
import org.trellis.graphql.GlobalId;

/**
 * The readiness scenarios' data and callers: a tenant made through the API (an identity provider and the senior-role
 * template, instantiated by its admin), filled by {@link ReadinessData} together with {@code more} generated tenants.
 * The callers sign in as generated people: team 0's manager (dashboard and explanations), team 1's manager (who
 * endorses) and team 1's first people (who log evidence). Used by the benchmark and by the statement-count test.
 */
record ReadinessSeed(
        UUID tenantId,
        String manager,
        String teamId,
        List<UUID> teamMembers,
        String personId,
        String endorser,
        List<String> loggers,
        List<String> competencyIds,
        ReadinessData.Generated generated) {

    /** Tenants in all (the measured one included); 200 is the full scale, about 4 million evidence items. */
    static final String TENANTS_PROPERTY = "benchmark.readiness.tenants";

    static final int DEFAULT_TENANTS = 20;

    /** The benchmark's tenants: 100 people in two teams of 50, about 20 evidence items per person and competency. */
    static final Scale BENCHMARK_SCALE = new Scale(100, 50, 20);

    static int tenants() {
        return Integer.getInteger(TENANTS_PROPERTY, DEFAULT_TENANTS);
    }

    /** A new tenant at {@code scale} and {@code more} generated ones; {@code loggers} callers who log evidence. */
    static ReadinessSeed seed(GraphQlHttp api, Issuer platformIssuer, Scale scale, int more, int loggers)
            throws SQLException {
        String platform = platformIssuer.token(BenchmarkData.PLATFORM_AUDIENCE, "bench-operator");
        BenchmarkData.Tenant tenant = BenchmarkData.Tenant.create(api, platform, "readiness");
        UUID tenantId = GlobalId.decode(tenant.id(), "Tenant").orElseThrow();
        String template = api.data(
                        tenant.token("admin", "admins"),
                        "mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } userErrors { message } } }",
                        Map.of())
                .path("instantiateSeniorRoleTemplate")
                .path("frameworkVersion")
                .path("id")
                .asString();
        if (template.isEmpty()) {
            throw new IllegalStateException("The senior-role template was not instantiated");
        }
        ReadinessData.Generated generated;
        try (Connection owner = ownerConnection()) {
            generated = ReadinessData.generate(
                    owner, List.of(new ReadinessData.Target(tenantId, scale)), more, BENCHMARK_SCALE);
        }
        ReadinessData.Tenant filled = generated.targets().getFirst();
        String manager =
                signedIn(api, tenant.token("manager-0"), filled.managers().getFirst());
        String endorser = filled.managers().size() > 1
                ? signedIn(api, tenant.token("manager-1"), filled.managers().get(1))
                : manager;
        List<String> loggerTokens = IntStream.range(scale.teamSize(), scale.teamSize() + loggers)
                .mapToObj(n -> signedIn(
                        api, tenant.token("person-" + n), filled.people().get(n)))
                .toList();
        return new ReadinessSeed(
                tenantId,
                manager,
                GlobalId.encode("Team", filled.teams().getFirst()),
                filled.people().subList(0, Math.min(scale.teamSize(), scale.people())),
                GlobalId.encode("Person", filled.people().getFirst()),
                endorser,
                loggerTokens,
                filled.competencies().stream()
                        .map(id -> GlobalId.encode("Competency", id))
                        .toList(),
                generated);
    }

    /** The database as its owner, without the tests' socket timeout (generating may take minutes). */
    static Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(plainUrl(), TestDatabase.OWNER.name(), TestDatabase.OWNER.password());
    }

    /** The database as the application's runtime role (row-level security applies). */
    static Connection runtimeConnection() throws SQLException {
        return DriverManager.getConnection(plainUrl(), TestDatabase.RUNTIME.name(), TestDatabase.RUNTIME.password());
    }

    private static String plainUrl() {
        String url = TestDatabase.INSTANCE.url();
        return url.substring(0, url.indexOf('?')) + "?tcpKeepAlive=true";
    }

    /**
     * Signs the token in once (the first sign-in claims the generated person provisioned for its subject) and checks
     * it is that person.
     */
    private static String signedIn(GraphQlHttp api, String token, UUID person) {
        String id = api.data(token, "{ me { person { id } } }", Map.of())
                .path("me")
                .path("person")
                .path("id")
                .asString();
        if (!id.equals(GlobalId.encode("Person", person))) {
            throw new IllegalStateException("The sign-in did not claim the generated person " + person + ": " + id);
        }
        return token;
    }
}

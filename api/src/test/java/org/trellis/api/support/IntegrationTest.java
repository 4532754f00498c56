package org.trellis.api.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trellis.api.support.TestIssuers.Issuer;
import org.trellis.graphql.GlobalId;

/**
 * Base of every integration test: the real application on a random port, against a fresh database on the local
 * PostgreSQL (migrated beforehand by the {@code migrate} command: the application holds no owner credentials), trusting
 * token issuers served on loopback. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({SqlStatementCounter.Config.class, ExecutionRegistries.Config.class})
public abstract class IntegrationTest {

    protected static final String PLATFORM_AUDIENCE = "trellis-platform";

    /**
     * How long a test waits for an answer over HTTP: the clients' 5-s default timed out on a starved build machine
     * (CPU at a tenth of its speed) where nothing was wrong but time.
     */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    protected static final Issuer PLATFORM = TestIssuers.INSTANCE.issuer("platform");

    /** The webhook secret-encryption key, made up for this run. */
    private static final String WEBHOOK_KEY =
            java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    @LocalServerPort
    protected int port;

    /** Probes and metrics: their own port, never routed by the ingress. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected SqlStatementCounter sqlStatements;

    @Autowired
    private org.jooq.DSLContext database;

    @Autowired
    private org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    @DynamicPropertySource
    static void testEnvironment(DynamicPropertyRegistry registry) {
        TestDatabase database = TestDatabase.INSTANCE;
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", TestDatabase.RUNTIME::name);
        registry.add("spring.datasource.password", TestDatabase.RUNTIME::password);
        registry.add("trellis.security.platform.issuer", PLATFORM::url);
        registry.add("trellis.secrets.key", () -> WEBHOOK_KEY);
    }

    protected String platformToken() {
        return PLATFORM.token(PLATFORM_AUDIENCE, "operator-1");
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    /** The management server (probes, {@code /actuator/prometheus}). */
    protected WebTestClient management() {
        return WebTestClient.bindToServer()
                .responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    /** The Prometheus scrape, as the monitoring system reads it. */
    protected String prometheusScrape() {
        return management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Posts a GraphQL query as plain HTTP, for assertions on status codes and headers. */
    protected WebTestClient.ResponseSpec postQuery(String token, String query) {
        return http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange();
    }

    /** Registers a service client through the API and returns its global id. */
    protected String registerServiceClient(String token, String providerId, String subject, List<String> scopes) {
        return graphQl(token)
                .documentName("registerServiceClient")
                .variable(
                        "input",
                        Map.of("identityProviderId", providerId, "subject", subject, "name", subject, "scopes", scopes))
                .execute()
                .path("registerServiceClient.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("registerServiceClient.serviceClient.id")
                .entity(String.class)
                .get();
    }

    /** The global id of the token's person (signing them in just in time on first use). */
    protected String personOf(String token) {
        return graphQl(token)
                .document("{ me { person { id } } }")
                .execute()
                .path("me.person.id")
                .entity(String.class)
                .get();
    }

    /** Instantiates the built-in senior-role framework as the admin; its version id. */
    protected String seniorRoleTemplate(String adminToken) {
        return graphQl(adminToken)
                .document("mutation { instantiateSeniorRoleTemplate { frameworkVersion { id } } }")
                .execute()
                .path("instantiateSeniorRoleTemplate.frameworkVersion.id")
                .entity(String.class)
                .get();
    }

    /** Competency ids of a framework version by key, in the version's order. */
    protected Map<String, String> competencies(String token, String versionId) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        graphQl(token)
                .document("query($v: ID!) { frameworkVersion(id: $v) { competencies { id key } } }")
                .variable("v", versionId)
                .execute()
                .path("frameworkVersion.competencies")
                .entityList(Map.class)
                .get()
                .forEach(c -> byKey.put((String) c.get("key"), (String) c.get("id")));
        return byKey;
    }

    /** The hex HMAC-SHA256 of a body, as GitHub and PagerDuty sign webhook deliveries. */
    protected static String hmacSha256(String secret, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many audit events the tenant has, counted in the database (as the runtime role, inside the tenant). */
    protected int auditEventCount(UUID tenant) {
        return inTenant(tenant, db -> db.fetchCount(org.trellis.persistence.jooq.Tables.AUDIT_EVENT));
    }

    /** Runs {@code work} in a transaction of the tenant, as the runtime role (row-level security applies). */
    protected <T> T inTenant(UUID tenant, java.util.function.Function<org.jooq.DSLContext, T> work) {
        return org.trellis.api.shared.CallerScope.inTenant(
                tenant, () -> transactionTemplate.execute(status -> work.apply(database)));
    }

    protected HttpGraphQlTester graphQl(String token) {
        WebTestClient.Builder client = WebTestClient.bindToServer()
                .responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return HttpGraphQlTester.builder(client)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    /**
     * A new tenant with one identity provider (discovered through OpenID Connect) whose {@code groups} claim maps
     * {@code admins} to TENANT_ADMIN and {@code managers} to MANAGER, created through the platform API.
     */
    protected TestTenant newTenant(String label) {
        return newTenant(label, Map.of());
    }

    /** As {@link #newTenant(String)}, with more identity-provider settings (e.g. claim mappings). */
    protected TestTenant newTenant(String label, Map<String, Object> providerSettings) {
        String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Issuer issuer = TestIssuers.INSTANCE.issuer(unique);
        String tenantId = graphQl(platformToken())
                .documentName("createTenant")
                .variable("input", Map.of("slug", unique, "name", label + " Inc."))
                .execute()
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createTenant.tenant.id")
                .entity(String.class)
                .get();
        String audience = "trellis-" + unique;
        Map<String, Object> settings = new HashMap<>();
        settings.put("displayName", label + " IdP");
        settings.put(
                "roleMappings",
                List.of(
                        Map.of("claimValue", "admins", "role", "TENANT_ADMIN"),
                        Map.of("claimValue", "managers", "role", "MANAGER")));
        settings.putAll(providerSettings);
        String providerId = registerIdentityProvider(tenantId, issuer, audience, settings);
        return new TestTenant(
                tenantId, GlobalId.decode(tenantId, "Tenant").orElseThrow(), providerId, issuer, audience);
    }

    /** Registers an identity provider for a tenant as the platform operator; its global id. */
    protected String registerIdentityProvider(
            String tenantId, Issuer issuer, String audience, Map<String, Object> settings) {
        Map<String, Object> input = new HashMap<>();
        input.put("tenantId", tenantId);
        input.put("displayName", "IdP");
        input.put("issuer", issuer.url());
        input.put("audience", audience);
        input.putAll(settings);
        return graphQl(platformToken())
                .documentName("registerIdentityProvider")
                .variable("input", input)
                .execute()
                .path("registerIdentityProvider.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("registerIdentityProvider.identityProvider.id")
                .entity(String.class)
                .get();
    }

    /**
     * A role matrix's three service clients of the tenant, registered: a reader ({@code evidence:read people:read}), a
     * writer ({@code evidence:write people:write people:read}) and one whose only scope is unrelated
     * ({@code frameworks:read}); their tokens, in that order.
     */
    protected List<String> matrixClients(TestTenant tenant, String prefix) {
        String admin = tenant.admin();
        registerServiceClient(admin, tenant.providerId(), prefix + "-reader", List.of("evidence:read", "people:read"));
        registerServiceClient(
                admin,
                tenant.providerId(),
                prefix + "-client",
                List.of("evidence:write", "people:write", "people:read"));
        registerServiceClient(admin, tenant.providerId(), prefix + "-other", List.of("frameworks:read"));
        return List.of(
                tenant.clientToken(prefix + "-reader", "evidence:read people:read"),
                tenant.clientToken(prefix + "-client", "evidence:write people:write people:read"),
                tenant.clientToken(prefix + "-other", "frameworks:read"));
    }

    /** Signs every token in once, so that the requests a test counts are not first sign-ins. */
    protected void signIn(java.util.Collection<String> tokens) {
        tokens.forEach(token -> graphQl(token).document("{ me { kind } }").execute());
    }

    /** How many people the tenant admin sees (at most 100). */
    protected int peopleCount(String adminToken) {
        return graphQl(adminToken)
                .document("{ people(first: 100) { edges { node { id } } } }")
                .execute()
                .path("people.edges")
                .entityList(Object.class)
                .get()
                .size();
    }

    /** A tenant made by {@link #newTenant}, able to mint tokens for its people. */
    protected record TestTenant(String id, UUID uuid, String providerId, Issuer issuer, String audience) {

        public String token(String subject, String... groups) {
            return issuer.token(
                    audience,
                    subject,
                    claims -> claims.claim("email", subject + "@example.com")
                            .claim("name", subject)
                            .claim("groups", List.of(groups)));
        }

        /** A machine client's token (client credentials) with these space-separated scopes. */
        public String clientToken(String subject, String scope) {
            return issuer.token(audience, subject, claims -> claims.claim("scope", scope));
        }

        public String admin() {
            return token("admin", "admins");
        }

        public String manager() {
            return token("manager", "managers");
        }

        public String engineer() {
            return token("engineer");
        }
    }
}

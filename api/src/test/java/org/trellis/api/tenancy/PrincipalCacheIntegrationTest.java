package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.trellis.api.TrellisApplication;
import org.trellis.api.shared.PrincipalChanges;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestDatabase;
import org.trellis.graphql.GlobalId;

/**
 * The sign-in cache: a repeated token signs in without SQL, and every change to what a tenant's callers may do takes
 * effect on the next request on this instance, and within two seconds on another instance on the same database.
 */
class PrincipalCacheIntegrationTest extends IntegrationTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(2);

    @Autowired
    private IssuerAuthenticationManagers managers;

    @Autowired
    private Environment environment;

    @Autowired
    private PrincipalChanges principalChanges;

    @Autowired
    private TransactionTemplate transactions;

    private TestTenant tenant;

    @BeforeEach
    void setUp() {
        tenant = newTenant("principal");
        awaitListening(managers);
    }

    @Test
    void repeatedTokenRunsNoSignInStatement() {
        String token = token("pat");
        assertThat(status(port, token)).isEqualTo(200);
        assertThat(managers.principals().holds(token)).isTrue();
        sqlStatements.reset();
        assertThat(status(port, token)).isEqualTo(200);
        // No sign-in statement (at most the caller's rate-limit charge, which the counter keeps apart).
        assertThat(sqlStatements.rateLimitCharges()).isLessThanOrEqualTo(1);
        assertThat(sqlStatements.count()).isZero();
        sqlStatements.reset();
        assertThat(status(port, token("pat"))).isEqualTo(200); // another token of the same person signs in
        assertThat(sqlStatements.count()).isPositive();
    }

    @Test
    void deactivatingAPersonRefusesTheirCachedTokenOnTheNextRequest() {
        String token = token("ivan");
        String personId = personOf(token);
        assertThat(managers.principals().holds(token)).isTrue();
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                .variable("id", personId)
                .execute()
                .path("deactivatePerson.person.status")
                .entity(String.class)
                .isEqualTo("DEACTIVATED");
        assertThat(status(port, token)).isEqualTo(401);
        assertThat(personStatus(personId)).isEqualTo("DEACTIVATED");
    }

    @Test
    void scimDeactivationRefusesTheCachedTokenOnTheNextRequest() {
        String secret = graphQl(tenant.admin())
                .document("mutation($n: String!, $p: ID) { createScimCredential(input: {name: $n,"
                        + " identityProviderId: $p}) { secret } }")
                .variable("n", "Okta")
                .variable("p", tenant.providerId())
                .execute()
                .path("createScimCredential.secret")
                .entity(String.class)
                .get();
        String token = token("sven");
        String personId = personOf(token);
        assertThat(managers.principals().holds(token)).isTrue();
        UUID person = GlobalId.decode(personId, "Person").orElseThrow();
        http().delete()
                .uri(URI.create("http://127.0.0.1:" + port + "/scim/v2/Users/" + person))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(status(port, token)).isEqualTo(401);
        assertThat(personStatus(personId)).isEqualTo("DEACTIVATED");
    }

    @Test
    void suspendingATenantRefusesItsCachedTokensWithinTwoSeconds() throws Exception {
        String token = token("sue");
        assertThat(status(port, token)).isEqualTo(200);
        assertThat(managers.principals().holds(token)).isTrue();
        try (Connection connection = TestDatabase.INSTANCE.connectAsAdministrator();
                PreparedStatement update =
                        connection.prepareStatement("update tenant set status = 'SUSPENDED' where id = ?")) {
            update.setObject(1, tenant.uuid());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertWithin(PROPAGATION, () -> status(port, token) == 401);
    }

    @Test
    void disablingTheIdentityProviderRefusesItsCachedTokensOnTheNextRequest() {
        String token = token("dora");
        assertThat(status(port, token)).isEqualTo(200);
        assertThat(managers.principals().holds(token)).isTrue();
        graphQl(platformToken())
                .document(
                        "mutation($id: ID!) { disableIdentityProvider(input: {id: $id}) { identityProvider { status } } }")
                .variable("id", tenant.providerId())
                .execute()
                .path("disableIdentityProvider.identityProvider.status")
                .entity(String.class)
                .isEqualTo("DISABLED");
        assertThat(status(port, token)).isEqualTo(401);
    }

    @Test
    void disablingAServiceClientRefusesItsCachedTokenOnTheNextRequest() {
        String clientId = registerServiceClient(tenant.admin(), tenant.providerId(), "sync", List.of("people:read"));
        String token = tenant.issuer().token(tenant.audience(), "sync", claims -> claims.jwtID(jti()));
        assertThat(status(port, token)).isEqualTo(200);
        assertThat(managers.principals().holds(token)).isTrue();
        graphQl(tenant.admin())
                .document("mutation($id: ID!) { disableServiceClient(input: {id: $id}) { serviceClient { status } } }")
                .variable("id", clientId)
                .execute()
                .path("disableServiceClient.serviceClient.status")
                .entity(String.class)
                .isEqualTo("DISABLED");
        assertThat(status(port, token)).isEqualTo(401);
    }

    @Test
    void changedRolesShowOnTheNextRequestWithTheSameToken() {
        String token = token("rita");
        String personId = personOf(token);
        graphQl(token)
                .documentName("me")
                .execute()
                .path("me.roles")
                .entityList(String.class)
                .containsExactly("ENGINEER");
        graphQl(tenant.admin())
                .document(
                        "mutation($id: ID!) { updatePerson(input: {id: $id, roles: [MANAGER]}) { userErrors { code } } }")
                .variable("id", personId)
                .execute()
                .path("updatePerson.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(graphQl(token)
                        .documentName("me")
                        .execute()
                        .path("me.roles")
                        .entityList(String.class)
                        .get())
                .containsExactlyInAnyOrder("ENGINEER", "MANAGER");
    }

    @Test
    void aChangeDropsThisInstancesCallersWhenItCommitsAndNotWhenItRollsBack() throws InterruptedException {
        String token = token("carl");
        assertThat(status(port, token)).isEqualTo(200);
        transactions.executeWithoutResult(status -> {
            principalChanges.changed(tenant.uuid());
            status.setRollbackOnly();
        });
        Thread.sleep(300); // a NOTIFY, had one been sent, would have arrived by now
        assertThat(managers.principals().holds(token)).isTrue();
        transactions.executeWithoutResult(status -> {
            principalChanges.changed(tenant.uuid());
            assertThat(managers.principals().holds(token)).isTrue();
        });
        assertThat(managers.principals().holds(token)).isFalse(); // dropped by the time the commit returns
    }

    @Test
    void aSecondInstanceRefusesADeactivatedPersonWithinTwoSeconds() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            IssuerAuthenticationManagers secondManagers = second.getBean(IssuerAuthenticationManagers.class);
            awaitListening(secondManagers);
            String token = token("bea");
            String personId = personOf(token);
            assertThat(status(secondPort, token)).isEqualTo(200);
            assertThat(status(secondPort, token)).isEqualTo(200);
            assertThat(secondManagers.principals().holds(token)).isTrue();
            graphQl(tenant.admin())
                    .document("mutation($id: ID!) { deactivatePerson(input: {id: $id}) { person { status } } }")
                    .variable("id", personId)
                    .execute()
                    .path("deactivatePerson.person.status")
                    .entity(String.class)
                    .isEqualTo("DEACTIVATED");
            assertWithin(PROPAGATION, () -> status(secondPort, token) == 401);
            assertThat(secondManagers.principals().holds(token)).isFalse();
        }
    }

    /** The same application on another port, against the same database (already migrated). */
    private ConfigurableApplicationContext secondInstance() {
        String[] arguments = Stream.of(
                        "spring.datasource.url",
                        "spring.datasource.username",
                        "spring.datasource.password",
                        "trellis.security.platform.issuer",
                        "trellis.secrets.key")
                .map(name -> "--" + name + "=" + environment.getRequiredProperty(name))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(TrellisApplication.class)
                .profiles("test")
                .properties(Map.of("server.port", "0", "spring.liquibase.enabled", "false"))
                .run(Stream.concat(
                                Stream.of(arguments), Stream.of("--server.port=0", "--spring.liquibase.enabled=false"))
                        .toArray(String[]::new));
    }

    /** A new token (its own jti) for a member of the tenant. */
    private String token(String subject) {
        return tenant.issuer()
                .token(
                        tenant.audience(),
                        subject,
                        claims -> claims.claim("email", subject + "@example.com")
                                .claim("name", subject)
                                .jwtID(jti()));
    }

    private static String jti() {
        return UUID.randomUUID().toString();
    }

    private String personStatus(String personId) {
        return graphQl(tenant.admin())
                .document("query($id: ID!) { node(id: $id) { ... on Person { status } } }")
                .variable("id", personId)
                .execute()
                .path("node.status")
                .entity(String.class)
                .get();
    }

    private static int status(int port, String token) {
        return WebTestClient.bindToServer()
                .responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }"))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private static void awaitListening(IssuerAuthenticationManagers managers) {
        assertWithin(Duration.ofSeconds(10), () -> managers.principals().listening());
    }

    private static void assertWithin(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", limit).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;

/** Nested lists cost the same number of SQL statements however many rows they return. */
class NoNPlusOneIntegrationTest extends IntegrationTest {

    @Test
    void nestedProvidersAndClientsCostAConstantNumberOfStatements() {
        TestTenant small = tenantWith(1, 1);
        TestTenant large = tenantWith(6, 3);
        int smallCost = statementsFor(small.admin(), "tenantWithProviders");
        int largeCost = statementsFor(large.admin(), "tenantWithProviders");
        // Sign-in: none (the token signed in on its first request and is cached). Then one transaction for the whole
        // query (one scope statement) and one batched statement for each of the five levels: tenant, providers, their
        // tenant, clients, their provider. (Before issue #11: 3 sign-in statements and a transaction per level, 13.)
        assertThat(largeCost).isEqualTo(smallCost).isEqualTo(6);
    }

    @Test
    void tenantListsWithNestedProvidersCostAConstantNumberOfStatements() {
        for (int i = 0; i < 4; i++) {
            tenantWith(2, 1);
        }
        // The newest tenants (the end of the oldest-first list) are this test's own, each with providers and clients.
        String query = "query($n: Int) { tenants(last: $n) { edges { node { id identityProviders { id"
                + " serviceClients { id identityProvider { id tenant { id } } } } } } } }";
        sqlStatements.reset();
        graphQl(platformToken())
                .document(query)
                .variable("n", 1)
                .execute()
                .path("tenants.edges")
                .entityList(Object.class)
                .hasSize(1);
        int one = sqlStatements.count();
        sqlStatements.reset();
        graphQl(platformToken())
                .document(query)
                .variable("n", 4)
                .execute()
                .path("tenants.edges")
                .entityList(Object.class)
                .hasSize(4);
        assertThat(sqlStatements.count()).isEqualTo(one);
        // At most: scope, tenants, providers, clients, their provider, its tenant.
        assertThat(sqlStatements.executionCount())
                .as("%s", sqlStatements.executionStatements())
                .isLessThanOrEqualTo(6);
    }

    private int statementsFor(String token, String document) {
        graphQl(token).documentName(document).execute();
        sqlStatements.reset();
        graphQl(token)
                .documentName(document)
                .execute()
                .path("tenant.identityProviders")
                .hasValue();
        assertThat(sqlStatements.executionScopes()).isEqualTo(1);
        assertThat(sqlStatements.count()).as("no sign-in statement").isEqualTo(sqlStatements.executionCount());
        assertThat(sqlStatements.rateLimitCharges())
                .as("at most one rate-limit charge")
                .isLessThanOrEqualTo(1);
        return sqlStatements.executionCount();
    }

    private TestTenant tenantWith(int providers, int clientsEach) {
        TestTenant tenant = newTenant("n-plus-one");
        for (int p = 0; p < providers; p++) {
            String providerId = p == 0
                    ? tenant.providerId()
                    : graphQl(platformToken())
                            .documentName("registerIdentityProvider")
                            .variable(
                                    "input",
                                    Map.of(
                                            "tenantId",
                                            tenant.id(),
                                            "displayName",
                                            "Extra " + p,
                                            "issuer",
                                            TestIssuers.INSTANCE
                                                    .issuer("n1-" + java.util.UUID.randomUUID())
                                                    .url(),
                                            "audience",
                                            "x"))
                            .execute()
                            .path("registerIdentityProvider.identityProvider.id")
                            .entity(String.class)
                            .get();
            for (int c = 0; c < clientsEach; c++) {
                registerServiceClient(platformToken(), providerId, "client-" + c, List.of("people:read"));
            }
        }
        return tenant;
    }
}

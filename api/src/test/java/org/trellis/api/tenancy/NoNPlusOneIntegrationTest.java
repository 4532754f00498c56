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
        // Sign-in: none (the token signed in on the first request and is cached); then each of the five levels is
        // one batched transaction of 2 (scope, query): tenant, providers, their tenant, clients, their provider.
        assertThat(largeCost).isEqualTo(smallCost).isEqualTo(10);
    }

    @Test
    void tenantListsWithNestedProvidersCostAConstantNumberOfStatements() {
        for (int i = 0; i < 4; i++) {
            tenantWith(2, 1);
        }
        String query = "query($n: Int) { tenants(first: $n) { edges { node { id identityProviders { id"
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
    }

    private int statementsFor(String token, String document) {
        graphQl(token).documentName(document).execute();
        sqlStatements.reset();
        graphQl(token)
                .documentName(document)
                .execute()
                .path("tenant.identityProviders")
                .hasValue();
        return sqlStatements.count();
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

package org.trellis.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;
import org.trellis.api.support.TestIssuers;
import org.trellis.api.support.TestIssuers.Issuer;

/** One tenant per issuer, decided by the database even when several tenants register it at the same moment. */
class IssuerClaimIntegrationTest extends IntegrationTest {

    @Test
    void concurrentRegistrationsOfOneIssuerLeaveExactlyOneTenantWhoseSignInsWork() throws Exception {
        Issuer shared = TestIssuers.INSTANCE.issuer("contested-" + System.nanoTime());
        List<TestTenant> tenants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tenants.add(newTenant("contest-" + i));
        }
        CyclicBarrier start = new CyclicBarrier(tenants.size());
        List<Callable<List<Object>>> attempts = tenants.stream()
                .map(tenant -> (Callable<List<Object>>) () -> {
                    start.await();
                    return graphQl(platformToken())
                            .documentName("registerIdentityProvider")
                            .variable(
                                    "input",
                                    Map.of(
                                            "tenantId",
                                            tenant.id(),
                                            "displayName",
                                            "shared",
                                            "issuer",
                                            shared.url(),
                                            "audience",
                                            "shared-audience"))
                            .execute()
                            .path("registerIdentityProvider.userErrors[*].code")
                            .entityList(Object.class)
                            .get();
                })
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
        List<Integer> winners = new ArrayList<>();
        try {
            List<Future<List<Object>>> results = pool.invokeAll(attempts);
            for (int i = 0; i < results.size(); i++) {
                List<Object> errors = results.get(i).get();
                if (errors.isEmpty()) {
                    winners.add(i);
                } else {
                    assertThat(errors).containsExactly("ALREADY_EXISTS");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasSize(1);

        TestTenant winner = tenants.get(winners.getFirst());
        graphQl(shared.token("shared-audience", "someone"))
                .document("{ me { kind tenant { id } } }")
                .execute()
                .path("me.tenant.id")
                .entity(String.class)
                .isEqualTo(winner.id());
    }
}

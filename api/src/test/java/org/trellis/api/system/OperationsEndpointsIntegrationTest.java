package org.trellis.api.system;

import org.junit.jupiter.api.Test;
import org.trellis.api.support.IntegrationTest;

/** Probes answer without a token; liveness does not depend on the database, readiness does. */
class OperationsEndpointsIntegrationTest extends IntegrationTest {

    @Test
    void livenessAnswersWithoutTokenAndDoesNotCheckTheDatabase() {
        http().get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.db")
                .doesNotExist();
    }

    @Test
    void readinessIncludesTheDatabase() {
        http().get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void exposesAuthenticationFailureMetrics() {
        http().post().uri("/graphql").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        http().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> org.assertj.core.api.Assertions.assertThat(text)
                        .contains("trellis_auth_failures_total{")
                        .contains("hikaricp_connections_pending"));
    }

    @Test
    void everythingElseNeedsAToken() {
        http().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        http().get().uri("/anything").exchange().expectStatus().isUnauthorized();
    }
}

package org.trellis.api.system;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.trellis.api.support.IntegrationTest;

/**
 * Probes answer without a token on the management port; liveness does not depend on the database, readiness does.
 * Nothing under {@code /actuator} is served on the API port.
 */
class OperationsEndpointsIntegrationTest extends IntegrationTest {

    @Test
    void livenessAnswersWithoutTokenAndDoesNotCheckTheDatabase() {
        management()
                .get()
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
        management()
                .get()
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
        org.assertj.core.api.Assertions.assertThat(prometheusScrape())
                .contains("trellis_auth_failures_total{")
                .contains("hikaricp_connections_pending");
    }

    @Test
    void everythingElseNeedsAToken() {
        management().get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        http().get().uri("/anything").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void actuatorIsNotServedOnTheApiPort() {
        for (String path : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/prometheus")) {
            http().get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404);
        }
    }
}

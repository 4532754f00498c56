package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.trellis.api.support.AuditLogLines;
import org.trellis.api.support.IntegrationTest;

/**
 * What an operator reads: metrics by bounded operation name, SCIM and pool metrics, JSON log lines that carry the
 * request's correlation id, tenant, operation and W3C trace id, and alert rules and a dashboard that name only
 * metrics the application emits.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTest extends IntegrationTest {

    private static final Pattern SERIES = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    @Test
    void graphQlOperationsAreTimedAndPricedByBoundedName() {
        String engineer = newTenant("obs-ops").engineer();
        postQuery(engineer, "query ObservedMe { me { kind } }").expectStatus().isOk();
        postQuery(engineer, "{ me { kind } }").expectStatus().isOk();
        postQuery(engineer, "query NeverValidated { noSuchField }");

        assertThat(prometheusScrape())
                .containsPattern(series("graphql_request_seconds_count", "graphql_operation_name=\"ObservedMe\""))
                .containsPattern(series("graphql_request_seconds_bucket", "graphql_operation_name=\"ObservedMe\""))
                .containsPattern(series("graphql_request_seconds_count", "graphql_operation_name=\"anonymous\""))
                .containsPattern(series("graphql_request_seconds_count", "graphql_operation_name=\"unknown\""))
                .containsPattern(series("trellis_graphql_cost_count", "operation=\"ObservedMe\""))
                .containsPattern(series("trellis_graphql_cost_bucket", "operation=\"ObservedMe\""))
                .doesNotContain("NeverValidated");
    }

    /**
     * One observation per resolved field and per batch load would cost a heavy request a fifth of its CPU (measured by
     * the benchmark's flight recording) and no panel, alert or runbook reads them: operations are timed whole.
     */
    @Test
    void fieldsAndBatchLoadsAreNotObservedOneByOne() {
        TestTenant tenant = newTenant("obs-fields");
        postQuery(
                        tenant.admin(),
                        "query ObservedFields { me { kind } people(first: 5) { edges { node { manager { id } } } } }")
                .expectStatus()
                .isOk();

        assertThat(prometheusScrape())
                .containsPattern(series("graphql_request_seconds_count", "graphql_operation_name=\"ObservedFields\""))
                .doesNotContain("graphql_datafetcher")
                .doesNotContain("graphql_dataloader");
    }

    @Test
    void scimRequestsAreCountedByMethodAndStatusClass() {
        http().get()
                .uri("/scim/v2/Users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-credential")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(prometheusScrape())
                .containsPattern(series("trellis_scim_requests_total", "method=\"GET\",status=\"4xx\""));
    }

    @Test
    void databasePoolMetricsAreExposed() {
        assertThat(prometheusScrape())
                .contains("hikaricp_connections_pending{")
                .contains("hikaricp_connections_timeout_total{")
                .contains("hikaricp_connections_active{")
                .contains("hikaricp_connections_max{");
    }

    @Test
    void aW3cTraceparentCarriesItsTraceIdIntoTheJsonLogLines(CapturedOutput output) {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String correlation = "trace-test-" + UUID.randomUUID();
        http().post()
                .uri("/graphql")
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("X-Correlation-Id", correlation)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(output.getOut().lines().filter(line -> line.contains(correlation)))
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line).startsWith("{").endsWith("}").contains(traceId));
    }

    @ExtendWith(AuditLogLines.class)
    @Test
    void logLinesWithinAnOperationCarryItsNameTenantAndCorrelationId(CapturedOutput output) {
        TestTenant tenant = newTenant("obs-logs");
        String correlation = "operation-test-" + UUID.randomUUID();
        http().post()
                .uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.admin())
                .header("X-Correlation-Id", correlation)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of(
                        "query",
                        "mutation CreateObservedCredential { createScimCredential(input: {name: \"obs\"})"
                                + " { scimCredential { id } } }"))
                .exchange()
                .expectStatus()
                .isOk();
        List<String> lines = output.getOut()
                .lines()
                .filter(line -> line.contains(correlation))
                .toList();
        // The first request signs the admin in (audited before the operation runs), then runs the mutation.
        assertThat(lines)
                .filteredOn(line -> line.contains("audit action="))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).contains("\"tenantId\":\"" + tenant.uuid() + "\""));
        assertThat(lines)
                .filteredOn(line -> line.contains("scim-credential.created"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("\"operationName\":\"CreateObservedCredential\"")
                        .contains("\"correlationId\":\"" + correlation + "\""));
    }

    @Autowired
    private ApplicationContext context;

    @Test
    void nothingIsExportedOverOtlpUnlessSwitchedOn() {
        assertThat(context.getBeansOfType(io.opentelemetry.sdk.trace.export.SpanExporter.class))
                .isEmpty();
        assertThat(context.getBeansOfType(io.opentelemetry.sdk.logs.export.LogRecordExporter.class))
                .isEmpty();
        assertThat(context.getBeansOfType(io.micrometer.registry.otlp.OtlpMeterRegistry.class))
                .isEmpty();
    }

    @Test
    void everyMetricTheAlertsAndDashboardReadIsEmitted() {
        // Traffic that makes the lazily registered meters appear.
        http().post().uri("/graphql").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        postQuery(newTenant("obs-rules").engineer(), "query RulesMe { me { kind } }")
                .expectStatus()
                .isOk();
        http().get().uri("/scim/v2/Users").exchange().expectStatus().isUnauthorized();
        http().post()
                .uri("/webhooks/nothing-here")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange();

        Set<String> emitted = new TreeSet<>();
        Matcher series = SERIES.matcher(prometheusScrape());
        while (series.find()) {
            emitted.add(series.group(1));
        }
        assertThat(MonitoringRules.allMetricNames())
                .allSatisfy(name -> assertThat(
                                emitted.contains(name) || MonitoringRules.FROM_PROMETHEUS_AND_KUBERNETES.contains(name))
                        .as("%s is emitted", name)
                        .isTrue());
    }

    private static String series(String name, String labels) {
        return Pattern.quote(name) + "\\{[^}]*" + labels + "[^}]*} [1-9]";
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid W3C id)
        return bytes;
    }
}

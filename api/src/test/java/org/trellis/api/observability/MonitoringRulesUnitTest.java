package org.trellis.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MonitoringRulesUnitTest {

    @Test
    void everyAlertHasANameExpressionSeverityAndSummary() {
        Set<String> alerts = new HashSet<>();
        JsonNode groups = MonitoringRules.alerts().get("groups");
        assertThat(groups.isArray()).isTrue();
        groups.forEach(group -> {
            assertThat(group.get("name").asString()).startsWith("trellis");
            group.get("rules").forEach(rule -> {
                assertThat(alerts.add(rule.get("alert").asString()))
                        .as("alert names are unique")
                        .isTrue();
                assertThat(rule.get("expr").asString()).isNotBlank();
                assertThat(rule.get("labels").get("severity").asString()).isIn("critical", "warning", "info");
                assertThat(rule.get("annotations").get("summary").asString()).isNotBlank();
            });
        });
        assertThat(alerts)
                .contains(
                        "TrellisHttp5xxRatio",
                        "TrellisGraphQlErrorRatio",
                        "TrellisGraphQlLatencyP99High",
                        "TrellisDbPoolPending",
                        "TrellisDbPoolTimeouts",
                        "TrellisOutboxBacklogOld",
                        "TrellisWebhookDeliveriesGaveUp",
                        "TrellisRateLimitRefusalSpike",
                        "TrellisAuthFailureSpike",
                        "TrellisReplicasNotReady",
                        "TrellisScimErrorRatio");
    }

    @Test
    void everyDashboardPanelQueriesPrometheus() {
        JsonNode panels = MonitoringRules.dashboard().get("panels");
        assertThat(panels.size()).isGreaterThan(10);
        panels.forEach(panel -> {
            assertThat(panel.get("title").asString()).isNotBlank();
            assertThat(panel.get("targets").size()).isPositive();
        });
    }

    @Test
    void readsMetricNamesButNotLabelsFunctionsOrKeywords() {
        assertThat(MonitoringRules.metricNames("histogram_quantile(0.99, sum by (namespace, le)"
                        + " (rate(foo_seconds_bucket{job=\"x\", status=~\"5..\"}[5m]))) / bar_total > 0.5"
                        + " and up{job=\"trellis\"} == 0"))
                .containsExactlyInAnyOrder("foo_seconds_bucket", "bar_total", "up");
    }

    @Test
    void everyMetricIsTrellisSpringJvmOrKubernetes() {
        assertThat(MonitoringRules.allMetricNames())
                .isNotEmpty()
                .allSatisfy(name ->
                        assertThat(name).matches("(trellis|graphql|http_server|hikaricp|jvm|kube)_[a-z0-9_]+|up"));
    }
}

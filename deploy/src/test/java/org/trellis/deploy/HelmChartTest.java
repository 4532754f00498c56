package org.trellis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Helm chart, rendered offline and read back into the Kubernetes API model. */
class HelmChartTest {

    private static final Map<String, Object> CREATED_SECRETS = Map.of(
            "secrets.create", "true",
            "secrets.runtime.password", "runtime-password",
            "secrets.owner.password", "owner-password",
            "secrets.webhooks.key", "d2ViaG9vay1rZXk=");

    @Test
    void lintsCleanInStrictMode() {
        var result = Chart.lint();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void rendersOnlyValidKubernetesObjects() {
        var rendered = Chart.render(Map.of("metrics.podMonitor.enabled", "true"));

        assertThat(rendered.manifests())
                .allSatisfy(m -> assertThat(KubernetesModel.knows(m) || isPrometheusOperator(m))
                        .as(m.get("apiVersion") + " " + m.get("kind"))
                        .isTrue());
        assertThat(rendered.objects())
                .extracting(HasMetadata::getKind)
                .contains(
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "Job",
                        "Ingress",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler");
        assertThat(Chart.render(CREATED_SECRETS).all(Secret.class)).hasSize(3);
    }

    @Test
    void ingressRoutesOnlyGraphqlScimAndWebhooks() {
        Ingress ingress = Chart.render(Map.of()).one(Ingress.class);

        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .toList();
        assertThat(paths)
                .extracting(HTTPIngressPath::getPath)
                .containsExactlyInAnyOrder("/graphql", "/scim/v2", "/webhooks/");
        assertThat(paths)
                .allSatisfy(path -> assertThat(
                                path.getBackend().getService().getPort().getName())
                        .isEqualTo("http"));
        assertThat(Chart.render(Map.of()).ofKind("Ingress"))
                .hasSize(1)
                .allSatisfy(manifest -> assertThat(manifest.toString()).doesNotContain("actuator"));
    }

    @Test
    void applicationPodsNeverSeeTheOwnerCredentials() {
        var rendered = Chart.render(CREATED_SECRETS);
        PodSpec pod = rendered.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().getFirst();

        assertThat(app.getEnv()).extracting(EnvVar::getName).noneMatch(name -> name.contains("OWNER"));
        assertThat(referencedSecrets(pod)).containsExactlyInAnyOrder("trellis-db", "trellis-webhooks");
        assertThat(app.getArgs()).isEmpty();
        String config = rendered.ofKind("ConfigMap").toString();
        assertThat(config).doesNotContain("OWNER", "owner-password", "runtime-password");
    }

    @Test
    void migrationJobIsAPreInstallAndPreUpgradeHookWithTheOwnerSecret() {
        var rendered = Chart.render(CREATED_SECRETS);
        Job job = rendered.one(Job.class);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container migrate = pod.getContainers().getFirst();

        assertThat(job.getMetadata().getAnnotations())
                .containsEntry(Chart.HOOK, "pre-install,pre-upgrade")
                .containsEntry(Chart.HOOK + "-weight", "0");
        assertThat(migrate.getArgs()).containsExactly("migrate");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(referencedSecrets(pod)).containsExactly("trellis-db-owner");
        assertThat(migrate.getEnv())
                .extracting(EnvVar::getName)
                .contains("TRELLIS_DB_URL", "TRELLIS_DB_USER", "TRELLIS_DB_OWNER_USER", "TRELLIS_DB_OWNER_PASSWORD")
                .doesNotContain("TRELLIS_DB_PASSWORD", "TRELLIS_WEBHOOK_SECRET_KEY");
        Secret owner = rendered.all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals("trellis-db-owner"))
                .findFirst()
                .orElseThrow();
        // Created before the job (lower weight), removed once the migrations succeed.
        assertThat(owner.getMetadata().getAnnotations())
                .containsEntry(Chart.HOOK, "pre-install,pre-upgrade")
                .containsEntry(Chart.HOOK + "-weight", "-10")
                .containsEntry(Chart.HOOK + "-delete-policy", "before-hook-creation,hook-succeeded");
        assertThat(rendered.all(Secret.class))
                .filteredOn(s -> !s.getMetadata().getName().equals("trellis-db-owner"))
                .allSatisfy(s -> assertThat(s.getMetadata().getAnnotations()).isNullOrEmpty());
    }

    @Test
    void migrationJobOwnerSecretAndTheJobsNetworkPolicyAreHooksNotReleaseResources() {
        var release = Chart.renderWithoutHooks(CREATED_SECRETS);

        assertThat(release.all(Job.class)).isEmpty();
        assertThat(release.all(Secret.class))
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("trellis-db", "trellis-webhooks");
        assertThat(release.all(NetworkPolicy.class)).hasSize(1);
    }

    @Test
    void probesUseTheManagementPortAndShutdownFitsTheGracePeriod() throws IOException {
        PodSpec pod = Chart.render(Map.of())
                .one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec();
        Container app = pod.getContainers().getFirst();

        assertThat(app.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo("management");
            assertThat(port.getContainerPort()).isEqualTo(8081);
        });
        assertProbe(app.getLivenessProbe(), "/actuator/health/liveness");
        assertProbe(app.getStartupProbe(), "/actuator/health/liveness");
        assertProbe(app.getReadinessProbe(), "/actuator/health/readiness");

        List<String> preStop = app.getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.getFirst()).isEqualTo("sleep");
        long sleep = Long.parseLong(preStop.get(1));
        long springPhase = springShutdownPhase().toSeconds();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(sleep + springPhase);
    }

    @Test
    void refusesAGracePeriodShorterThanTheShutdown() {
        assertThatThrownBy(() -> Chart.render(Map.of("shutdown.terminationGracePeriodSeconds", "20")))
                .hasMessageContaining("terminationGracePeriodSeconds");
    }

    @Test
    void everyPodRunsUnprivilegedWithAReadOnlyRootFilesystem() {
        var rendered = Chart.render(Map.of());
        List<PodSpec> pods = List.of(
                rendered.one(Deployment.class).getSpec().getTemplate().getSpec(),
                rendered.one(Job.class).getSpec().getTemplate().getSpec());

        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isNotZero();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getContainers()).allSatisfy(container -> {
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop())
                        .containsExactly("ALL");
                assertThat(container.getImage()).isEqualTo("registry.example.com/trellis@sha256:" + "a".repeat(64));
            });
        });
    }

    @Test
    void scalesAndKeepsAReplicaThroughDisruptions() {
        var rendered = Chart.render(Map.of());
        Deployment deployment = rendered.one(Deployment.class);
        HorizontalPodAutoscaler hpa = rendered.one(HorizontalPodAutoscaler.class);
        PodDisruptionBudget pdb = rendered.one(PodDisruptionBudget.class);

        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getReplicas())
                .as("left to the autoscaler")
                .isNull();
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void networkPolicyLetsInOnlyTheIngressControllerAndPrometheusAndLetsOutOnlyDnsPostgresqlAndPublicHttps() {
        List<NetworkPolicy> policies = Chart.render(Map.of()).all(NetworkPolicy.class);
        NetworkPolicy app = policies.stream()
                .filter(p -> p.getSpec()
                        .getPodSelector()
                        .getMatchLabels()
                        .get("app.kubernetes.io/component")
                        .equals("api"))
                .findFirst()
                .orElseThrow();

        assertThat(app.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(app.getSpec().getIngress())
                .hasSize(2)
                .allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
        assertThat(app.getSpec().getIngress())
                .flatExtracting(rule -> ports(rule.getPorts()))
                .containsExactlyInAnyOrder(8080, 8081);
        assertThat(app.getSpec().getEgress())
                .flatExtracting(rule -> ports(rule.getPorts()))
                .containsExactlyInAnyOrder(53, 53, 5432, 443);
        NetworkPolicyEgressRule https = app.getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains(443))
                .findFirst()
                .orElseThrow();
        assertThat(https.getTo().getFirst().getIpBlock().getExcept())
                .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");

        NetworkPolicy migrate =
                policies.stream().filter(p -> p != app).findFirst().orElseThrow();
        assertThat(migrate.getSpec().getIngress()).isEmpty();
        assertThat(migrate.getSpec().getEgress())
                .flatExtracting(rule -> ports(rule.getPorts()))
                .containsExactlyInAnyOrder(53, 53, 5432);
    }

    @Test
    void monitoringScrapesTheManagementPortWhenEnabledAndIsOffByDefault() {
        assertThat(Chart.render(Map.of()).ofKind("PodMonitor")).isEmpty();

        var rendered =
                Chart.render(Map.of("metrics.podMonitor.enabled", "true", "metrics.prometheusRule.enabled", "true"));

        assertThat(rendered.ofKind("PodMonitor").getFirst().toString())
                .contains("port=management", "path=/actuator/prometheus");
        String rules = rendered.ofKind("PrometheusRule").getFirst().toString();
        assertThat(rules).contains("TrellisDown", "runbook_url=deploy/runbooks/", "{{ $labels.pod }}");
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    private static Set<String> referencedSecrets(PodSpec pod) {
        return pod.getContainers().stream()
                .flatMap(c -> {
                    var fromEnv = c.getEnv().stream()
                            .filter(e ->
                                    e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .map(e -> e.getValueFrom().getSecretKeyRef().getName());
                    var fromEnvFrom = c.getEnvFrom().stream()
                            .filter(e -> e.getSecretRef() != null)
                            .map(e -> e.getSecretRef().getName());
                    return java.util.stream.Stream.concat(fromEnv, fromEnvFrom);
                })
                .collect(Collectors.toSet());
    }

    private static List<Integer> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map(p -> p.getPort().getIntVal()).toList();
    }

    private static boolean isPrometheusOperator(Map<String, Object> manifest) {
        return "monitoring.coreos.com/v1".equals(manifest.get("apiVersion"));
    }

    /** The application's own setting, so the chart cannot drift from it. */
    private static Duration springShutdownPhase() throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(Path.of("..", "api", "src", "main", "resources", "application.properties"))) {
            properties.load(reader);
        }
        String value = properties.getProperty("spring.lifecycle.timeout-per-shutdown-phase");
        assertThat(value).endsWith("s");
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }
}
